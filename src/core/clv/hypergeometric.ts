/** A series sum, `mantissa · 2^exponent` (so that it may lie beyond the double range). */
export interface SeriesSum {
  readonly mantissa: number;
  readonly exponent: number;
  /** Σ|t_k| on the same scale: its ratio to |mantissa| bounds the loss of digits to cancellation. */
  readonly absolute: number;
  readonly terms: number;
}

/** The most terms a series may take (a few milliseconds) before it is reported as too slow to converge. */
export const MAX_SERIES_TERMS = 1_000_000;

const TWO_600 = 2 ** 600;
const TWO_MINUS_600 = 2 ** -600;
const TAIL = 1e-17;

/**
 * A hypergeometric series Σ_{k≥0} t_k with t_0 = 1 and t_{k+1}/t_k = z · Π_i (a_i + k)/(b_i + k), the
 * parameters paired (a_i with b_i; the k! of ₚFq is a pair whose b is 1): ₂F₁(a, b; c; z) is
 * `upper = [a, b]`, `lower = [c, 1]`.
 *
 * **Precision guarantee.** Once k is past every negative parameter (all factors positive), each factor
 * (a_i + j)/(b_i + j) is monotone in j and tends to 1, so for every j ≥ k the ratio |t_{j+1}/t_j| is at
 * most ρ = |z| · Π_i max(1, (a_i + k)/(b_i + k)); when ρ < 1 the tail after t_k is at most
 * |t_k| · ρ/(1 − ρ). Summation stops when that bound is below 1e-17 of Σ|t_j| (so, when the terms all have
 * one sign, of the result), or when a term is exactly 0 (a terminating series). The terms are added with
 * Neumaier's compensation. The running values are rescaled by 2^−600 whenever a term passes 2^600, so a
 * sum beyond the double range (₂F₁ near z = 1 with large parameters) is still returned, as mantissa and
 * binary exponent.
 *
 * Returns `undefined` when `maxTerms` terms do not reach that bound (|z| close to 1 with slowly falling
 * terms): the caller reports it rather than return a truncated sum. Which is known early — before any
 * term when the ratio bound is still ≥ 1 at the last allowed term, or as soon as the terms' slowest
 * possible fall cannot reach the bound in time — so a hopeless case costs next to nothing.
 */
export function hypergeometricSeries(upper: readonly number[], lower: readonly number[], z: number, maxTerms = MAX_SERIES_TERMS): SeriesSum | undefined {
  const pairs = upper.length;
  const az = Math.abs(z);
  // Past this index every a_i + k and b_i + k is positive; before it the ratio bound does not hold.
  let positiveFrom = 0;
  for (let i = 0; i < pairs; i++) positiveFrom = Math.max(positiveFrom, Math.ceil(-(upper[i] as number)) + 1, Math.ceil(-(lower[i] as number)) + 1);

  // The ratio bound only falls with k: if it is still ≥ 1 at the last allowed term, the stop can never come
  // (unless an upper parameter is a whole number ≤ 0: then the series ends by itself).
  const terminates = upper.some((a) => a <= 0 && Number.isInteger(a) && -a < maxTerms);
  let last = az;
  for (let i = 0; i < pairs; i++) last *= Math.max(1, ((upper[i] as number) + maxTerms) / ((lower[i] as number) + maxTerms));
  if (!terminates && !(last < 1)) return undefined;

  let term = 1;
  let sum = 1;
  let compensation = 0;
  let absolute = 1;
  let exponent = 0;
  for (let k = 0; k < maxTerms; k++) {
    let ratio = z;
    let bound = az;
    for (let i = 0; i < pairs; i++) {
      const a = (upper[i] as number) + k;
      const b = (lower[i] as number) + k;
      ratio *= a / b;
      if (b > 0 && a > b) bound *= a / b;
    }
    if (k >= positiveFrom && bound < 1) {
      if (Math.abs(term) * (bound / (1 - bound)) <= TAIL * absolute) return { mantissa: sum + compensation, exponent, absolute, terms: k + 1 };
      if (k % 1024 === 1023) {
        // Give up early when the terms provably cannot fall far enough within maxTerms: they shrink by at
        // least a factor σ = |z|·Π min(1, (a_i+k)/(b_i+k)) per step and no faster.
        let sigma = az;
        for (let i = 0; i < pairs; i++) sigma *= Math.min(1, ((upper[i] as number) + k) / ((lower[i] as number) + k));
        if (cannotFinish(k, maxTerms, Math.abs(term), sigma, (TAIL * (absolute + Math.abs(term) * (bound / (1 - bound))) * (1 - sigma)) / sigma)) return undefined;
      }
    }
    term *= ratio;
    if (term === 0) return { mantissa: sum + compensation, exponent, absolute, terms: k + 1 };
    if (Math.abs(term) > TWO_600) {
      term *= TWO_MINUS_600;
      sum *= TWO_MINUS_600;
      compensation *= TWO_MINUS_600;
      absolute *= TWO_MINUS_600;
      exponent += 600;
    }
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    absolute += Math.abs(term);
  }
  return undefined;
}

/**
 * Whether a series whose terms fall by no more than a factor `sigma` per step can bring its current term
 * below `target` within `maxTerms` terms: j steps leave at least term·σ^j.
 */
export function cannotFinish(k: number, maxTerms: number, term: number, sigma: number, target: number): boolean {
  if (!(sigma > 0 && sigma < 1) || !(term > target)) return false;
  return k + Math.log(target / term) / Math.log(sigma) > maxTerms;
}
