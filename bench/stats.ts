/**
 * What the benchmarks share: timing, percentiles and a plain-text table. Every figure is taken in
 * the same process and run as the figures it is compared with, so ratios hold on a noisy machine.
 */

/** Median, 99th percentile and mean of a set of durations in milliseconds. */
export interface LatencySummary {
  p50Ms: number
  p99Ms: number
  meanMs: number
  samples: number
}

/** The `p`-quantile (0..1) of `sorted`, nearest rank. NaN for no samples. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number
}

/** Summarises durations. */
export function summarize(durationsMs: readonly number[]): LatencySummary {
  const sorted = [...durationsMs].sort((a, b) => a - b)
  const total = sorted.reduce((sum, value) => sum + value, 0)
  return { p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), meanMs: sorted.length ? total / sorted.length : Number.NaN, samples: sorted.length }
}

/** Runs `run` for every item, `rounds` times after `warmupRounds` untimed rounds (default 1), and times each call. */
export function timeEach<T>(items: readonly T[], rounds: number, run: (item: T) => unknown, warmupRounds = 1): LatencySummary {
  for (let round = 0; round < warmupRounds; round++) for (const item of items) run(item)
  const durations: number[] = []
  for (let round = 0; round < rounds; round++) durations.push(...durationsOf(items, run))
  return summarize(durations)
}

/** Runs `run` once for every item and times each call, in milliseconds. */
export function durationsOf<T>(items: readonly T[], run: (item: T) => unknown): number[] {
  return items.map((item) => {
    const startedAt = performance.now()
    run(item)
    return performance.now() - startedAt
  })
}

/** Milliseconds `run` takes, with its result. */
export async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const startedAt = performance.now()
  const value = await run()
  return { value, ms: performance.now() - startedAt }
}

/** A number for a table: fixed decimals by magnitude, "–" for missing. */
export function fmt(value: number | undefined, digits?: number): string {
  if (value === undefined || Number.isNaN(value)) return '–'
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3)
  return value.toFixed(places)
}

/** Megabytes, one decimal. */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A Markdown table (readable as plain text too). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n')
}

/** The machine, for the record next to every figure. */
export async function machine(): Promise<{ node: string; cpus: number; cpuModel: string; platform: string }> {
  const os = await import('node:os')
  return { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', platform: `${os.platform()} ${os.arch()}` }
}

/**
 * A full collection when `--expose-gc` is on (else nothing), or with `'minor'` two young-generation
 * ones; `times` full collections in a row when told. Before a timed section, so that the garbage and
 * the young survivors of what ran before (loading a snapshot, building another system) are not
 * collected, and charged, inside it. Two full collections in a row with no question between (as V8's
 * memory reducer runs when a bot has been quiet) drop V8's compiled regular expressions, which the
 * next asks then compile again; one does not.
 */
export function collectGarbage(type: 'major' | 'minor' = 'major', times = type === 'minor' ? 2 : 1): void {
  const collect = (globalThis as { gc?: (options: { type: 'major' | 'minor' }) => void }).gc
  for (let i = 0; collect && i < times; i++) collect({ type })
}

/** Heap in use after a full collection when `--expose-gc` is on (else as it stands). */
export function heapUsedBytes(): number {
  collectGarbage('major', 2)
  return process.memoryUsage().heapUsed
}
