import { requirePositive } from "../shared/checks";
import { requireRates } from "../shared/rates";
import { inCellRange, toExcelPrecision } from "../shared/rounding";

/**
 * The forward funnel (正推漏斗): {top, top·r₁, top·r₁·r₂, …}, **unrounded** (expected values, not
 * people), each cleaned to 15 significant digits with {@link toExcelPrecision} so that float noise never
 * shows (2000·0.4·0.6·0.25 is exactly 120). The running product is kept unrounded. Non-increasing, as
 * cleaning keeps order. O(n).
 *
 * Course example: `funnelStages(2000, [0.4, 0.5, 0.25])` → [2000, 800, 400, 100].
 *
 * @param top people entering the funnel (store visitors N), > 0; need not be whole (a monthly average)
 * @param rates conversion rate of each step, in (0, 1]; at least one
 * @returns n + 1 counts, top to bottom
 */
export function funnelStages(top: number, rates: ArrayLike<number>): number[] {
  requirePositive(top, { arg: "top" });
  requireRates(rates, "rates");
  // The top is cleaned too: otherwise a 17-digit top could show below its own next stage
  // (21.721189181704762 · 0.9999999999999994 cleans to 21.7211891817048).
  const stages = [inCellRange(toExcelPrecision(top), { arg: "top" })];
  let count = top;
  for (let i = 0; i < rates.length; i++) {
    count *= rates[i] as number;
    stages.push(toExcelPrecision(count));
  }
  return stages;
}
