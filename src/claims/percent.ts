import { attachmentOf, contentBefore, nounAfter } from './measured.js'
import { formatAmount, HEDGE_PREFIX, hedgeBefore, interval, parseNumber } from './numbers.js'
import type { EntityContext, KindDraft } from './entity.js'
import type { Word } from './read.js'
import { shareRound, shareSide } from './share-side.js'

/** Percentages and shares ("52%", "48 percent of the vote"), attached to what they are a share of. */
export function percentDraft({ read, words, first, last, span, chunk, settings }: EntityContext): KindDraft | undefined {
  const amount = parseNumber(span.map((word) => word.text.replace(/%$/, '')))
  const measured = nounAfter(words, last, chunk, true) ?? contentBefore(words, first, chunk)
  if (amount === undefined || !measured) return undefined
  const about = attachmentOf(measured)
  const hedge = hedgeBefore(words, first, chunk)
  const [start, end] = [(span[0] as Word).start - read.start, (span[span.length - 1] as Word).end - read.start]
  const side = shareSide(read.text, start, end)
  const round = shareRound(read.text, start, end)
  return {
    kind: 'quantity',
    key: `percent:${about.key}`,
    topic: `the percentage (${about.display})`,
    value: `${HEDGE_PREFIX[hedge]}${formatAmount(amount)}%`,
    comparable: { type: 'number', ...interval(amount, hedge, settings.hedgeTolerance), unit: '%', ...(side ? { side } : {}), ...(round !== undefined ? { round } : {}) },
    contextStems: about.stems,
    focusStems: ['percent', 'percentag', 'share', 'rate'],
    dimension: 'percent',
  }
}
