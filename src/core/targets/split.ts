import { fail } from "../shared/errors";
import { requireNonNegative, requirePositive } from "../shared/checks";
import { toExcelPrecision } from "../shared/rounding";
import { compensatedSum } from "../shared/sum";

/**
 * Splitting a total into parts that add up to it exactly: the largest-remainder (Hamilton) method, in
 * whole multiples of a unit.
 *
 * 1. The total is K units (K = total ÷ unit, a whole number — else NOT_MULTIPLE_OF_UNIT).
 * 2. Each position's quota is K·wᵢ/Σw units; it first gets the whole part of its quota.
 * 3. The units left over (at most one per position) go to the largest fractional parts; equal fractional
 *    parts go to the earlier position.
 * 4. Each part is its units × unit. The parts add up to K units exactly, whatever the weights.
 *
 * Floating point: weights like 10%/30% are not exact in binary, so two quotas that are equal on paper can
 * differ in the 16th digit, and the tie rule would be decided by representation noise. Quotas are therefore
 * compared on a fixed-point grid of 2⁻⁴⁰ of the largest quota (about 12 significant digits): quotas that
 * agree that far count as equal and the earlier position wins. Scaling every weight by the same factor
 * (percentages instead of fractions, thousands instead of units) does not change the result. A larger
 * weight never gets a smaller part.
 *
 * A negative total (a gap to take back) is split like its absolute value, with every part negated.
 */

/** Names used in messages: the Excel arguments the values came from. */
export interface SplitArgs {
  readonly total: string;
  readonly weights: string;
  readonly unit: string;
}

const DEFAULT_ARGS: SplitArgs = { total: "total", weights: "weights", unit: "unit" };

/** The largest number of units a split can count exactly (2⁵³). */
export const MAX_UNITS = Number.MAX_SAFE_INTEGER;

/** Bits of the fixed-point grid quotas are compared on (see the module comment). */
const GRID_BITS = 40;

/**
 * The number of units in `total`: a whole number K with K·unit equal to total at Excel's 15 significant
 * digits (so 100.05 at a unit of 0.01 is 10,005 units, although 100.05 / 0.01 computes as 10004.999…).
 * Errors: a unit not above 0 (TOO_SMALL), more than {@link MAX_UNITS} units (TOO_LARGE, whose `max` is the
 * largest total at this unit), a total that is not a multiple of the unit (NOT_MULTIPLE_OF_UNIT, with the
 * nearest multiples). The task pane's forms call it for their totals and units: one rule for both.
 */
export function unitsIn(total: number, unit: number, args: SplitArgs = DEFAULT_ARGS): number {
  if (!Number.isFinite(total)) throw fail("NOT_A_NUMBER", { arg: args.total, value: String(total) });
  requirePositive(unit, { arg: args.unit });
  const exact = total / unit;
  if (!(Math.abs(exact) <= MAX_UNITS)) throw fail("TOO_LARGE", { arg: args.total, value: total, max: toExcelPrecision(MAX_UNITS * unit) });
  const units = Math.round(exact);
  if (toExcelPrecision(units * unit) !== toExcelPrecision(total)) {
    // The multiple away from 0 can overflow (a unit near the largest double); it is then left out.
    const finite = (x: number) => (Number.isFinite(x) ? x : undefined);
    throw fail("NOT_MULTIPLE_OF_UNIT", {
      arg: args.total,
      value: total,
      unit,
      below: finite(toExcelPrecision(Math.floor(exact) * unit)),
      above: finite(toExcelPrecision(Math.ceil(exact) * unit)),
    });
  }
  return units + 0;
}

/**
 * What weights must be for a split (each ≥ 0 and finite, not all 0), else EMPTY, TOO_SMALL, TOO_LARGE or
 * ALL_ZERO naming the position. Returns the largest weight. The task pane's forms call it too, so that a
 * form refuses exactly the weights the functions refuse.
 */
export function checkWeights(weights: ArrayLike<number>, arg = "weights"): number {
  const n = weights.length;
  if (n === 0) throw fail("EMPTY", { arg });
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    requireNonNegative(w, { arg, index: i });
    if (w === Infinity) throw fail("TOO_LARGE", { arg, index: i, value: w, max: Number.MAX_VALUE });
    if (w > largest) largest = w;
  }
  if (largest === 0) throw fail("ALL_ZERO", { arg });
  return largest;
}

/**
 * Checks weights ({@link checkWeights}) and returns them divided by the largest, which keeps their sum
 * finite for any input and makes the result independent of the weights' scale.
 */
function normalisedWeights(weights: ArrayLike<number>, arg: string): Float64Array {
  const n = weights.length;
  const largest = checkWeights(weights, arg);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (weights[i] as number) / largest;
  return out;
}

/**
 * Whole units per position: `units` (≥ 0) split by the largest-remainder method. The result adds up to
 * `units` exactly.
 */
export function largestRemainder(units: number, weights: ArrayLike<number>, arg = "weights"): Float64Array {
  const w = normalisedWeights(weights, arg);
  const n = w.length;
  const out = new Float64Array(n);
  if (units === 0) return out;
  const sum = compensatedSum(w);

  // Fixed point: N = round(quota · scale), with scale a power of two so that the largest quota is about 2⁴⁰.
  const largestQuota = units / sum; // the largest normalised weight is 1
  const exponent = Math.min(1000, Math.max(0, GRID_BITS - Math.ceil(Math.log2(largestQuota))));
  const scale = 2 ** exponent;
  const fractions = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const fixed = Math.round(units * ((w[i] as number) / sum) * scale);
    const whole = Math.floor(fixed / scale);
    out[i] = whole;
    fractions[i] = fixed - whole * scale;
    given += whole;
  }

  const left = units - given;
  if (left > 0) handOut(out, fractions, left, +1);
  else if (left < 0) handOut(out, fractions, -left, -1);
  return out;
}

/**
 * Adds one unit to the `count` positions with the largest fractional parts, earlier first on equal parts
 * (`direction` +1); or, when grid rounding lifted the whole parts above the total, takes one back from the
 * `count` positions with the smallest fractional parts that have a unit to give, later first (−1).
 */
function handOut(out: Float64Array, fractions: Float64Array, count: number, direction: 1 | -1): void {
  const n = out.length;
  // More than one unit per position cannot happen (the whole parts are within n of the total); the loop
  // keeps even an impossible case finite instead of failing.
  while (direction === 1 && count > n) {
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + 1;
    count -= n;
  }
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (direction === 1 || (out[i] as number) > 0) eligible.push(i);
  if (eligible.length === 0) return;
  count = Math.min(count, eligible.length);
  const keys = Float64Array.from(eligible, (i) => fractions[i] as number).sort();
  // The fractional part of the last position that changes, and how many positions strictly beyond it change.
  const threshold = direction === 1 ? (keys[keys.length - count] as number) : (keys[count - 1] as number);
  let strictly = 0;
  for (const key of keys) if (direction === 1 ? key > threshold : key < threshold) strictly++;
  let atThreshold = count - strictly;
  if (direction === 1) {
    for (const i of eligible) {
      const f = fractions[i] as number;
      if (f > threshold || (f === threshold && atThreshold-- > 0)) out[i] = (out[i] as number) + 1;
    }
  } else {
    for (let k = eligible.length - 1; k >= 0; k--) {
      const i = eligible[k] as number;
      const f = fractions[i] as number;
      if (f < threshold || (f === threshold && atThreshold-- > 0)) out[i] = (out[i] as number) - 1;
    }
  }
}

/**
 * `total` split by `weights` in multiples of `unit` (default 1), adding up to `total` exactly.
 *
 * Examples: 100 by {1,1,1} → {34, 33, 33}; 1,000,000 by seven equal weights at a unit of 10,000 →
 * {150k, 150k, 140k ×5}; 100,000,000 by {50, 30, 15, 5} → {50M, 30M, 15M, 5M}.
 */
export function splitTotal(total: number, weights: ArrayLike<number>, unit = 1, args: SplitArgs = DEFAULT_ARGS): Float64Array {
  const units = unitsIn(total, unit, args);
  const parts = largestRemainder(Math.abs(units), weights, args.weights);
  const sign = units < 0 ? -1 : 1;
  const wholeUnit = Number.isInteger(unit);
  for (let i = 0; i < parts.length; i++) {
    const value = sign * (parts[i] as number) * unit + 0;
    // A decimal unit (0.01) multiplies with float noise (3 × 0.1 = 0.30000000000000004): clean it to the
    // 15 digits Excel keeps. A whole unit gives exact whole numbers, which must not be touched.
    parts[i] = wholeUnit ? value : toExcelPrecision(value);
  }
  return parts;
}
