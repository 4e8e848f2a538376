import type { TakeawaySide } from '../src/index.js'

/** Most sources named for one side of a contested point; more are counted instead, to keep the line short. */
const MAX_NAMED_SOURCES = 2

/**
 * The sides of a contested point for a reply, after its topic: ": 40 people (The Daily) / 45 people
 * (Wire Service)", each value with who gives it (an outlet, else a title; "4 sources" past two), every
 * piece through `escape` for the adapter's markup. Empty with fewer than two sides.
 */
export function describeSides(sides: readonly TakeawaySide[] | undefined, escape: (text: string) => string): string {
  if (!sides || sides.length < 2) return ''
  const described = sides.map((side) => {
    const names = [...new Set(side.sources.map((source) => source.outlet ?? source.title))]
    return `${escape(side.value)} (${escape(names.length > MAX_NAMED_SOURCES ? `${side.sources.length} sources` : names.join(', '))})`
  })
  return `: ${described.join(' / ')}`
}
