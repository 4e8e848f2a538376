/** The index of the first string in `sorted` (ascending) that is not less than `key`: where `key`'s prefix range starts. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((sorted[mid] ?? '') < key) low = mid + 1
    else high = mid
  }
  return low
}
