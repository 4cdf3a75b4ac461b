import { fail, Where } from "./errors";

/**
 * The two rounding rules of the planning functions, each in one place.
 *
 * 1. **Counts** of people, leads or visitors are rounded **up** (`ceil`): 1,666.7 visitors needed means
 *    1,667. Dividing by products of rates carries float noise (100 / (0.4·0.5·0.25) computes as
 *    2000.0000000000002), and a bare `ceil` would turn it into 2001. So a value within a **relative**
 *    tolerance of 1e-9 of a whole number is that whole number; anything further away is rounded up.
 *    The rounding happens once, on the final value of each count, never on intermediate steps.
 * 2. **Unrounded results** (forward funnel counts, lever gains, KPI ratios, commissions) are cleaned to
 *    15 significant digits, the precision Excel keeps: 2000·0.4·0.6·0.25 computes as 120.00000000000001
 *    and is shown as exactly 120.
 */

/** Relative tolerance of {@link ceilCount}: a count within 1e-9·|x| of a whole number is that number. */
export const COUNT_TOLERANCE = 1e-9;

/** The largest number Excel holds in a cell (9.99999999999999E+307). */
export const EXCEL_MAX = 9.99999999999999e307;

/**
 * A count rounded up, after snapping float noise: `round(x)` when |x − round(x)| ≤ 1e-9·|x|, else
 * `ceil(x)`. Monotone (x ≤ y ⇒ ceilCount(x) ≤ ceilCount(y)). Examples: 2000.0000000000002 → 2000,
 * 1666.67 → 1667, 166.67 → 167, 4050.0000000000005 → 4050.
 */
export function ceilCount(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= COUNT_TOLERANCE * Math.abs(x) ? nearest : Math.ceil(x);
}

/**
 * A result cleaned to 15 significant digits (Excel's precision), so float noise never shows:
 * 120.00000000000001 → 120, 0.30000000000000004 → 0.3. Monotone; −0 becomes 0. A finite x stays finite:
 * the doubles above 1.79769313486231e308, which would round up past the largest double, are kept as they are.
 */
export function toExcelPrecision(x: number): number {
  if (!Number.isFinite(x)) return x;
  const rounded = Number(x.toPrecision(15));
  return Number.isFinite(rounded) ? rounded + 0 : x;
}

/**
 * A computed result that a cell can hold, or `RESULT_OUT_OF_RANGE` (`#NUM!`) when it overflowed to
 * ±Infinity, is NaN or lies beyond {@link EXCEL_MAX}.
 */
export function inCellRange(x: number, where: Where): number {
  if (!(Math.abs(x) <= EXCEL_MAX)) throw fail("RESULT_OUT_OF_RANGE", where, "num");
  return x;
}
