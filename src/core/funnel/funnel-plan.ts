import { requirePositive } from "../shared/checks";
import { requireRates } from "../shared/rates";
import { ceilCount, inCellRange } from "../shared/rounding";

/**
 * The reverse funnel (倒推漏斗): how many people each stage needs so that the last one reaches `target`.
 *
 * With rates r₁…rₙ (stage k → stage k+1, each in (0, 1]), stage k needs
 * `ceil(target / Π_{j≥k} r_j)` people, k = 1…n+1 (the empty product of stage n+1 is 1). Each stage is
 * rounded up **once, independently**, from the unrounded target (see {@link ceilCount} for the 1e-9
 * tolerance), so the plan is non-increasing from top to bottom and its last stage is ceil(target).
 * O(n): suffix products from the bottom.
 *
 * Course example (dealership: retention K 40%, follow-up F 50%, close C 25%):
 * `funnelPlan(100, [0.4, 0.5, 0.25])` → [2000, 800, 400, 100].
 *
 * @param target deals (or any count) wanted at the bottom of the funnel, > 0
 * @param rates conversion rate of each step, top to bottom, in (0, 1]; at least one
 * @returns n + 1 counts, top to bottom
 */
export function funnelPlan(target: number, rates: ArrayLike<number>): number[] {
  requirePositive(target, { arg: "target" });
  requireRates(rates, "rates");
  const n = rates.length;
  const plan = new Array<number>(n + 1);
  let product = 1;
  plan[n] = inCellRange(ceilCount(target), { arg: "target" });
  for (let k = n - 1; k >= 0; k--) {
    product *= rates[k] as number;
    plan[k] = inCellRange(ceilCount(target / product), { arg: "target" });
  }
  return plan;
}
