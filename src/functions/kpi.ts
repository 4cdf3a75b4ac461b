/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]; the metadata generator needs the type written out. */
import * as kpi from "../core/kpi";
import { run } from "./shared/edge";
import { isOmitted, optionalNumberOf } from "./shared/options";
import { flagsOf, List, numberOf, numbersOf, parallelLists } from "./shared/ranges";

/**
 * Conversion rate (转化率): buyers ÷ visitors. Returns a fraction from 0 to 1 (format the cell as %); #DIV/0! when visitors is 0.
 * @customfunction KPI.CONVERSION
 * @param buyers People who bought (a count, 0 or more, at most visitors).
 * @param visitors People who visited (a count, 0 or more).
 * @returns The conversion rate as a fraction (0.025 = 2.5%).
 */
export function kpiConversion(buyers: number, visitors: number): number {
  return run(() => kpi.conversionRate(numberOf("buyers", buyers), numberOf("visitors", visitors)));
}

/**
 * Average order value (客单价): revenue ÷ orders. Returns an amount in the currency of revenue; #DIV/0! when orders is 0.
 * @customfunction KPI.AOV
 * @param revenue Revenue of the orders, in your currency, 0 or more.
 * @param orders Number of orders, 0 or more.
 * @returns Revenue per order, in your currency.
 */
export function kpiAov(revenue: number, orders: number): number {
  return run(() => kpi.averageOrderValue(numberOf("revenue", revenue), numberOf("orders", orders)));
}

/**
 * Margin (利润率): profit ÷ revenue. Returns a fraction (0.15 = 15%), negative for a loss; #DIV/0! when revenue is 0.
 * @customfunction KPI.MARGIN
 * @param profit Profit, in your currency (negative for a loss).
 * @param revenue Revenue, in the same currency, 0 or more.
 * @returns The margin as a fraction of revenue.
 */
export function kpiMargin(profit: number, revenue: number): number {
  return run(() => kpi.profitMargin(numberOf("profit", profit), numberOf("revenue", revenue)));
}

/**
 * Return on investment (投资回报率): (return − cost) ÷ cost. Returns a fraction (0.5 = 50% gained, −0.2 = 20% lost); #DIV/0! when cost is 0.
 * @customfunction KPI.ROI
 * @param return_amount What the investment brought back (e.g. the gross profit it generated), in your currency, 0 or more.
 * @param cost What the investment cost, in the same currency, 0 or more.
 * @returns The return on investment as a fraction of cost.
 */
export function kpiRoi(return_amount: number, cost: number): number {
  return run(() => kpi.returnOnInvestment(numberOf("return_amount", return_amount), numberOf("cost", cost)));
}

/**
 * Return on ad spend (ROAS, 广告投入产出比): revenue ÷ ad spend. Returns a multiple (4 = 4 of revenue per 1 spent); #DIV/0! when ad_spend is 0.
 * @customfunction KPI.ROAS
 * @param revenue Revenue from the ads, in your currency, 0 or more.
 * @param ad_spend Spent on the ads, in the same currency, 0 or more.
 * @returns Revenue per unit of ad spend.
 */
export function kpiRoas(revenue: number, ad_spend: number): number {
  return run(() => kpi.returnOnAdSpend(numberOf("revenue", revenue), numberOf("ad_spend", ad_spend)));
}

/**
 * Customer acquisition cost (获客成本, CAC): spend ÷ new customers. Returns an amount per new customer; #DIV/0! when new_customers is 0.
 * @customfunction KPI.CAC
 * @param spend Sales and marketing spend to win them, in your currency, 0 or more.
 * @param new_customers New customers won (a count, 0 or more).
 * @returns Cost per new customer, in your currency.
 */
export function kpiCac(spend: number, new_customers: number): number {
  return run(() => kpi.customerAcquisitionCost(numberOf("spend", spend), numberOf("new_customers", new_customers)));
}

/**
 * Repurchase rate (复购率): repeat buyers ÷ buyers. Returns a fraction from 0 to 1 (format as %); #DIV/0! when buyers is 0.
 * @customfunction KPI.REPURCHASE
 * @param repeat_buyers Buyers who bought again in the period (a count, 0 or more, at most buyers).
 * @param buyers All buyers in the period (a count, 0 or more).
 * @returns The repurchase rate as a fraction.
 */
export function kpiRepurchase(repeat_buyers: number, buyers: number): number {
  return run(() => kpi.repurchaseRate(numberOf("repeat_buyers", repeat_buyers), numberOf("buyers", buyers)));
}

/**
 * Churn rate (流失率): customers lost ÷ customers at the start of the period. Returns a fraction from 0 to 1; #DIV/0! when customers_at_start is 0.
 * @customfunction KPI.CHURN
 * @param lost Customers at the start who were lost during the period (a count, 0 or more, at most customers_at_start).
 * @param customers_at_start Customers at the start of the period (a count, 0 or more).
 * @returns The churn rate as a fraction.
 */
export function kpiChurn(lost: number, customers_at_start: number): number {
  return run(() => kpi.churnRate(numberOf("lost", lost), numberOf("customers_at_start", customers_at_start)));
}

/**
 * Collection rate (回款率): collected ÷ billed. Returns a fraction (0.95 = 95%; above 1 when earlier bills were collected); #DIV/0! when billed is 0.
 * @customfunction KPI.COLLECTION
 * @param collected Cash collected in the period, in your currency, 0 or more.
 * @param billed Amount billed (invoiced) in the period, in the same currency, 0 or more.
 * @returns The collection rate as a fraction.
 */
export function kpiCollection(collected: number, billed: number): number {
  return run(() => kpi.collectionRate(numberOf("collected", collected), numberOf("billed", billed)));
}

/**
 * Customer lifetime value (客户生命周期价值): margin × retention ÷ (1 + discount − retention). Returns an amount in the currency of margin; #NUM! when retention is 100% and discount 0.
 * @customfunction KPI.CLV
 * @param margin_per_period Margin one customer brings per period (e.g. a year), in your currency.
 * @param retention Share of customers kept from one period to the next, 0% to 100% (80% or 0.8).
 * @param [discount] Discount rate per period, 0% to 100%. Default: 10%.
 * @returns The customer's lifetime value, in your currency.
 */
export function kpiClv(margin_per_period: number, retention: number, discount?: any): number {
  return run(() =>
    kpi.customerLifetimeValue(
      numberOf("margin_per_period", margin_per_period),
      numberOf("retention", retention),
      optionalNumberOf("discount", discount),
    ),
  );
}

/**
 * KPI scorecard (绩效考核得分): Σ weight × min(actual ÷ target, cap) ÷ Σ weight; target ÷ actual for lower-is-better KPIs. Returns one fraction (1 = every target met); #DIV/0! when all weights are 0.
 * @customfunction KPI.SCORE
 * @param actuals Actual value of each KPI, in its own unit.
 * @param targets Target of each KPI, in the same unit as its actual, greater than 0.
 * @param weights Weight of each KPI, 0 or more (e.g. 40%, or 40); they need not add up to 100%.
 * @param [cap] Highest attainment one KPI can score, from 100% to 1000% (120% or 1.2). Default: 120%.
 * @param [lower_is_better] TRUE (or 1) for each KPI where less is better (CAC, returns), FALSE, 0 or blank otherwise. Default: all FALSE.
 * @returns The weighted attainment as a fraction (1.05 = 105%).
 */
export function kpiScore(actuals: any[][], targets: any[][], weights: any[][], cap?: any, lower_is_better?: any[][]): number {
  return run((call) => {
    const given = [call.list("actuals", actuals), call.list("targets", targets), call.list("weights", weights)];
    if (!isOmitted(lower_is_better)) given.push(call.list("lower_is_better", lower_is_better));
    const [a, t, w, flags] = parallelLists(given).lists as [List, List, List, List?];
    return kpi.kpiScore(numbersOf(a), numbersOf(t), numbersOf(w), {
      cap: optionalNumberOf("cap", cap),
      lowerIsBetter: flags === undefined ? undefined : flagsOf(flags),
    });
  });
}
