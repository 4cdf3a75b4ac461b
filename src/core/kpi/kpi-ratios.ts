import { requireAtMostOther, requireNonNegative } from "../shared/checks";
import { fail } from "../shared/errors";
import { inCellRange, toExcelPrecision } from "../shared/rounding";

/**
 * The ratio KPIs (绩效考核指标): each is numerator / denominator (ROI: (return − cost) / cost), declared
 * once in a table and computed by one routine, in this order:
 *
 * 1. amounts that cannot be negative (counts, revenue, costs) are checked: TOO_SMALL (`#VALUE!`);
 * 2. a zero denominator is `DIVISION_BY_ZERO` (`#DIV/0!`, as Excel's own `=A1/B1`);
 * 3. a part larger than its whole (buyers above visitors, repeat buyers above buyers, customers lost
 *    above customers at the start) is `EXCEEDS_ARGUMENT` (`#VALUE!`), almost always swapped arguments;
 * 4. the result is cleaned to 15 significant digits ({@link toExcelPrecision}).
 *
 * Counts need not be whole (averages are fine). Results are fractions (0.25 = 25%) or amounts.
 */
interface RatioKpi {
  readonly numerator: string;
  readonly denominator: string;
  /** The numerator may be negative (profit: a loss). */
  readonly signedNumerator?: boolean;
  /** The numerator is part of the denominator, so it cannot exceed it. */
  readonly partOfWhole?: boolean;
  /** (numerator − denominator) / denominator instead of numerator / denominator. */
  readonly netOfDenominator?: boolean;
}

function ratio(kpi: RatioKpi, numerator: number, denominator: number): number {
  if (kpi.signedNumerator !== true) requireNonNegative(numerator, { arg: kpi.numerator });
  requireNonNegative(denominator, { arg: kpi.denominator });
  if (denominator === 0) throw fail("DIVISION_BY_ZERO", { arg: kpi.denominator }, "div0");
  if (kpi.partOfWhole === true) requireAtMostOther(numerator, { arg: kpi.numerator }, kpi.denominator, denominator);
  const top = kpi.netOfDenominator === true ? numerator - denominator : numerator;
  return toExcelPrecision(inCellRange(top / denominator, { arg: kpi.numerator }));
}

const CONVERSION: RatioKpi = { numerator: "buyers", denominator: "visitors", partOfWhole: true };
const AOV: RatioKpi = { numerator: "revenue", denominator: "orders" };
const MARGIN: RatioKpi = { numerator: "profit", denominator: "revenue", signedNumerator: true };
const ROI: RatioKpi = { numerator: "return_amount", denominator: "cost", netOfDenominator: true };
const ROAS: RatioKpi = { numerator: "revenue", denominator: "ad_spend" };
const CAC: RatioKpi = { numerator: "spend", denominator: "new_customers" };
const REPURCHASE: RatioKpi = { numerator: "repeat_buyers", denominator: "buyers", partOfWhole: true };
const CHURN: RatioKpi = { numerator: "lost", denominator: "customers_at_start", partOfWhole: true };
const COLLECTION: RatioKpi = { numerator: "collected", denominator: "billed" };

/** Conversion rate (转化率) = buyers / visitors, a fraction in [0, 1]. 25 of 1,000 → 0.025. */
export function conversionRate(buyers: number, visitors: number): number {
  return ratio(CONVERSION, buyers, visitors);
}

/** Average order value (客单价) = revenue / orders. 50,000 over 200 orders → 250. */
export function averageOrderValue(revenue: number, orders: number): number {
  return ratio(AOV, revenue, orders);
}

/** Margin (利润率) = profit / revenue; a loss gives a negative margin. 30,000 of 200,000 → 0.15. */
export function profitMargin(profit: number, revenue: number): number {
  return ratio(MARGIN, profit, revenue);
}

/** Return on investment (投资回报率) = (return − cost) / cost. 150,000 back on 100,000 → 0.5. */
export function returnOnInvestment(returnAmount: number, cost: number): number {
  return ratio(ROI, returnAmount, cost);
}

/** Return on ad spend (广告投入产出比) = revenue / ad spend. 80,000 on 20,000 → 4. */
export function returnOnAdSpend(revenue: number, adSpend: number): number {
  return ratio(ROAS, revenue, adSpend);
}

/** Customer acquisition cost (获客成本) = spend / new customers. 30,000 for 150 → 200. */
export function customerAcquisitionCost(spend: number, newCustomers: number): number {
  return ratio(CAC, spend, newCustomers);
}

/** Repurchase rate (复购率) = repeat buyers / buyers, in [0, 1]. 300 of 1,200 → 0.25. */
export function repurchaseRate(repeatBuyers: number, buyers: number): number {
  return ratio(REPURCHASE, repeatBuyers, buyers);
}

/** Churn rate (流失率) = customers lost / customers at the start of the period, in [0, 1]. 50 of 1,000 → 0.05. */
export function churnRate(lost: number, customersAtStart: number): number {
  return ratio(CHURN, lost, customersAtStart);
}

/**
 * Collection rate (回款率) = collected / billed. May exceed 1: collections in a period can include amounts
 * billed earlier. 950,000 of 1,000,000 → 0.95.
 */
export function collectionRate(collected: number, billed: number): number {
  return ratio(COLLECTION, collected, billed);
}
