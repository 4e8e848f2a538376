import { pathToFileURL } from 'node:url'
import { loadWordNetSynsets, type WordNetOptions } from '../adapters/wordnet.js'
import { createEngine, type AnswerOptions } from '../src/index.js'
import { renderParaphrase, runParaphrase } from './paraphrase.js'
import { loadSquad, scoreAbstention, scoreSquad } from './squad.js'
import { fmt, table, timed } from './stats.js'

/** One way of bridging a question's words to an article's: WordNet links and answer settings. */
interface Variant {
  wordNet: WordNetOptions
  answer?: AnswerOptions
}

/**
 * The bridging pieces of issue 14, each measured on its own against `base` (today's defaults):
 * WordNet's derivational links, one hypernym step up or down for nouns, verbs' cause and
 * entailment links, the question's bridges (`QuestionBridgingOptions`) turned off one at a time
 * (irregular verbs' other forms, `irregularVerbs`, also as evidence), and the decline rules
 * (`declineNamesOnly`, `declineUnknownAsked`, `declineWithoutValue`) switched.
 */
const VARIANTS: Record<string, Variant> = {
  base: { wordNet: {} },
  'no-derivations': { wordNet: { derivations: false } },
  'hypernyms-up': { wordNet: { hypernyms: 'up' } },
  'hypernyms-down': { wordNet: { hypernyms: 'down' } },
  'hypernyms-both': { wordNet: { hypernyms: 'both' } },
  'verb-links': { wordNet: { verbLinks: true } },
  'derived-synonyms': { wordNet: { derivedSynonyms: true } },
  'no-title-evidence': { wordNet: {}, answer: { titleEvidence: false } },
  'unknown-0.5': { wordNet: {}, answer: { unknownWordShare: 0.5 } },
  'unknown-0.25': { wordNet: {}, answer: { unknownWordShare: 0.25 } },
  'unknown-0': { wordNet: {}, answer: { unknownWordShare: 0 } },
  'lone-noun-0': { wordNet: {}, answer: { loneUnknownNounShare: 0 } },
  'lone-noun-0.25': { wordNet: {}, answer: { loneUnknownNounShare: 0.25 } },
  'lone-noun-any-vocabulary': { wordNet: {}, answer: { loneUnknownNounShare: 0, loneUnknownNounVocabulary: 0 } },
  'no-uncounted-decline': { wordNet: {}, answer: { declineUncounted: false } },
  'uncounted-any-vocabulary': { wordNet: {}, answer: { valueCheckVocabulary: Infinity } },
  'no-unsaid-measure-decline': { wordNet: {}, answer: { declineUnsaidMeasure: false } },
  'round9-declines': { wordNet: {}, answer: { declineUncounted: false, declineUnsaidMeasure: false, declineWithoutValue: false } },
  'no-unknown-scaling': { wordNet: {}, answer: { unknownWordVocabulary: 0 } },
  'article-evidence-0.87': { wordNet: {}, answer: { minArticleEvidence: 0.87 } },
  'quote-coverage-0.3': { wordNet: {}, answer: { quoteCoverageWeight: 0.3 } },
  'quote-coverage-0.6': { wordNet: {}, answer: { quoteCoverageWeight: 0.6 } },
  'both': { wordNet: {}, answer: { quoteCoverageWeight: 0.6, minArticleEvidence: 0.87 } },
  'no-lemmas': { wordNet: {}, answer: { bridging: { lemmas: false } } },
  'no-same-word-forms': { wordNet: {}, answer: { bridging: { sameWordForms: false } } },
  'no-unknown-word-links': { wordNet: {}, answer: { bridging: { unknownWordLinks: false } } },
  'no-take-place': { wordNet: {}, answer: { bridging: { takePlace: false } } },
  'no-names-only-decline': { wordNet: {}, answer: { declineNamesOnly: false } },
  'no-unknown-asked-decline': { wordNet: {}, answer: { declineUnknownAsked: false } },
  'no-value-decline': { wordNet: {}, answer: { declineWithoutValue: false } },
  'no-title-sentence': { wordNet: {}, answer: { titleSentenceWeight: 0 } },
  'round7-ranking': { wordNet: {}, answer: { titleSentenceWeight: 0, passageCoverageWeight: 0.75 } },
  'no-irregular-verbs': { wordNet: {}, answer: { bridging: { irregularVerbs: 'off' } } },
  'irregular-evidence': { wordNet: {}, answer: { bridging: { irregularVerbs: 'evidence' } } },
  'no-round6-bridges': { wordNet: {}, answer: { bridging: { lemmas: false, sameWordForms: false, unknownWordLinks: false, takePlace: false } } },
}

/**
 * `npm run bench:bridging -- [--variants base,hypernyms-up] [--no-squad] [--misses]`: for each
 * variant, the paraphrase set by half, then SQuAD dev's first quote over all 48 articles and the
 * declines on the half corpus (every other article by title).
 */
async function main(argv: string[]): Promise<void> {
  const pick = argv[argv.indexOf('--variants') + 1]
  const names = argv.includes('--variants') && pick ? pick.split(',') : Object.keys(VARIANTS)
  const squad = argv.includes('--no-squad') ? undefined : await loadSquad()
  const rows: string[][] = []
  for (const name of names) {
    const variant = VARIANTS[name]
    if (!variant) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`)
    const synsets = await loadWordNetSynsets(variant.wordNet)
    const answer = variant.answer ?? {}
    const paraphrase = await runParaphrase(synsets, answer)
    console.log(`== ${name}\n${renderParaphrase(paraphrase, argv.includes('--misses'))}`)
    const cells = paraphrase.map((s) => `${s.right}/${s.inScope} (${s.declined} declined), ${s.outOfScopeDeclined}/${s.outOfScope}`)
    if (squad) {
      const { value, ms } = await timed(() => {
        const engine = createEngine(squad.articles, { synsets, answer })
        const all = scoreSquad(squad, engine, squad.questions)
        const halfArticles = squad.articles.filter((_, i) => i % 2 === 0)
        const abstention = scoreAbstention(createEngine(halfArticles, { synsets, answer }), new Set(halfArticles.map((article) => article.id)), squad.questions)
        return { all, abstention }
      })
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`
      cells.push(pct(value.all.first), pct(value.all.any), pct(value.abstention.otherDeclined), pct(value.abstention.ownDeclined))
      console.log(`SQuAD: first ${cells.at(-4)}, any ${cells.at(-3)}, half corpus: other declined ${cells.at(-2)}, own declined ${cells.at(-1)} (${fmt(ms / 1000)} s)`)
    }
    rows.push([name, ...cells])
  }
  const header = ['variant', 'old tuning: right (declined), out-of-scope declined', 'old held-out', 'round-4 held-out', 'round-5 held-out', 'round-6 set', 'round-7 held-out', 'round-8 held-out', 'round-9 held-out', 'round-10 held-out']
  if (squad) header.push('SQuAD first quote', 'any quote', 'half corpus: other declined', 'own declined')
  console.log(`\n${table(header, rows)}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
