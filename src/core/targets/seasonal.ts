import { fail, Where } from "../shared/errors";
import { requireWholeNumber } from "../shared/checks";
import { scaledSum } from "../shared/sum";
import { splitTotal } from "./split";

/**
 * Seasonal shares and a seasonal split (TARGET.SEASONAL).
 *
 * The share of period p is the mean, over complete seasons s, of vₛ,ₚ / Tₛ (Tₛ = that season's total):
 * every season counts equally, whatever its size, so growth from year to year does not tilt the shares
 * towards the latest year. The shares add up to 1. A season whose total is 0 has no shares (ZERO_SEASON).
 */

/** How the history was laid out, for the position a message names. */
export type HistoryLayout = "block" | "list";

export interface SeasonalHistory {
  /** The values, season after season (row-major for a block); an incomplete last season is left out. */
  readonly values: ArrayLike<number>;
  /** Periods per season (12 for months in a year). */
  readonly seasonLength: number;
  /** "block": one season per row of the range; "list": consecutive periods in one row or column. */
  readonly layout: HistoryLayout;
  /** The argument the values came from. Default: "history". */
  readonly arg?: string;
}

/** The cell of value `k` (0-based, row-major) of the history, worded for its layout. */
function positionOf(history: SeasonalHistory, k: number): Where {
  const arg = history.arg ?? "history";
  if (history.layout === "list") return { arg, index: k };
  return { arg, row: Math.floor(k / history.seasonLength) + 1, column: (k % history.seasonLength) + 1 };
}

/** The mean share of each period of the season; the result has `seasonLength` entries adding up to 1. */
export function seasonalShares(history: SeasonalHistory): Float64Array {
  const arg = history.arg ?? "history";
  const m = history.seasonLength;
  requireWholeNumber(m, { arg: "season_length" }, 1, 1_048_576);
  const values = history.values;
  const seasons = Math.floor(values.length / m);
  if (seasons === 0) throw fail("TOO_FEW_VALUES", { arg, length: values.length, needed: m });
  const shares = new Float64Array(m);
  for (let s = 0; s < seasons; s++) {
    for (let p = 0; p < m; p++) {
      const k = s * m + p;
      const v = values[k] as number;
      if (!(v >= 0)) throw fail("TOO_SMALL", { ...positionOf(history, k), value: v, min: 0 });
    }
    const { sum: total, scale } = scaledSum(values, s * m, (s + 1) * m);
    if (total === 0) {
      const first = positionOf(history, s * m);
      throw fail("ZERO_SEASON", history.layout === "block" ? { arg, row: first.row } : first);
    }
    for (let p = 0; p < m; p++) shares[p] = (shares[p] as number) + ((values[s * m + p] as number) * scale) / total;
  }
  for (let p = 0; p < m; p++) shares[p] = (shares[p] as number) / seasons;
  return shares;
}

/** `total` split over one season by the seasonal shares of `history`, in multiples of `unit`. */
export function seasonalSplit(total: number, history: SeasonalHistory, unit = 1): Float64Array {
  return splitTotal(total, seasonalShares(history), unit, { total: "total", weights: history.arg ?? "history", unit: "unit" });
}
