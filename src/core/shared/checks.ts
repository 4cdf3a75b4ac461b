import { fail, Where } from "./errors";

/**
 * Range checks on input numbers shared by the planning functions. Every failure is an input problem
 * (`#VALUE!` with a message naming the argument and position), never `#NUM!`: Excel shows messages only on
 * `#VALUE!` and `#N/A`. The checks are written `!(x > min)` so that a NaN from a careless caller fails too.
 */

/** x > 0, else TOO_SMALL "must be greater than 0". */
export function requirePositive(x: number, where: Where): number {
  if (!(x > 0)) throw fail("TOO_SMALL", { ...where, value: x, min: 0, exclusive: true });
  return x;
}

/** x ≥ 0, else TOO_SMALL "is below the minimum of 0". */
export function requireNonNegative(x: number, where: Where): number {
  if (!(x >= 0)) throw fail("TOO_SMALL", { ...where, value: x, min: 0 });
  return x;
}

/** A whole number in [min, max], else NOT_INTEGER, TOO_SMALL or TOO_LARGE. */
export function requireWholeNumber(x: number, where: Where, min: number, max: number): number {
  if (!Number.isInteger(x)) throw fail("NOT_INTEGER", { ...where, value: x });
  if (x < min) throw fail("TOO_SMALL", { ...where, value: x, min });
  if (x > max) throw fail("TOO_LARGE", { ...where, value: x, max });
  return x;
}

/**
 * A part that cannot exceed its whole (repeat buyers ≤ buyers, lost ≤ customers at the start): catches
 * swapped arguments, which would otherwise give a plausible-looking 5,000%.
 */
export function requireAtMostOther(x: number, where: Where, otherArg: string, otherValue: number): number {
  if (x > otherValue) throw fail("EXCEEDS_ARGUMENT", { ...where, value: x, otherArg, otherValue });
  return x;
}
