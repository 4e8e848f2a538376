import { splitSentences } from './nlp.js'
import type { Passage, Sentence, SentenceKind } from './types.js'

export interface PassageOptions {
  /** A passage grows by whole blocks up to about this many characters. Defaults to 700. */
  targetChars?: number
  /** A single paragraph longer than this is cut at sentence boundaries. Defaults to 900. */
  maxChars?: number
  /** A line this short without closing punctuation counts as a heading. Defaults to 90. */
  headingMaxChars?: number
  /** Short lines before the first long paragraph are the lead (dek); a paragraph this long ends it. Defaults to 250. */
  leadMaxChars?: number
}

export const DEFAULT_PASSAGE_OPTIONS: Required<PassageOptions> = {
  targetChars: 700,
  maxChars: 900,
  headingMaxChars: 90,
  leadMaxChars: 250,
}

/** A line of the article and what it is on the page. */
interface Block {
  start: number
  end: number
  kind: SentenceKind
  lead: boolean
}

const LIST_MARK = /^\s*(?:[-*•‣◦]|\d{1,2}[.)])\s+/u
const TABLE_ROW = /^\s*\|/u

/**
 * Splits an article into paragraph-sized passages with their sentences. Ids are
 * `${sourceId}#${ordinal}`: stable as long as the text before a passage keeps its paragraphs.
 * A heading opens the passage that follows it; list items and table rows are grouped with the
 * line that introduces them; a long paragraph is cut at sentence boundaries.
 */
export function splitPassages(sourceId: string, text: string, options: PassageOptions = {}, split: SentenceSplitter = splitSentences): Passage[] {
  const settings = { ...DEFAULT_PASSAGE_OPTIONS, ...options }
  const blocks = splitBlocks(text, settings)
  const groups = groupBlocks(blocks, settings)
  const passages: Passage[] = []
  for (const group of groups) {
    const sentences = group.flatMap((block) => sentencesOf(text, block, split))
    for (const piece of cutLong(sentences, settings.maxChars, settings.targetChars)) {
      const first = piece[0]
      const last = piece[piece.length - 1]
      if (!first || !last) continue
      passages.push({
        id: `${sourceId}#${passages.length + 1}`,
        sourceId,
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
        sentences: piece,
        isLead: piece.every((sentence) => sentence.lead),
      })
    }
  }
  return passages
}

function splitBlocks(text: string, settings: Required<PassageOptions>): Block[] {
  const blocks: Block[] = []
  let inLead = true
  let offset = 0
  for (const line of text.split('\n')) {
    const start = offset
    offset += line.length + 1
    const trimmed = line.trim()
    if (trimmed === '') continue
    const lead0 = start + (line.length - line.trimStart().length)
    const end = lead0 + trimmed.length
    const kind = kindOf(trimmed, settings.headingMaxChars)
    if (kind === 'text' && trimmed.length >= settings.leadMaxChars) inLead = false
    // A heading ends the lead too: the body has begun.
    if (kind === 'heading' && blocks.length > 0) inLead = false
    blocks.push({ start: lead0, end, kind, lead: inLead && kind !== 'table' && kind !== 'list' && blocks.length < 3 })
  }
  return blocks
}

function kindOf(line: string, headingMaxChars: number): SentenceKind {
  if (TABLE_ROW.test(line)) return 'table'
  if (LIST_MARK.test(line)) return 'list'
  if (line.length <= headingMaxChars && !/[.!?:;"”’)]$/u.test(line)) return 'heading'
  return 'text'
}

/** Groups blocks into passage-sized runs: heading + following prose, intro + list, table rows. */
function groupBlocks(blocks: Block[], settings: Required<PassageOptions>): Block[][] {
  const groups: Block[][] = []
  let current: Block[] = []
  let size = 0
  const flush = () => {
    if (current.length > 0) groups.push(current)
    current = []
    size = 0
  }
  for (const block of blocks) {
    const length = block.end - block.start
    const previous = current[current.length - 1]
    const continues =
      previous !== undefined &&
      (previous.kind === 'heading' ||
        (block.kind === 'list' && (previous.kind === 'list' || isIntro(previous))) ||
        (block.kind === 'table' && previous.kind === 'table'))
    if (!continues || size + length > settings.targetChars) flush()
    if (block.lead !== (current[0]?.lead ?? block.lead)) flush()
    current.push(block)
    size += length
  }
  flush()
  return groups
}

function isIntro(block: Block): boolean {
  return block.kind === 'text' && block.end - block.start < 200
}

/** Splits a paragraph `text` that starts at `base` in its article into sentences, with offsets in the article: `splitSentences` by default. */
export type SentenceSplitter = (text: string, base: number) => Array<{ start: number; end: number }>

function sentencesOf(text: string, block: Block, split: SentenceSplitter): Sentence[] {
  if (block.kind === 'list') {
    // The bullet is layout, not words: a quote of the item starts after it.
    const marker = LIST_MARK.exec(text.slice(block.start, block.end))?.[0].length ?? 0
    return [{ start: block.start + marker, end: block.end, kind: block.kind, lead: block.lead }]
  }
  if (block.kind !== 'text') {
    return [{ start: block.start, end: block.end, kind: block.kind, lead: block.lead }]
  }
  return split(text.slice(block.start, block.end), block.start).map((span) => ({
    ...span,
    kind: block.kind,
    lead: block.lead,
  }))
}

/** Cuts a run of sentences longer than `maxChars` into pieces of about `targetChars`. */
function cutLong(sentences: Sentence[], maxChars: number, targetChars: number): Sentence[][] {
  const first = sentences[0]
  const last = sentences[sentences.length - 1]
  if (!first || !last || last.end - first.start <= maxChars) return [sentences]
  const pieces: Sentence[][] = []
  let piece: Sentence[] = []
  for (const sentence of sentences) {
    const pieceStart = piece[0]?.start ?? sentence.start
    if (piece.length > 0 && sentence.end - pieceStart > targetChars) {
      pieces.push(piece)
      piece = []
    }
    piece.push(sentence)
  }
  if (piece.length > 0) pieces.push(piece)
  return pieces
}

/** A sentence's text from its passage (offsets are the article's): no need to decode the whole article. */
export function sentenceText(passage: Passage, sentence: { start: number; end: number }): string {
  return passage.text.slice(sentence.start - passage.start, sentence.end - passage.start)
}
