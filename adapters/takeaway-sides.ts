import type { TakeawaySide } from '../src/index.js'

/** Most sources named for one side of a contested point; more are counted instead, to keep the line short. */
const MAX_NAMED_SOURCES = 2

/**
 * The sides of a contested point as plain text for a reply, each value with who gives it: an outlet,
 * else a title ("40 people", "The Daily"; "Jane Doe", "4 sources"). Each adapter escapes
 * them for its markup.
 */
export function describeSides(sides: readonly TakeawaySide[]): Array<{ value: string; by: string }> {
  return sides.map((side) => {
    const names = [...new Set(side.sources.map((source) => source.outlet ?? source.title))]
    return { value: side.value, by: names.length > MAX_NAMED_SOURCES ? `${side.sources.length} sources` : names.join(', ') }
  })
}
