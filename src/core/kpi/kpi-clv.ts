import { fail } from "../shared/errors";
import { requireRate } from "../shared/rates";
import { inCellRange, toExcelPrecision } from "../shared/rounding";

/** The discount rate per period of {@link customerLifetimeValue} when none is given. */
export const DEFAULT_CLV_DISCOUNT = 0.1;

/**
 * Customer lifetime value (客户生命周期价值), the constant-retention formula: CLV = m·r / (1 + d − r), the
 * discounted margin of a customer who stays each period with probability r (Gupta & Lehmann 2003,
 * margin counted from the end of the first period). Cleaned to 15 significant digits.
 *
 * Retention and discount are rates in [0, 1] (40 is RATE_AS_PERCENT). With those, 1 + d − r is ≤ 0 only
 * when d = 0 and r = 1 — a customer kept forever at no discount has no finite value: RESULT_OUT_OF_RANGE
 * (`#NUM!`). The margin may be negative (a customer who costs money).
 *
 * Example: m = 1,000, r = 0.8, d = 0.1 → 800 / 0.3 = 2666.66666666667.
 *
 * @param margin margin per customer per period, in currency
 * @param retention share of customers kept from one period to the next, in [0, 1]
 * @param discount discount rate per period, in [0, 1]; default 0.1
 */
export function customerLifetimeValue(margin: number, retention: number, discount: number = DEFAULT_CLV_DISCOUNT): number {
  requireRate(retention, { arg: "retention" }, { allowZero: true });
  requireRate(discount, { arg: "discount" }, { allowZero: true });
  // (1 − r) + d, not 1 + d − r: 1 − r is exact for r ≥ 0.5, so r = 1, d = 0.1 gives exactly 0.1 (and 10·m).
  const denominator = 1 - retention + discount;
  if (!(denominator > 0)) throw fail("RESULT_OUT_OF_RANGE", { arg: "retention" }, "num");
  return toExcelPrecision(inCellRange((margin * retention) / denominator, { arg: "margin_per_period" }));
}
