/**
 * The core's public surface. Adapters import from here only.
 */
export type * from './types.js'
export { UserFacingError, CorpusError, type UserFacingErrorCode } from './errors.js'
export { createEngine, createEngineFromReadings, prepareEngineFromReadings, type BuildStage, type EngineOptions, type PendingEngine } from './engine.js'
export { rankStoryTakeawayWork, type StoryTakeawayWork } from './story-takeaways.js'
export { readArticle, type ArticleReading } from './reading.js'
export { rememberStories, reuseExamples, reuseUnchangedStories, type BuildReuse, type ExampleReuse, type StoryMemory, type TakeawayReuse } from './rebuild.js'
export { parseArticleFile, checkUniqueIds, frontMatterSchema, type FrontMatter } from './corpus.js'
export { checkQuestion, DEFAULT_QUESTION_BRIDGING, MAX_QUESTION_CHARS, type QuestionBridgingOptions } from './question.js'
export { DEFAULT_INDEX_OPTIONS, prepareSynsets, type IndexOptions } from './search.js'
export { DEFAULT_ANSWER_OPTIONS, type AnswerOptions } from './answer/index.js'
export { DEFAULT_PASSAGE_OPTIONS, type PassageOptions } from './passages.js'
export { parseWordNet, parseWordNetDerivations, type Synsets, type WordNetLinkOptions } from './thesaurus.js'
export { engineToSnapshot, createEngineFromSnapshot, packEngine, packEngineInSteps } from './engine.js'
export { isEngineSnapshot, SNAPSHOT_VERSION, type EngineSnapshot } from './snapshot.js'
/** The story of each source id: for grouping a question's passages or claims by story. */
export { storyOfSource, DEFAULT_STORY_OPTIONS, type StoryOptions } from './stories.js'
export { DEFAULT_TAKEAWAY_OPTIONS, DEFAULT_TAKEAWAY_BUILD_OPTIONS, type TakeawayBuildOptions, type TakeawayIndex } from './takeaways/index.js'
/** Loads wink-nlp's English model now (about 100 ms) rather than at the first question. */
export { getNlp as loadLanguageModel } from './nlp.js'
export { warmUpQuestions, DEFAULT_WARM_UP_OPTIONS, type WarmUpOptions } from './warm-up.js'
/** The label of a claim from the newest source of a disagreement: its other sides may be outdated. */
export { NEWER_NOTE } from './disagreements.js'
export { conversationTurn, DEFAULT_CONTEXT_WEIGHTS, type ContextWeights } from './conversation.js'
export { isContextDependent } from './conversation-forms.js'
