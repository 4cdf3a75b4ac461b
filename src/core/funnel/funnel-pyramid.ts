import { fail } from "../shared/errors";
import { requirePositive, requireWholeNumber } from "../shared/checks";
import { requireRate, requireRates } from "../shared/rates";
import { ceilCount, inCellRange } from "../shared/rounding";

/** Levels (grades A, B, C…) of a pyramid with one promotion rate for every step, unless told otherwise. */
export const DEFAULT_PYRAMID_LEVELS = 5;
/** At most one level per letter A–Z: a larger number is a typo that would spill thousands of cells. */
export const MAX_PYRAMID_LEVELS = 26;

/**
 * The lead pyramid (客户分级金字塔): how many prospects each lead grade needs, from the top grade A down.
 *
 * A = `ceil(target_revenue / avg_order)` customers who buy. A prospect of grade k+1 is promoted to grade k
 * with probability r_k, so grade k needs `ceil(A / (r₁·…·r_{k−1}))`. Every grade is rounded up **once,
 * independently**, from the rounded A and the unrounded product of rates (the {@link ceilCount}
 * tolerance absorbs float noise) — not step by step from the previous rounded grade, which drifts upward
 * (0.3: 557, 1857, 6190 instead of 556, 1852, 6173).
 *
 * Course example: 10,000,000 / 200,000 → A = 50; rate 1/3 → [50, 150, 450, 1350, 4050];
 * rate 0.3 → [50, 167, 556, 1852, 6173].
 *
 * @param targetRevenue revenue to reach, in currency, > 0
 * @param avgOrder revenue of one grade-A customer (average order), same currency, > 0
 * @param promotionRates one rate in (0, 1] for every step, or a list of per-step rates (A←B first)
 * @param levels number of grades (2–26) for a single rate, default 5; with a list it must be omitted or
 *   equal the list's length + 1
 * @returns one count per grade, A first
 */
export function funnelPyramid(
  targetRevenue: number,
  avgOrder: number,
  promotionRates: number | ArrayLike<number>,
  levels?: number,
): number[] {
  requirePositive(targetRevenue, { arg: "target_revenue" });
  requirePositive(avgOrder, { arg: "avg_order" });
  const steps = stepRates(promotionRates, levels);

  const top = inCellRange(ceilCount(targetRevenue / avgOrder), { arg: "target_revenue" });
  const grades = [top];
  let product = 1;
  for (const rate of steps) {
    product *= rate;
    grades.push(inCellRange(ceilCount(top / product), { arg: "promotion_rates" }));
  }
  return grades;
}

/** The rate of every step, validated. */
function stepRates(promotionRates: number | ArrayLike<number>, levels: number | undefined): number[] {
  const arg = "promotion_rates";
  if (typeof promotionRates === "number") {
    requireRate(promotionRates, { arg });
    const count = levels === undefined ? DEFAULT_PYRAMID_LEVELS : levels;
    requireWholeNumber(count, { arg: "levels" }, 2, MAX_PYRAMID_LEVELS);
    return new Array<number>(count - 1).fill(promotionRates);
  }
  requireRates(promotionRates, arg);
  const given = promotionRates.length + 1;
  if (levels !== undefined && levels !== given) {
    throw fail("LEVELS_MISMATCH", { arg: "levels", value: levels, levels: given, otherArg: arg });
  }
  return Array.from(promotionRates);
}
