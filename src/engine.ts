import { answerQuestion, DEFAULT_ANSWER_OPTIONS, type AnswerCorpus, type AnswerOptions } from './answer/index.js'
import type { CompareAnswersOptions } from './claims/answers.js'
import { claimQuestionDisagreements, DEFAULT_CLAIM_QUESTION_OPTIONS } from './claim-questions.js'
import { buildDisagreementIndex, disagreementsForQuestion, disputedAnswer, type DisagreementIndex } from './disagreements.js'
import { UserFacingError } from './errors.js'
import { suggestQuestions } from './examples.js'
import { buildStories, storyOfSource } from './stories.js'
import { buildStoryTakeaways, disagreementsByStory, mergeStoryTakeaways, storyTakeawayWork, type StoryTakeawayWork } from './story-takeaways.js'
import { createTakeawayBuilder, findNameStems, selectTakeaways, type TakeawayBuildOptions, type TakeawayIndex } from './takeaways/index.js'
import type { PassageOptions } from './passages.js'
import { readArticle, readingsBySource, type ArticleReading, type SentenceReadings } from './reading.js'
import { articleText, assembleCorpusIndex, buildCorpusIndex, corpusIndexParts, passageById, searchPassages, type CorpusIndex, type IndexOptions } from './search.js'
import { createEngineSnapshot, defineLazily, finishSteps, indexPartsFromSnapshot, NotSerializableError, packPartsInSteps, snapshotIndex, unpackParts, type EngineSnapshot } from './snapshot.js'
import type { BuildReuse } from './rebuild.js'
import type { Synsets } from './thesaurus.js'
import type { ArticleInput, Disagreement, Engine, SourceSummary, Story } from './types.js'

/** Every tunable of the core, grouped by stage. Each stage documents its own defaults. */
export interface EngineOptions {
  passages?: PassageOptions
  index?: IndexOptions
  answer?: AnswerOptions
  /** Synonym sets for query expansion (WordNet's, loaded by the caller). Defaults to none. */
  synsets?: Synsets
  /** How takeaways are ranked; see `TakeawayBuildOptions` for each default. */
  takeaways?: TakeawayBuildOptions
  /** How the sources' answers to a question are compared; see `CompareAnswersOptions` for each default (the stories are the engine's own). */
  compare?: Omit<CompareAnswersOptions, 'storyOf'>
  /**
   * Told how long each build stage took, in order, for logs and benchmarks (`bench:scale`): `sentences`
   * (splitting passages and sentences and the one reading of each sentence with the NLP library, see
   * `readArticle`), `index` (BM25 postings, vocabulary, synonyms), `stories`, `claims` (claims and
   * disagreements), `takeaways`, `examples`.
   * Not called for what a snapshot already holds. Defaults to none.
   */
  onStage?: (stage: BuildStage, ms: number) => void
}

/** A stage of building an engine, as `EngineOptions.onStage` names it. */
export type BuildStage = 'sentences' | 'index' | 'stories' | 'claims' | 'takeaways' | 'examples'

/** Calls `build` and tells `onStage` how long it took. */
function timed<T>(stage: BuildStage, onStage: EngineOptions['onStage'], build: () => T): T {
  if (!onStage) return build()
  const startedAt = performance.now()
  const built = build()
  onStage(stage, performance.now() - startedAt)
  return built
}

/**
 * Builds the engine over a corpus: splits passages, reads each sentence once with the NLP library,
 * indexes them, and precomputes what questions need. Pure: the caller reads the files. Throws when
 * `articles` is empty.
 */
export function createEngine(articles: ArticleInput[], options: EngineOptions = {}): Engine {
  const read = timed('sentences', options.onStage, () => articles.map((article) => readArticle(article, options.passages)))
  return createEngineFromReadings(articles, read, options)
}

/**
 * `createEngine` over articles already read by `readArticle` (`read[i]` is `articles[i]`'s), for a
 * caller that reads them elsewhere, as on several threads: merges the readings into one index and
 * builds what depends on the whole corpus (stories, claims, takeaways) from them, without reading a
 * sentence again. Throws when `articles` is empty.
 */
export function createEngineFromReadings(articles: ArticleInput[], read: readonly ArticleReading[], options: EngineOptions = {}, reuse?: BuildReuse): Engine {
  return prepareEngineFromReadings(articles, read, options, reuse).finish()
}

/**
 * A build from readings, stopped before its takeaways, so that a caller with threads can rank some
 * stories' takeaways elsewhere (`rankStoryTakeawayWork` on `takeawayWork(ids)`) while this thread
 * ranks the others (`finish`). The engine is the same however the stories were shared out.
 */
export interface PendingEngine {
  /** The corpus's stories, in build order. */
  stories: Story[]
  /** What another thread needs to rank the takeaways of the stories `storyIds`, as plain data. */
  takeawayWork(storyIds: readonly string[]): StoryTakeawayWork
  /** Ranks the takeaways of the stories `storyIds` here, as another thread would rank `takeawayWork(storyIds)`. */
  rankStories(storyIds: readonly string[]): Map<string, TakeawayIndex>
  /**
   * Ranks the takeaways of the stories not in `ranked` (takeaways ranked elsewhere from
   * `takeawayWork`, by story id), builds the rest and returns the engine. `rankedMs`, the time taken
   * elsewhere before, is added to the takeaways stage that `onStage` is told of.
   */
  finish(ranked?: ReadonlyMap<string, TakeawayIndex>, rankedMs?: number): Engine
}

/**
 * `createEngineFromReadings` up to its takeaways: merges the readings into one index and finds the
 * stories and disagreements. With `releaseTerms` (for a caller that drops `read` after the build;
 * defaults to false), each reading's index tallies (`ArticleReading.terms`) are deleted once the
 * index is built. Throws when `articles` is empty.
 */
export function prepareEngineFromReadings(articles: ArticleInput[], read: readonly ArticleReading[], options: EngineOptions = {}, reuse?: BuildReuse, releaseTerms = false): PendingEngine {
  if (articles.length === 0) throw new Error('createEngine: the corpus has no articles')
  const { onStage } = options
  const index = timed('index', onStage, () => indexOfReadings(articles, read, options))
  // The index tallies are most of a reading's memory after its tokens, and nothing after the index reads them.
  if (releaseTerms) for (const article of read) delete (article as ArticleReading).terms
  const bySource = readingsBySource(read)
  const readings: SentenceReadings = (sourceId, start) => bySource.get(sourceId)?.get(start)
  const stories = timed('stories', onStage, () => storiesOf(index))
  const disagreements = timed('claims', onStage, () => buildDisagreementIndex(index, { storyOf: storyIdLookup(stories) }, readings))
  // Found once for the stories ranked here and those ranked elsewhere alike.
  let names: Set<string> | undefined
  const namesOf = () => (names ??= findNameStems(index))
  let own: Map<string, DisagreementIndex> | undefined
  const ownDisagreements = () => (own ??= disagreementsByStory(stories, disagreements))
  const storiesIn = (storyIds: readonly string[]) => {
    const wanted = new Set(storyIds)
    return stories.filter((story) => wanted.has(story.id))
  }
  return {
    stories,
    takeawayWork(storyIds) {
      return storyTakeawayWork(index, namesOf(), storiesIn(storyIds), ownDisagreements(), (sourceId) => bySource.get(sourceId), options.takeaways)
    },
    rankStories(storyIds) {
      const build = createTakeawayBuilder(index, options.takeaways, readings, namesOf())
      return new Map(storiesIn(storyIds).map((story) => [story.id, build(ownDisagreements().get(story.id) ?? { all: [] }, story.sources, 0)]))
    },
    finish(ranked, rankedMs = 0) {
      const onStageAfter: EngineOptions['onStage'] = onStage && ((stage, ms) => onStage(stage, stage === 'takeaways' ? ms + rankedMs : ms))
      return engineOver(index, { ...options, onStage: onStageAfter }, { stories, disagreements }, readings, reuse, ranked, ranked ? namesOf() : names)
    },
  }
}

/**
 * The index over `read`, made apart from `prepareEngineFromReadings` so that the merged lists of
 * passages, answer-type bits and tallies are dropped once it is built, not kept by its closures.
 */
function indexOfReadings(articles: ArticleInput[], read: readonly ArticleReading[], options: EngineOptions): CorpusIndex {
  const passages = read.flatMap((article) => article.passages)
  const features = read.flatMap((article) => article.readings.map((sentences) => sentences.map((reading) => reading.features)))
  // Readings made elsewhere may lack the tallies: then the index makes them for every passage.
  const terms = read.every((article) => article.terms) ? read.flatMap((article) => article.terms ?? []) : undefined
  return buildCorpusIndex(articles, passages, options.index, options.synsets, features, terms)
}

/** The stories of an index's articles. */
function storiesOf(index: CorpusIndex): Story[] {
  return buildStories(index.sources.map((source) => ({ source, text: articleText(index, source.id) })))
}

/** The id of the story of a source, `''` for none. */
function storyIdLookup(stories: readonly Story[]): (sourceId: string) => string {
  const storyOf = storyOfSource(stories)
  return (sourceId) => storyOf.get(sourceId) ?? ''
}

/** What an engine derives from its index when it is created; a snapshot keeps it so a start need not redo it. */
export interface EngineDerivedData {
  disagreements: DisagreementIndex
  /** Takeaways of the whole corpus: with several stories, every story's candidates merged by score. */
  takeaways: TakeawayIndex
  examples: string[]
  stories: Story[]
  /** Per story id, that story's takeaways; absent for a corpus of one story, whose takeaways are `takeaways`. */
  storyTakeaways?: Map<string, TakeawayIndex>
  /**
   * Per story id, that story's disagreements in `disagreements.all`'s order (a story with none has no
   * entry). Only a snapshot of several stories holds it, so that `disagreements --story` decodes one
   * story's rather than every story's claims on its first read.
   */
  storyDisagreements?: Map<string, Disagreement[]>
}

/**
 * How deep a snapshot splits the derived data into parts decoded on first use: its fields, then
 * their fields and entries (the claims, each story's takeaways), so a start decodes only the stories
 * and example questions, and a question only what it reads.
 */
const DERIVED_PACK_DEPTH = 2

/** What `engineToSnapshot` needs of an engine, kept out of the `Engine` interface that adapters see. */
const engineInternals = new WeakMap<
  Engine,
  {
    index: CorpusIndex
    options: Pick<EngineOptions, 'answer' | 'takeaways'>
    derived: EngineDerivedData
    /** The derived data as the snapshot it came from packed it: taken again as it is, not decoded to be packed again. */
    packed?: unknown
  }
>()

/**
 * The stories of an engine made by this module and each one's takeaways (a corpus of one story:
 * the corpus's), numbered as built: what a rebuild may reuse (see `src/rebuild.ts`).
 */
export function engineStoryTakeaways(engine: Engine): Array<{ story: Story; takeaways: TakeawayIndex }> {
  const internals = engineInternals.get(engine)
  if (!internals) throw new Error('engineStoryTakeaways: not an engine made by createEngine')
  const { stories, storyTakeaways, takeaways } = internals.derived
  return stories.flatMap((story) => {
    const own = stories.length === 1 ? takeaways : storyTakeaways?.get(story.id)
    return own ? [{ story, takeaways: own }] : []
  })
}

/**
 * A JSON-able snapshot of an engine built by `createEngine` or `createEngineFromSnapshot`: its
 * index, and its disagreements, takeaways and example questions when they are plain data (else
 * they are rebuilt at load). Throws for an engine not made by this module.
 */
export function engineToSnapshot(engine: Engine): EngineSnapshot {
  const internals = engineInternals.get(engine)
  if (!internals) throw new Error('engineToSnapshot: not an engine made by createEngine')
  return createEngineSnapshot(snapshotIndex(corpusIndexParts(internals.index)), internals.options, internals.packed ?? packDerived(internals.derived))
}

/** The derived data in `packParts`'s form, `null` when it holds functions (a loaded engine rebuilds it). */
function packDerived(derived: EngineDerivedData): unknown {
  return finishSteps(packDerivedInSteps(derived))
}

/** `packDerived` in steps (see `packPartsInSteps`). */
function* packDerivedInSteps(derived: EngineDerivedData): Generator<void, unknown, void> {
  try {
    // With several stories, the corpus-wide takeaways are the stories' merged: a start merges them
    // again when they are first asked for, rather than the snapshot holding every sentence twice.
    const { storyTakeaways, stories, disagreements } = derived
    // Each story's disagreements apart too (a copy of `all`'s, which is small beside the claims), so
    // that one story's are read without decoding every story's.
    const storyDisagreements = stories.length > 1 && disagreements.entries ? disagreementsOfStories(disagreements) : undefined
    return yield* packPartsInSteps({ ...derived, takeaways: storyTakeaways ? undefined : derived.takeaways, storyDisagreements }, DERIVED_PACK_DEPTH)
  } catch (error) {
    if (!(error instanceof NotSerializableError)) throw error
    return null
  }
}

/**
 * The engine a snapshot was taken of, without re-reading synonyms or re-running the NLP over the
 * corpus. `snapshot` is the object `engineToSnapshot` returned (after a JSON round trip or not).
 */
export function createEngineFromSnapshot(snapshot: EngineSnapshot): Engine {
  const index = assembleCorpusIndex(indexPartsFromSnapshot(snapshot.index))
  // Options other than the index's and synonyms' shape only what is derived at load: keep them.
  return engineOverPacked(index, snapshot.engineOptions as Pick<EngineOptions, 'answer' | 'takeaways' | 'compare'>, snapshot.derived)
}

/**
 * `engine` (made by `createEngine`) with what it derived (every story's takeaway candidates, the
 * claims) packed as its snapshot packs it, each part decoded on its first use, over the same index:
 * the engine a start from its snapshot makes, without a copy of the index. For a caller that keeps
 * the engine after its build: it holds a third of the objects, and the sentences it quotes no longer
 * keep their articles' decoded texts alive. `engine` itself when its derived data cannot be packed.
 */
export function packEngine(engine: Engine): Engine {
  return finishSteps(packEngineInSteps(engine))
}

/**
 * `packEngine` in steps: yields after each part it packs (a story's takeaways, the claims), so that a
 * caller serving `engine` meanwhile answers questions between steps and then swaps in the result,
 * which answers as `engine` does. `engine` is only read, never changed.
 */
export function* packEngineInSteps(engine: Engine): Generator<void, Engine, void> {
  const internals = engineInternals.get(engine)
  if (!internals) throw new Error('packEngine: not an engine made by createEngine')
  const packed = internals.packed ?? (yield* packDerivedInSteps(internals.derived))
  return packed === null ? engine : engineOverPacked(internals.index, internals.options, packed)
}

/** An engine over `index` whose derived data is `packed` (`packDerived`'s form), decoded on first use; `null` rebuilds it. */
function engineOverPacked(index: CorpusIndex, options: Pick<EngineOptions, 'answer' | 'takeaways' | 'compare'>, packed: unknown): Engine {
  const derived = packed === null ? undefined : (unpackParts(packed) as Partial<EngineDerivedData>)
  const storyTakeaways = derived?.storyTakeaways
  if (derived && storyTakeaways && !derived.takeaways) {
    const merged: Partial<TakeawayIndex> = {}
    let made: TakeawayIndex | undefined
    for (const key of ['ranked', 'candidates', 'duplicateSimilarity', 'nextId'] as const) defineLazily(merged, key, () => (made ??= mergeStoryTakeaways(storyTakeaways.values()))[key])
    derived.takeaways = merged as TakeawayIndex
  }
  const engine = engineOver(index, options, derived)
  const internals = engineInternals.get(engine)
  if (internals && packed !== null) internals.packed = packed
  return engine
}

/** `disagreements.all` by story, each story's in the same order as in `all`. */
function disagreementsOfStories(disagreements: DisagreementIndex): Map<string, Disagreement[]> {
  const byStory = new Map<string, Disagreement[]>()
  for (const entry of disagreements.entries ?? []) {
    if (entry.storyId === undefined) continue
    const list = byStory.get(entry.storyId)
    if (list) list.push(entry.disagreement)
    else byStory.set(entry.storyId, [entry.disagreement])
  }
  return byStory
}

/**
 * An engine over an index built already, with derived data given in `saved` used as it is and the
 * rest built. For benchmarks that build a large index piecewise; the barrel does not export it.
 */
export function createEngineFromIndex(index: CorpusIndex, options: EngineOptions = {}, saved: Partial<EngineDerivedData> = {}): Engine {
  return engineOver(index, options, saved)
}

/**
 * The engine's methods over a built index; `saved` holds derived data from a snapshot, `readings`
 * the build's NLP readings of the sentences (without them, stages read sentences again).
 */
function engineOver(
  index: CorpusIndex,
  options: EngineOptions,
  saved: Partial<EngineDerivedData> = {},
  readings?: SentenceReadings,
  reuse?: BuildReuse,
  ranked?: ReadonlyMap<string, TakeawayIndex>,
  names?: ReadonlySet<string>,
): Engine {
  const answerOptions = { ...DEFAULT_ANSWER_OPTIONS, ...options.answer }
  const derived = deriveEngineData(index, options, answerOptions, saved, readings, reuse, ranked, names)
  return engineMethods(index, answerOptions, options.takeaways, derived, options.compare)
}

/**
 * What an engine derives from its index, `saved` used as it is and the rest built. Kept apart from
 * `engineMethods`: the engine's methods are closures, and a closure keeps alive every variable of
 * its function that any closure there reads, so the build's sentence readings, synonym sets and
 * reuse must not be variables of the function that makes them.
 */
function deriveEngineData(
  index: CorpusIndex,
  options: EngineOptions,
  answerOptions: Required<AnswerOptions>,
  saved: Partial<EngineDerivedData>,
  readings: SentenceReadings | undefined,
  reuse: BuildReuse | undefined,
  ranked: ReadonlyMap<string, TakeawayIndex> | undefined,
  names: ReadonlySet<string> | undefined,
): EngineDerivedData {
  const { onStage } = options
  const stories = saved.stories ?? timed('stories', onStage, () => storiesOf(index))
  const disagreements = saved.disagreements ?? timed('claims', onStage, () => buildDisagreementIndex(index, { storyOf: storyIdLookup(stories) }, readings))
  const built = saved.takeaways
    ? { takeaways: saved.takeaways, storyTakeaways: saved.storyTakeaways }
    : timed('takeaways', onStage, () => buildStoryTakeaways(index, stories, disagreements, options.takeaways, readings, reuse, ranked, names))
  const { takeaways, storyTakeaways } = built
  // How a suggested question is checked: answered as a user would ask it.
  const corpus = answerCorpusOf(stories)
  const answerPlainly = (question: string) => answerQuestion(index, question, {}, answerOptions, corpus).answer
  const examples =
    saved.examples ?? timed('examples', onStage, () => reuse?.examples?.((question) => answerPlainly(question).status === 'answered') ?? suggestQuestions(index, answerPlainly))
  return { disagreements, takeaways, examples, stories, ...(storyTakeaways ? { storyTakeaways } : {}), ...(saved.storyDisagreements ? { storyDisagreements: saved.storyDisagreements } : {}) }
}

/** What answering needs of the corpus's stories: the articles alone in theirs. */
function answerCorpusOf(stories: readonly Story[]): AnswerCorpus {
  return { loneSources: new Set(stories.filter((story) => story.sources.length === 1).flatMap((story) => story.sources)), storyOf: storyOfSource(stories) }
}

/**
 * Most questions the list of every story's disagreements asks of the stories' claims, in all
 * (`src/claim-questions.ts`): four stories' worth, about 0.6 s once on this machine.
 */
const MAX_LISTED_QUESTIONS = 96

/** The engine's methods over a built index and what is derived from it. */
function engineMethods(index: CorpusIndex, answerOptions: Required<AnswerOptions>, takeawayOptions: TakeawayBuildOptions | undefined, derived: EngineDerivedData, compareOptions: EngineOptions['compare'] = {}): Engine {
  const { disagreements, takeaways, examples, stories, storyTakeaways, storyDisagreements } = derived
  const checkSource = (sourceId: string | undefined) => {
    if (sourceId !== undefined && !index.sourceById.has(sourceId)) {
      const known = index.sources.map((source) => source.id).join(', ')
      throw new UserFacingError('unknown-source', `I have no source called "${sourceId}". The sources are: ${known}.`)
    }
  }
  const storyIdOf = storyIdLookup(stories)
  const checkStory = (storyId: string | undefined) => {
    if (storyId !== undefined && !stories.some((story) => story.id === storyId)) {
      const known = stories.map((story) => story.id).join(', ')
      throw new UserFacingError('unknown-story', `I have no story called "${storyId}". The stories are: ${known}.`)
    }
  }
  const corpus = answerCorpusOf(stories)
  const answerPlainly = (question: string) => answerQuestion(index, question, {}, answerOptions, corpus).answer
  const { sourceStart } = index.table
  const summaries: SourceSummary[] = index.sources.map((source, i) => ({
    source,
    // The table orders passages by source: a source's count is the width of its range.
    passages: (sourceStart[i + 1] ?? 0) - (sourceStart[i] ?? 0),
    characters: index.texts.length[i] ?? 0,
  }))
  // A declined question's suggestions come from the story its words point to (its best passage's):
  // in a corpus of several events, the corpus-wide ones may all be about another event.
  const storyExamples = new Map<string, string[]>()
  const examplesFor = (passageIds: string[]): string[] => {
    const best = passageIds[0] === undefined || stories.length < 2 ? undefined : passageById(index, passageIds[0])
    const story = best && stories.find((candidate) => candidate.id === storyIdOf(best.sourceId))
    if (!story) return examples
    let found = storyExamples.get(story.id)
    if (!found) {
      const own = suggestQuestions(index, answerPlainly, { sourceIds: new Set(story.sources) })
      storyExamples.set(story.id, (found = own.length > 0 ? own : examples))
    }
    return found
  }
  // What the question-time comparison finds on each story's counts and sums, made on first use: it
  // asks a few questions per story (about 6 ms each on the bundled corpus), which a build or an ask
  // need not pay for. The list of every story asks at most `MAX_LISTED_QUESTIONS` in all, so a corpus
  // of thousands of stories lists in bounded time; a story asked for by id is always asked in full.
  // Kept apart for the two calls, so that each call gives the same list every time.
  const askedByStory = { listed: new Map<string, Disagreement[]>(), byId: new Map<string, Disagreement[]>() }
  let questionsLeft = MAX_LISTED_QUESTIONS
  const askedOfStory = (story: Story, listed: readonly Disagreement[], byId: boolean): Disagreement[] => {
    const kept = askedByStory[byId ? 'byId' : 'listed']
    let found = kept.get(story.id)
    if (!found) {
      // A story of one article has no disagreements to ask about, and spends nothing.
      const budget = story.sources.length < 2 ? 0 : byId ? DEFAULT_CLAIM_QUESTION_OPTIONS.maxQuestionsPerStory : Math.min(DEFAULT_CLAIM_QUESTION_OPTIONS.maxQuestionsPerStory, questionsLeft)
      if (!byId) questionsLeft -= budget
      if (budget > 0) {
        const sources = new Set(story.sources)
        const claims = (disagreements.claims ?? []).filter((claim) => sources.has(claim.sourceId))
        found = claimQuestionDisagreements(index, claims, story.sources, listed, { ...compareOptions, bridging: answerOptions.bridging }, { maxQuestionsPerStory: budget })
      } else found = []
      kept.set(story.id, found)
    }
    return found
  }
  const engine: Engine = {
    ask(question, ask = {}) {
      checkSource(ask.sourceId)
      const { answer, analyzed, passageIds } = answerQuestion(index, question, ask, answerOptions, corpus)
      if (answer.status === 'no_answer') {
        // Declined, but the sources may each answer it differently: then the disagreement is the answer.
        const disputed = analyzed && ask.sourceId === undefined && (ask.offset ?? 0) === 0 ? disputedAnswer(index, answer, analyzed, passageIds, { ...compareOptions, storyOf: storyIdOf }) : undefined
        return disputed ?? { ...answer, suggestions: examplesFor(passageIds) }
      }
      if (answer.status !== 'answered' || !analyzed) return answer
      return { ...answer, disagreements: disagreementsForQuestion(index, disagreements, { analyzed, passageIds, quotes: answer.quotes }, { ...compareOptions, storyOf: storyIdOf }) }
    },
    search(query, search = {}) {
      checkSource(search.sourceId)
      return searchPassages(index, query, search)
    },
    takeaways(options = {}) {
      checkSource(options.sourceId)
      checkStory(options.storyId)
      // A source's takeaways are its story's, filtered: the same candidates in the same order as the
      // corpus-wide list filtered, without reading (or, from a snapshot, decoding) every story's.
      const storyId = options.storyId ?? (options.sourceId !== undefined && storyTakeaways ? storyIdOf(options.sourceId) : undefined)
      const scope = storyId === undefined ? takeaways : (storyTakeaways?.get(storyId) ?? takeaways)
      // Contested by what the list of disagreements gives for the same stories, the ones found when
      // listed too (the build ranked against its own only): a point never reads as agreed while
      // /disagreements quotes its sentence.
      return selectTakeaways(scope, index, options, engine.disagreements(storyId === undefined ? {} : { storyId }))
    },
    disagreements(options = {}) {
      checkStory(options.storyId)
      const listed =
        options.storyId === undefined || stories.length === 1
          ? disagreements.all
          : (storyDisagreements?.get(options.storyId) ?? (disagreements.entries ?? []).filter((entry) => entry.storyId === options.storyId).map((entry) => entry.disagreement))
      const asked = (options.storyId === undefined ? stories : stories.filter((story) => story.id === options.storyId)).flatMap((story) => askedOfStory(story, listed, options.storyId !== undefined))
      return asked.length === 0 ? listed : [...listed, ...asked]
    },
    stories: () => stories,
    sources: () => summaries,
    exampleQuestions: () => examples,
  }
  engineInternals.set(engine, { index, options: { answer: answerOptions, ...(takeawayOptions ? { takeaways: takeawayOptions } : {}) }, derived })
  return engine
}
