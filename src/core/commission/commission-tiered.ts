import { requireNonNegative } from "../shared/checks";
import { fail } from "../shared/errors";
import { requireRate } from "../shared/rates";
import { inCellRange, toExcelPrecision } from "../shared/rounding";

/** A commission schedule: tier i starts at `bounds[i]` and pays `rates[i]`. */
export interface CommissionTiers {
  /** Lower bound of each tier, in currency: ≥ 0 and strictly ascending. */
  readonly bounds: ArrayLike<number>;
  /** Rate of each tier, in [0, 1] (a 0% first tier is common). */
  readonly rates: ArrayLike<number>;
}

export const COMMISSION_MODES = ["marginal", "flat"] as const;
export type CommissionMode = (typeof COMMISSION_MODES)[number];

/**
 * Tiered commission (阶梯提成).
 *
 * - `"marginal"` (超额累进, like income tax): each slice of the amount is paid at its own tier's rate,
 *   Σᵢ (min(amount, bᵢ₊₁) − bᵢ)⁺·rᵢ. Continuous in the amount (no jump at a bound) and, with rates ≥ 0,
 *   non-decreasing.
 * - `"flat"` (全额): the whole amount at the rate of the highest tier reached (the last bᵢ ≤ amount); it
 *   jumps at each bound.
 *
 * A bound belongs to the tier it starts. An amount below the first bound — including a negative amount
 * (net returns) — earns 0: the schedule starts at its first bound, and clawbacks are not modelled. The
 * result is cleaned to 15 significant digits. O(tiers).
 *
 * Example: tiers {0, 3%; 100,000, 5%; 200,000, 8%}, amount 250,000 → marginal 3,000 + 5,000 + 4,000 =
 * 12,000; flat 250,000·8% = 20,000.
 *
 * @param amount sales (or margin) the commission is paid on, in currency
 * @param tiers lower bounds and rates; rows named 1-based in messages (column 1 bounds, column 2 rates)
 * @param mode "marginal" (default) or "flat"
 */
export function commissionTiered(amount: number, tiers: CommissionTiers, mode: CommissionMode = "marginal"): number {
  const { bounds, rates } = tiers;
  const n = bounds.length;
  if (n === 0) throw fail("EMPTY", { arg: "tiers" });
  if (rates.length !== n) {
    throw fail("BAD_SHAPE", { arg: "tiers", expectedColumns: 2, rows: Math.max(n, rates.length), columns: 1 });
  }
  for (let i = 0; i < n; i++) {
    const bound = requireNonNegative(bounds[i] as number, { arg: "tiers", row: i + 1, column: 1 });
    if (i > 0 && !(bound > (bounds[i - 1] as number))) {
      throw fail("NOT_ASCENDING", { arg: "tiers", row: i + 1, column: 1, value: bound, previous: bounds[i - 1] as number });
    }
    requireRate(rates[i] as number, { arg: "tiers", row: i + 1, column: 2 }, { allowZero: true });
  }

  let commission = 0;
  if (mode === "flat") {
    for (let i = n - 1; i >= 0; i--) {
      if (amount >= (bounds[i] as number)) {
        commission = amount * (rates[i] as number);
        break;
      }
    }
  } else {
    for (let i = 0; i < n && amount > (bounds[i] as number); i++) {
      const upper = i + 1 < n ? Math.min(amount, bounds[i + 1] as number) : amount;
      commission += (upper - (bounds[i] as number)) * (rates[i] as number);
    }
  }
  return toExcelPrecision(inCellRange(commission, { arg: "amount" }));
}
