import type { QuestionTerm } from '../question.js'
import { basesOfPastForm, irregularFormsOf } from '../irregular-verbs.js'
import { stemmedTokens, stemOf, type CorpusIndex } from '../search.js'
import type { Quote } from '../types.js'
import { coverageOf, type JudgedTerms } from './coverage.js'
import { TIME_WORDS } from './unknown-words.js'

/**
 * True when some passage of source number `source` (its title included: titles are merged into
 * every passage's postings) holds the stem `stem`. Reads the postings: a binary search over the
 * stem's passage list per passage of the article, or one when the article's passages are numbered
 * in one run, as a build numbers them.
 */
export function articleHoldsStem(index: CorpusIndex, source: number, stem: string): boolean {
  const id = index.postings.termIds.get(stem)
  if (id === undefined) return false
  const { bySourceOrdinal, sourceStart } = index.table
  const from = sourceStart[source] as number
  const to = sourceStart[source + 1] as number
  if (to <= from) return false
  const first = bySourceOrdinal[from] as number
  const last = bySourceOrdinal[to - 1] as number
  const contiguous = last - first === to - from - 1
  for (const field of index.postings.fields) {
    const start = field.offsets[id] as number
    const end = field.offsets[id + 1] as number
    if (contiguous) {
      const at = lowerBound(field.docs, start, end, first)
      if (at < end && (field.docs[at] as number) <= last) return true
      continue
    }
    for (let p = from; p < to; p++) {
      const doc = bySourceOrdinal[p] as number
      const at = lowerBound(field.docs, start, end, doc)
      if (at < end && field.docs[at] === doc) return true
    }
  }
  return false
}

/** First position in `docs[start, end)` (ascending) whose value is not below `value`. */
function lowerBound(docs: Uint32Array, start: number, end: number, value: number): number {
  let low = start
  let high = end
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((docs[mid] as number) < value) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * Share of the weight of the question's words that the corpus uses (`judged.knownTotal`) which the
 * whole article `source` holds, anywhere in its text or title, each word through its best variant
 * (a synonym at its lower weight when `withSynonyms`). A question about an article repeats most of
 * that article's words, though not in one sentence ("the population density in 2000" of a city's
 * article); a question about something the corpus does not cover shares a name or a word or two
 * with some article and little else. 1 when the question has no word the corpus uses.
 * `questionStems[i]` is the stem that `judged.numbers` calls `i`; `hits` is scratch space, one per stem.
 */
export function articleKnownCoverage(index: CorpusIndex, source: number, judged: JudgedTerms, questionStems: readonly string[], hits: Uint8Array, withSynonyms: boolean): number {
  if (judged.knownTotal <= 0) return 1
  for (let i = 0; i < questionStems.length; i++) hits[i] = articleHoldsStem(index, source, questionStems[i] as string) ? 1 : 0
  return (coverageOf(judged.terms, judged.weights, judged.numbers, hits, 0, judged.total, withSynonyms) * judged.total) / judged.knownTotal
}

/**
 * True when the question's names are its only link to the article `source`: it names something the
 * article speaks of ("Marrow Park Zoo"), but none of the common words that say what it asks about
 * ("ticket", "cost") is anywhere in the article, in any form the question reaches (synonyms and other
 * forms included). Words of less than `minWeight` (adverbs, light verbs, verbs the corpus never uses)
 * and words the corpus never uses at all are left out: they are as often a paraphrase as another
 * topic. False for a question without names, or without such words.
 */
export function isLinkedByNamesOnly(index: CorpusIndex, source: number, terms: readonly QuestionTerm[], minWeight: number): boolean {
  let names = 0
  let asked = 0
  for (const term of terms) {
    if (term.name) {
      names++
      continue
    }
    if (term.weight < minWeight || !term.variants.some((variant) => index.docFreq.has(variant.stem))) continue
    asked++
    if (term.variants.some((variant) => articleHoldsStem(index, source, variant.stem))) return false
  }
  return names > 0 && asked > 0
}

/**
 * Least weight of a question word that `isQuoteLinkedByNamesOnly` looks for in the quote: nouns,
 * adjectives and verbs, those the corpus never uses included (an unknown verb weighs 0.16), not light
 * verbs ("did", "get": 0.09) nor adverbs the corpus never uses (0.12).
 */
const QUOTED_WORD_MIN_WEIGHT = 0.15

/**
 * Verbs of price, which say no more than "how much" asks: "How much did Brightwater Capital pay for
 * Torvane Air?" is answered by "has bought … Torvane Air for £140 million", a sum with the names.
 */
const PRICE_VERBS: ReadonlySet<string> = new Set(['pay', 'pays', 'paid', 'paying', 'cost', 'costs', 'costing', 'spend', 'spends', 'spent', 'spending'])

/**
 * How many of the question's words (of `QUOTED_WORD_MIN_WEIGHT` or more, names and words of when left
 * out, and verbs of price) are in `quote`, in any form or thesaurus link the question reaches, of how many there are, and
 * how many names the question has.
 */
export function quotedWordsOf(index: CorpusIndex, terms: readonly QuestionTerm[], quote: Quote): { names: number; asked: number; quoted: number } {
  const { spans, stems: tokenStems } = stemmedTokens(index, quote.text)
  // An irregular past form in the quote ("the animal was found") stems as another word may ("founded"):
  // it says what is asked only as a form of its own verb, reached through `irregularFormsOf`.
  const quoteStems = new Set<string>()
  /** The quote's irregular past forms, each with the stems of its verb's base forms. */
  const pastForms = new Map<string, string[]>()
  tokenStems.forEach((stem, i) => {
    const word = quote.text.slice(spans[2 * i], spans[2 * i + 1]).toLowerCase()
    const bases = basesOfPastForm(word)
    if (bases.length > 0) pastForms.set(word, bases.map((base) => stemOf(index, base)))
    else quoteStems.add(stem)
  })
  const baseStems = new Set([...pastForms.values()].flat())
  let names = 0
  let asked = 0
  let quoted = 0
  for (const term of terms) {
    if (term.name) names++
    else if (term.weight >= QUOTED_WORD_MIN_WEIGHT && !TIME_WORDS.has(term.asked) && !PRICE_VERBS.has(term.asked)) {
      asked++
      // A verb read as a noun keeps no past forms among its variants ("When did Storm Imara strike?"
      // of a quote saying it "struck"): the quote's past form still says what is asked.
      const forms = irregularFormsOf(term.asked)
      const variantStems = term.variants.map((variant) => variant.stem)
      if (
        pastForms.has(term.asked) ||
        forms.some((form) => pastForms.has(form) || quoteStems.has(stemOf(index, form))) ||
        variantStems.some((stem) => quoteStems.has(stem) || baseStems.has(stem))
      )
        quoted++
    }
  }
  return { names, asked, quoted }
}

/**
 * True when the question names something and the quote shares nothing with it but its names: none of
 * its other words (`quotedWordsOf`) is in the quote. "When was Marrow Park Zoo founded?" answered with
 * "Marrow Park Zoo will be closed for three days…", "How much does Northline Energy charge per unit of
 * electricity?" with "Northline Energy said it would pay each affected household 50 pounds": the name
 * found the sentence, and a date or a figure is in it, but of another thing. The sentence-level twin
 * of `isLinkedByNamesOnly`. False for a question of names alone ("Who is Elin Varga?").
 */
export function isQuoteLinkedByNamesOnly(index: CorpusIndex, terms: readonly QuestionTerm[], quote: Quote): boolean {
  const { names, asked, quoted } = quotedWordsOf(index, terms, quote)
  return names > 0 && asked > 0 && quoted === 0
}

/** True when `quote` holds every one of the question's words but its names (`quotedWordsOf`), and there is at least one. */
export function isQuoteHoldingEveryWord(index: CorpusIndex, terms: readonly QuestionTerm[], quote: Quote): boolean {
  const { asked, quoted } = quotedWordsOf(index, terms, quote)
  return asked > 0 && quoted === asked
}

/** A year as a date gives it ("1884", "2012"): four digits from 1000 to 2099. */
const YEAR_WORD = /^(?:1\d|20)\d\d$/
/** An end of sentence between two words of a quote. */
const SENTENCE_END = /[.!?]/
/** Articles that may stand before a name opening a sentence ("The Museum of Applied Arts opened…"). */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an'])

/**
 * True when a sentence of `quote` opens with one of the question's names (after an article at most)
 * and gives a year: the name is what the sentence tells of, and the year dates it. "Stephen Mary
 * O'Mara (5 January 1884 – 11 November 1959) was…", "Corruption Watch was launched in January 2012",
 * "South Hills opened in the fall of 1964": an answer to "when was … born/established?" though none of
 * the asked words is said. Not "The boat is due to go on show at the Harwick Museum in 2030" (the
 * sentence tells of the boat) nor "Marrow Park Zoo will be closed…, its director said on Wednesday" (no year).
 */
export function isQuoteDatingName(index: CorpusIndex, terms: readonly QuestionTerm[], quote: Quote): boolean {
  const nameStems = new Set(terms.filter((term) => term.name).flatMap((term) => term.variants.map((variant) => variant.stem)))
  if (nameStems.size === 0) return false
  const { spans, stems } = stemmedTokens(index, quote.text)
  const wordAt = (i: number) => quote.text.slice(spans[2 * i], spans[2 * i + 1])
  const opensSentence = (i: number) => i === 0 || SENTENCE_END.test(quote.text.slice(spans[2 * i - 1], spans[2 * i]))
  let named = false
  for (let i = 0; i < stems.length; i++) {
    if (opensSentence(i)) {
      const first = i + 1 < stems.length && ARTICLES.has(wordAt(i).toLowerCase()) ? i + 1 : i
      named = nameStems.has(stems[first] as string)
    }
    if (named && YEAR_WORD.test(wordAt(i))) return true
  }
  return false
}
