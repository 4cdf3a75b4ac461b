/**
 * Type-7 sample quantile of sorted data, the default of R's `quantile()` and Excel's `PERCENTILE.INC`.
 *
 * With n values sorted ascending (x₁ ≤ … ≤ xₙ), h = 1 + (n − 1)·p, lo = ⌊h⌋, hi = ⌈h⌉:
 * Q(p) = x_lo when x_hi equals x_lo, else (1 − (h − lo))·x_lo + (h − lo)·x_hi — written exactly as R
 * computes it, so that cut points agree with R to the last bit. O(1) per call on sorted input.
 *
 * @param sorted ascending values, at least one
 * @param p probability in [0, 1]
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = sorted[lo - 1] as number;
  const high = sorted[hi - 1] as number;
  if (!(index > lo && high !== low)) return low;
  const h = index - lo;
  return (1 - h) * low + h * high;
}

/** Ascending copy of `values` as a Float64Array (numeric sort, no comparator calls). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values);
  copy.sort();
  return copy;
}
