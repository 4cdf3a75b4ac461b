import { fail } from "../shared/errors";
import { requirePositive } from "../shared/checks";
import { requireRate, requireRates } from "../shared/rates";
import { inCellRange, toExcelPrecision } from "../shared/rounding";

/** What one lever gives when it alone moves: deals at the bottom, and the gain over the base funnel. */
export interface FunnelLever {
  readonly deals: number;
  readonly gain: number;
}

/**
 * Lever what-if (杠杆分析): for each lever — the top count, then each rate — the deals at the bottom of
 * the funnel when **only that lever** moves to its improved value, and the gain over the base
 * (top·Π rates). Unrounded, cleaned to 15 significant digits; the gain is the difference of the cleaned
 * values, so it always equals what the cells show. An improved value may be worse than the current one
 * (a negative gain). O(n²) for n rates.
 *
 * Course example: `funnelLevers(2000, [0.4, 0.5, 0.25], [2500, 0.5, 0.6, 0.3])` →
 * deals/gain 125/25 (N → 2500), 125/25 (K → 50%), 120/20 (F → 60%), 120/20 (C → 30%).
 *
 * @param top people entering the funnel, > 0
 * @param rates conversion rate of each step, in (0, 1]
 * @param improved n + 1 values: the improved top count (> 0), then the improved value of each rate
 * @returns n + 1 levers in the order of `improved`
 */
export function funnelLevers(top: number, rates: ArrayLike<number>, improved: ArrayLike<number>): FunnelLever[] {
  requirePositive(top, { arg: "top" });
  requireRates(rates, "rates");
  const n = rates.length;
  if (improved.length !== n + 1) {
    throw fail("LEVER_COUNT", { arg: "improved", length: improved.length, expected: n + 1, otherArg: "rates" });
  }
  requirePositive(improved[0] as number, { arg: "improved", index: 0 });
  for (let i = 1; i <= n; i++) requireRate(improved[i] as number, { arg: "improved", index: i });

  const deals = (lever: number): number => {
    let count = lever === 0 ? (improved[0] as number) : top;
    for (let i = 0; i < n; i++) count *= (lever === i + 1 ? improved[i + 1] : rates[i]) as number;
    return inCellRange(toExcelPrecision(count), { arg: lever === 0 ? "improved" : "top" });
  };
  const base = deals(-1);
  const levers: FunnelLever[] = [];
  for (let lever = 0; lever <= n; lever++) {
    const moved = deals(lever);
    levers.push({ deals: moved, gain: toExcelPrecision(moved - base) });
  }
  return levers;
}
