import { fail } from "../shared/errors";
import { quantileSorted, sortedCopy } from "../shared/quantile";

/** Ascending cut points per metric: k points give scores 1..k+1. */
export interface RfmCuts {
  readonly recency: readonly number[];
  readonly frequency: readonly number[];
  readonly monetary: readonly number[];
}

/**
 * The course's fixed scoring table (the `"seed"` method): recency ≤30 days→5, ≤90→4, ≤180→3, ≤365→2, else 1;
 * frequency (orders a year) ≥10→5, ≥5→4, ≥2→3, ≥1→2, else 1; monetary (spend a year) ≥5000→5, ≥2000→4,
 * ≥500→3, ≥100→2, else 1.
 */
export const SEED_CUTS: RfmCuts = Object.freeze({
  recency: Object.freeze([30, 90, 180, 365]),
  frequency: Object.freeze([1, 2, 5, 10]),
  monetary: Object.freeze([100, 500, 2000, 5000]),
});

export type RfmMethod =
  | { readonly method: "seed" }
  | { readonly method: "custom"; readonly cuts: RfmCuts }
  | { readonly method: "quantile"; readonly bins: number }
  | { readonly method: "rfm-r"; readonly bins: number };

export const RFM_METHODS = ["seed", "custom", "quantile", "rfm-r"] as const;
export const MIN_BINS = 2;
export const MAX_BINS = 10;
export const DEFAULT_BINS = 5;

export interface RfmScores {
  readonly recency: Int32Array;
  readonly frequency: Int32Array;
  readonly monetary: Int32Array;
  /** Highest possible score of each metric (5 for the seed table). */
  readonly maxScore: { readonly recency: number; readonly frequency: number; readonly monetary: number };
}

/**
 * R, F and M scores (RFM 打分) of each customer. Higher is better for all three: recent, frequent, big.
 *
 * - `seed`: {@link SEED_CUTS}.
 * - `custom`: the caller's cut points. Recency score = k+1 − #(cuts < days); frequency and monetary score =
 *   1 + #(cuts ≤ value). The seed table is exactly these rules on {@link SEED_CUTS}.
 * - `quantile`: `bins` bands cut at the type-7 quantiles (PERCENTILE.INC) at 1/bins … (bins−1)/bins of the
 *   metric; band = 1 + the number of cut points the value strictly exceeds. Equal values always share a
 *   band; under heavy ties bands are skipped, never split. Recency score = bins+1 − band.
 * - `rfm-r`: R package `rfm` 0.3.0 binning, bit for bit: breaks = type-7 quantile at j·(1/bins) plus 1;
 *   lower bounds (min, breaks…), upper bounds (breaks…, max+1); a value gets the last bin i with
 *   lower_i ≤ value < upper_i. Recency score = bins+1 − bin.
 *
 * O(n) for the fixed tables, O(n log n) for the quantile methods (one typed-array sort per metric).
 *
 * @param recency days since the last order, ≥ 0
 * @param frequency number of orders, ≥ 0
 * @param monetary amount spent (may be negative after refunds)
 */
export function rfmScore(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  method: RfmMethod = { method: "seed" },
): RfmScores {
  const n = recency.length;
  if (frequency.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "frequency", length: frequency.length, otherArg: "recency", otherLength: n });
  }
  if (monetary.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "monetary", length: monetary.length, otherArg: "recency", otherLength: n });
  }
  if (n === 0) throw fail("EMPTY", { arg: "recency" });
  requireNonNegative(recency, "recency");
  requireNonNegative(frequency, "frequency");

  switch (method.method) {
    case "seed":
      return scoreByCuts(recency, frequency, monetary, SEED_CUTS);
    case "custom":
      validateCuts(method.cuts);
      return scoreByCuts(recency, frequency, monetary, method.cuts);
    case "quantile":
    case "rfm-r": {
      validateBins(method.bins);
      const band: (values: ArrayLike<number>, bins: number, arg: string) => Int32Array =
        method.method === "quantile" ? quantileBands : rfmRBins;
      const bins = method.bins;
      return {
        recency: reverse(band(recency, bins, "recency"), bins),
        frequency: band(frequency, bins, "frequency"),
        monetary: band(monetary, bins, "monetary"),
        maxScore: { recency: bins, frequency: bins, monetary: bins },
      };
    }
  }
}

function requireNonNegative(values: ArrayLike<number>, arg: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < 0) throw fail("TOO_SMALL", { arg, index: i, value, min: 0 });
  }
}

function validateBins(bins: number): void {
  if (!Number.isInteger(bins)) throw fail("NOT_INTEGER", { arg: "cuts", value: bins });
  if (bins < MIN_BINS) throw fail("TOO_SMALL", { arg: "cuts", value: bins, min: MIN_BINS });
  if (bins > MAX_BINS) throw fail("TOO_LARGE", { arg: "cuts", value: bins, max: MAX_BINS });
}

function validateCuts(cuts: RfmCuts): void {
  const rows = [cuts.recency, cuts.frequency, cuts.monetary];
  rows.forEach((cutRow, r) => {
    const row = r + 1;
    if (cutRow.length === 0) throw fail("EMPTY", { arg: "cuts", row });
    for (let i = 1; i < cutRow.length; i++) {
      const value = cutRow[i] as number;
      const previous = cutRow[i - 1] as number;
      if (!(value > previous)) throw fail("NOT_ASCENDING", { arg: "cuts", row, column: i + 1, value, previous });
    }
  });
}

function scoreByCuts(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  cuts: RfmCuts,
): RfmScores {
  const n = recency.length;
  const r = new Int32Array(n);
  const f = new Int32Array(n);
  const m = new Int32Array(n);
  const rc = cuts.recency;
  const top = rc.length + 1;
  for (let i = 0; i < n; i++) {
    r[i] = top - countBelow(rc, recency[i] as number);
    f[i] = 1 + countAtOrBelow(cuts.frequency, frequency[i] as number);
    m[i] = 1 + countAtOrBelow(cuts.monetary, monetary[i] as number);
  }
  return {
    recency: r,
    frequency: f,
    monetary: m,
    maxScore: { recency: top, frequency: cuts.frequency.length + 1, monetary: cuts.monetary.length + 1 },
  };
}

/**
 * Up to this many cut points (the seed table's 4, quantile bands' at most 9) a linear scan is fastest;
 * custom cuts may run to thousands of columns, searched by bisection (same counts).
 */
const LINEAR_SCAN = 16;

/** #(cuts < value) for ascending cuts. */
function countBelow(cuts: readonly number[], value: number): number {
  if (cuts.length <= LINEAR_SCAN) {
    let count = 0;
    while (count < cuts.length && (cuts[count] as number) < value) count++;
    return count;
  }
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cuts[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** #(cuts ≤ value) for ascending cuts. */
function countAtOrBelow(cuts: readonly number[], value: number): number {
  if (cuts.length <= LINEAR_SCAN) {
    let count = 0;
    while (count < cuts.length && (cuts[count] as number) <= value) count++;
    return count;
  }
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cuts[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cut points of the `quantile` method: type-7 quantiles (PERCENTILE.INC) at k/bins, k = 1…bins−1. */
export function quantileCuts(sorted: ArrayLike<number>, bins: number): number[] {
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) cuts.push(quantileSorted(sorted, k / bins));
  return cuts;
}

/**
 * The breaks of the `rfm-r` method, as R package `rfm` 0.3.0 computes them: type-7 quantiles at
 * probabilities seq(0, 1, length.out = bins + 1) without the ends — that is k·(1/bins), not k/bins, which
 * can differ in the last bit — plus 1.
 */
export function rfmRBreaks(sorted: ArrayLike<number>, bins: number): number[] {
  const step = 1 / bins;
  const breaks: number[] = [];
  for (let k = 1; k < bins; k++) breaks.push(quantileSorted(sorted, k * step) + 1);
  return breaks;
}

/** Band 1..bins: 1 + the number of quantile cut points the value strictly exceeds. */
function quantileBands(values: ArrayLike<number>, bins: number): Int32Array {
  const cuts = quantileCuts(sortedCopy(values), bins);
  const band = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) band[i] = 1 + countBelow(cuts, values[i] as number);
  return band;
}

/** Bin 1..bins as R package `rfm` 0.3.0 assigns it (see {@link rfmScore}). */
function rfmRBins(values: ArrayLike<number>, bins: number, arg: string): Int32Array {
  const sorted = sortedCopy(values);
  const breaks = rfmRBreaks(sorted, bins);
  const lower = [sorted[0] as number, ...breaks];
  const upper = [...breaks, (sorted[sorted.length - 1] as number) + 1];
  const bin = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    // R assigns bins 1..n in turn, so the last matching interval wins.
    for (let b = bins - 1; b >= 0; b--) {
      if (x >= (lower[b] as number) && x < (upper[b] as number)) {
        bin[i] = b + 1;
        break;
      }
    }
    // Only a value so large that max + 1 == max matches no interval (R would give NA).
    if (bin[i] === 0) throw fail("TOO_LARGE", { arg, index: i, value: x, max: Number.MAX_SAFE_INTEGER });
  }
  return bin;
}

function reverse(bands: Int32Array, bins: number): Int32Array {
  for (let i = 0; i < bands.length; i++) bands[i] = bins + 1 - (bands[i] as number);
  return bands;
}
