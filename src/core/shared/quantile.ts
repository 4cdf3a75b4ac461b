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
  return interpolate(index, lo, sorted[lo - 1] as number, sorted[hi - 1] as number);
}

/** Type 7 between the order statistics x_lo (`low`) and x_hi (`high`) around h = `index`. */
function interpolate(index: number, lo: number, low: number, high: number): number {
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

/**
 * The same type-7 quantile as {@link quantileSorted}, of values in any order, found by selection instead of
 * a sort: O(n) on average (a million values in a few milliseconds rather than ~80 ms), the same result to
 * the bit since it picks the same two order statistics. Reorders `values` (pass a scratch copy); NaN-free.
 *
 * @param values at least one value; reordered in place
 * @param p probability in [0, 1]
 */
export function quantileSelect(values: Float64Array, p: number): number {
  const n = values.length;
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  select(values, lo - 1);
  const low = values[lo - 1] as number;
  let high = low;
  if (hi > lo) {
    // After selection everything from position lo on is ≥ x_lo: x_hi is the smallest of them.
    high = values[lo] as number;
    for (let i = lo + 1; i < n; i++) if ((values[i] as number) < high) high = values[i] as number;
  }
  return interpolate(index, lo, low, high);
}

/**
 * Moves the k-th smallest value (0-based) to position k, smaller or equal values before it, larger or
 * equal after (quickselect: median-of-three pivot, three-way partition so that ties cost nothing; after
 * 2·log₂n rounds without converging, the rest is sorted, so the worst case stays O(n log n)).
 */
function select(values: Float64Array, k: number): void {
  let left = 0;
  let right = values.length - 1;
  let rounds = 2 * Math.ceil(Math.log2(values.length + 1)) + 4;
  while (right > left) {
    if (rounds-- === 0) {
      values.subarray(left, right + 1).sort();
      return;
    }
    const a = values[left] as number;
    const b = values[(left + right) >>> 1] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // [left, lt) < pivot, [lt, i) = pivot, (gt, right] > pivot.
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const v = values[i] as number;
      if (v < pivot) {
        values[i++] = values[lt] as number;
        values[lt++] = v;
      } else if (v > pivot) {
        values[i] = values[gt] as number;
        values[gt--] = v;
      } else {
        i++;
      }
    }
    if (k < lt) right = lt - 1;
    else if (k > gt) left = gt + 1;
    else return;
  }
}
