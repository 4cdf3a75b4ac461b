import { fail, Where } from "./errors";

/**
 * Rates (conversion, retention, promotion, commission…) are fractions: a cell showing 40% holds 0.4.
 *
 * - Above 1 and at most 100, the value was almost certainly typed as a percentage (40 for 40%):
 *   RATE_AS_PERCENT, whose message says "enter 40% or 0.4".
 * - Above 100: TOO_LARGE with a maximum of 1.
 * - Below the lower end (0, included or not): TOO_SMALL.
 */
export interface RateRange {
  /** Whether 0 is a valid rate (a 0% commission tier, a retention of 0). Default: false. */
  readonly allowZero?: boolean;
}

/** A rate in (0, 1], or [0, 1] with `allowZero`; see {@link RateRange} for the errors. */
export function requireRate(x: number, where: Where, range: RateRange = {}): number {
  if (range.allowZero === true) {
    if (!(x >= 0)) throw fail("TOO_SMALL", { ...where, value: x, min: 0 });
  } else if (!(x > 0)) {
    throw fail("TOO_SMALL", { ...where, value: x, min: 0, exclusive: true });
  }
  if (x > 1) {
    if (x <= 100) throw fail("RATE_AS_PERCENT", { ...where, value: x });
    throw fail("TOO_LARGE", { ...where, value: x, max: 1 });
  }
  return x;
}

/**
 * The most steps a list of rates (a funnel, a lead pyramid) may have: more is a selection mistake (a whole
 * column), and FUNNEL.LEVERS takes time quadratic in the steps (1,000 steps: a few ms; 30,000: seconds).
 */
export const MAX_RATES = 1000;

/**
 * A non-empty list of at most {@link MAX_RATES} rates in (0, 1], each checked with {@link requireRate};
 * positions are 0-based indexes of `arg`.
 */
export function requireRates(rates: ArrayLike<number>, arg: string): void {
  if (rates.length === 0) throw fail("EMPTY", { arg });
  if (rates.length > MAX_RATES) throw fail("TOO_MANY_VALUES", { arg, length: rates.length, max: MAX_RATES });
  for (let i = 0; i < rates.length; i++) requireRate(rates[i] as number, { arg, index: i });
}
