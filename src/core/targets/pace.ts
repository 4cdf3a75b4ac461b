import { fail } from "../shared/errors";
import { requireNonNegative, requirePositive } from "../shared/checks";
import { requireRate } from "../shared/rates";
import { inCellRange, toExcelPrecision } from "../shared/rounding";
import { compensatedSum, scaledSum } from "../shared/sum";

/**
 * Pacing a target (TARGET.PACE): are we on track, and what does the rest of the period need?
 *
 * - Linear pacing (no plan): `elapsed` is the fraction of the period gone (12 of 30 days = 0.4); the
 *   target is expected to accrue evenly.
 * - Seasonal pacing (with a plan): `elapsed` is the number of plan periods done (6 = six months; 6.5 =
 *   half-way through the seventh, which is assumed to accrue evenly); the target is expected to accrue like
 *   the plan, so a business that sells most in November is not "behind" in June.
 *
 * With c = the share of the target expected by now:
 *   expected = target·c, pace index = actual / expected, projection = actual / c,
 *   remaining needed = max(0, target − actual), required pace = remaining needed / (target·(1 − c)).
 * A ratio whose denominator is 0 (nothing expected yet; nothing left to plan) is `null`: #DIV/0! in its cell.
 * A required pace of 1.05 means the rest of the period must run 5% above plan.
 */

export interface PaceResult {
  readonly expected: number;
  readonly paceIndex: number | null;
  readonly projection: number | null;
  readonly remaining: number;
  readonly requiredPace: number | null;
}

/** Tolerance on plan shares adding up to 100%: float noise only (shares computed with =B2/SUM(B:B)). */
export const SHARES_TOLERANCE = 1e-9;

/**
 * The share of the plan done after `elapsed` periods. Plan values all within [0, 1] are read as shares and
 * must add up to 100%; otherwise they are planned amounts and are divided by their sum.
 */
export function planShareDone(plan: ArrayLike<number>, elapsed: number): number {
  const n = plan.length;
  if (n === 0) throw fail("EMPTY", { arg: "plan" });
  let allShares = true;
  for (let i = 0; i < n; i++) {
    const v = plan[i] as number;
    requireNonNegative(v, { arg: "plan", index: i });
    if (v > 1) allShares = false;
  }
  const { sum: total, scale } = scaledSum(plan);
  if (total === 0) throw fail("ALL_ZERO", { arg: "plan" });
  if (allShares && Math.abs(total - 1) > SHARES_TOLERANCE) {
    throw fail("SHARES_NOT_ONE", { arg: "plan", percent: toExcelPrecision(total * 100) });
  }
  requirePositive(elapsed, { arg: "elapsed" });
  if (elapsed > n) throw fail("TOO_LARGE", { arg: "elapsed", value: elapsed, max: n });
  const whole = Math.floor(elapsed);
  let done = compensatedSum(plan, 0, whole, scale);
  if (whole < n) done += (elapsed - whole) * (plan[whole] as number) * scale;
  return Math.min(1, done / total);
}

function ratio(numerator: number, denominator: number, arg: string): number | null {
  if (denominator === 0) return null;
  return inCellRange(toExcelPrecision(numerator / denominator), { arg });
}

/** Expected-to-date, pace index, projection, remaining needed and required pace; see the module comment. */
export function targetPace(target: number, actual: number, elapsed: number, plan?: ArrayLike<number>): PaceResult {
  requirePositive(target, { arg: "target" });
  requireNonNegative(actual, { arg: "actual" });
  const done = plan === undefined ? requireRate(elapsed, { arg: "elapsed" }) : planShareDone(plan, elapsed);
  const expected = toExcelPrecision(target * done);
  const remaining = Math.max(0, toExcelPrecision(target - actual));
  const remainingPlan = target * (1 - done);
  return {
    expected,
    paceIndex: ratio(actual, expected, "elapsed"),
    projection: ratio(actual, done, "elapsed"),
    remaining,
    requiredPace: remaining === 0 ? 0 : ratio(remaining, remainingPlan, "elapsed"),
  };
}
