/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]; the metadata generator needs the type written out. */
import * as core from "../core/clv";
import { CLV_SUMMARY_HEADERS } from "../i18n/clv";
import { toDate } from "./shared/cells";
import { Call, officeLanguage, run } from "./shared/edge";
import { flagOf, isOmitted, optionalNumberOf } from "./shared/options";
import { datesOf, List, listResult, numberOf, numbersOf, parallelLists, scalarOf, textsOf, trimmedList } from "./shared/ranges";

/**
 * Customer lifetime value: the BG/NBD purchase model and the Gamma-Gamma spend model of Fader, Hardie & Lee
 * (2005), with the data conventions of the Python package lifetimes 0.11 (docs/functions.md, "Customer
 * lifetime value"). The adapters read the ranges and shape the results; the maths is src/core/clv.
 *
 * A manager's sheet: `=SALES.CLV.SUMMARY(orders…)` spills id, frequency, recency, T, monetary_value per
 * customer into A2:E2358; `=SALES.CLV.FIT(B2:B2358, C2:C2358, D2:D2358)` spills the five cells of the fit
 * into H2:H6, and `=SALES.CLV.PURCHASES(H2:H6, 52, B2:B2358, C2:C2358, D2:D2358)` one number per customer.
 */

/** The customers' frequency, recency and T: parallel lists, trailing blank rows dropped. */
function customersOf(call: Call, frequency: unknown, recency: unknown, T: unknown): { list: List; x: Float64Array; tx: Float64Array; age: Float64Array } {
  const { lists } = parallelLists([call.list("frequency", frequency), call.list("recency", recency), call.list("T", T)]);
  const [x, tx, age] = lists.map(numbersOf) as [Float64Array, Float64Array, Float64Array];
  return { list: lists[0] as List, x, tx, age };
}

/** A parameter list (the spill of CLV.FIT or CLV.SPEND.FIT), trailing blank cells dropped. */
function paramsOf(call: Call, arg: string, params: unknown): Float64Array {
  return numbersOf(trimmedList(call.list(arg, params)));
}

/**
 * One row per customer from order rows, for the BG/NBD and Gamma-Gamma models: id, frequency (repeat purchase days), recency and T (periods from the first purchase to the last, and to the analysis date), monetary_value (mean repeat spend).
 * @customfunction CLV.SUMMARY
 * @param customer_ids Customer of each order: text or a number (1001 and the text "1001" are one customer).
 * @param order_dates Date of each order: a date, or text such as 2024-03-31. Orders on the same day count as one purchase.
 * @param amounts Amount of each order, in your currency.
 * @param [analysis_date] End of the observation period; an order after it is an error. Default: the latest order date.
 * @param [period_days] Days in one period of recency and T: 7 = weeks (default), 1 = days, 30 = months.
 * @param [headers] TRUE adds a header row. Default: FALSE.
 * @returns One row per customer: customer, frequency, recency, T, monetary_value.
 */
export function clvSummary(
  customer_ids: any[][],
  order_dates: any[][],
  amounts: any[][],
  analysis_date?: any,
  period_days?: any,
  headers?: boolean,
): any[][] {
  return run((call) => {
    const { lists } = parallelLists([call.list("customer_ids", customer_ids), call.list("order_dates", order_dates), call.list("amounts", amounts)]);
    const [idList, dateList, amountList] = lists as [List, List, List];
    const analysisDate = isOmitted(analysis_date) ? undefined : toDate(scalarOf("analysis_date", analysis_date), { arg: "analysis_date" });
    const summary = core.clvSummary(textsOf(idList), datesOf(dateList), numbersOf(amountList), analysisDate, optionalNumberOf("period_days", period_days));

    const out: any[][] = [];
    if (flagOf("headers", headers, false)) out.push([...CLV_SUMMARY_HEADERS[officeLanguage()]]);
    for (let c = 0; c < summary.ids.length; c++) {
      out.push([summary.ids[c], summary.frequency[c], summary.recency[c], summary.T[c], summary.monetaryValue[c]]);
    }
    return out;
  });
}

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) to the customers' frequency, recency and T by maximum likelihood: returns r, alpha (purchase rates), a, b (dropout) and the log-likelihood, for CLV.PURCHASES, CLV.ALIVE and CLV.VALUE.
 * @customfunction CLV.FIT
 * @param frequency Repeat purchases of each customer, a whole number of 0 or more (the frequency column of CLV.SUMMARY).
 * @param recency Periods from each customer's first to last purchase (CLV.SUMMARY's recency); 0 without repeat purchases.
 * @param T Periods from each customer's first purchase to the analysis date (CLV.SUMMARY's T), at least recency.
 * @returns 5 values, shaped like frequency: r, alpha, a, b, log-likelihood.
 */
export function clvFit(frequency: any[][], recency: any[][], T: any[][]): number[][] {
  return run((call) => {
    const { list, x, tx, age } = customersOf(call, frequency, recency, T);
    const fit = core.fitBgnbd(x, tx, age);
    return listResult([fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood], list.orientation);
  });
}

/**
 * Expected purchases of each customer in the next t periods (BG/NBD, Fader, Hardie & Lee 2005, eq. 10): with weeks, t = 52 gives the orders expected in the next 12 months.
 * @customfunction CLV.PURCHASES
 * @param params r, alpha, a, b from CLV.FIT (its 5 cells may be selected; the log-likelihood is not used).
 * @param t Periods ahead, in the unit of recency and T (52 = a year in weeks), greater than 0.
 * @param frequency Repeat purchases of each customer (CLV.SUMMARY's frequency).
 * @param recency Periods from each customer's first to last purchase (CLV.SUMMARY's recency).
 * @param T Periods from each customer's first purchase to the analysis date (CLV.SUMMARY's T).
 * @returns One number per customer, shaped like frequency: the expected number of purchases.
 */
export function clvPurchases(params: any[][], t: any, frequency: any[][], recency: any[][], T: any[][]): number[][] {
  return run((call) => {
    const model = paramsOf(call, "params", params);
    const horizon = numberOf("t", t);
    const { list, x, tx, age } = customersOf(call, frequency, recency, T);
    return listResult(Array.from(core.bgnbdExpectedPurchases(model, horizon, x, tx, age)), list.orientation);
  });
}

/**
 * Probability that each customer is still active (BG/NBD, Fader, Hardie & Lee 2005). A customer without repeat purchases gets 1: the model lets customers drop out only right after a repeat purchase.
 * @customfunction CLV.ALIVE
 * @param params r, alpha, a, b from CLV.FIT (its 5 cells may be selected; the log-likelihood is not used).
 * @param frequency Repeat purchases of each customer (CLV.SUMMARY's frequency).
 * @param recency Periods from each customer's first to last purchase (CLV.SUMMARY's recency).
 * @param T Periods from each customer's first purchase to the analysis date (CLV.SUMMARY's T).
 * @returns One probability (0 to 1) per customer, shaped like frequency.
 */
export function clvAlive(params: any[][], frequency: any[][], recency: any[][], T: any[][]): number[][] {
  return run((call) => {
    const model = paramsOf(call, "params", params);
    const { list, x, tx, age } = customersOf(call, frequency, recency, T);
    return listResult(Array.from(core.bgnbdProbabilityAlive(model, x, tx, age)), list.orientation);
  });
}

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005) to the customers with repeat purchases: returns p, q, v and the log-likelihood, for CLV.VALUE. Needs at least 2 customers with repeat purchases.
 * @customfunction CLV.SPEND.FIT
 * @param frequency Repeat purchases of each customer (CLV.SUMMARY's frequency); customers with 0 are left out of the fit.
 * @param monetary_value Mean amount per repeat purchase of each customer (CLV.SUMMARY's monetary_value), above 0 where frequency > 0.
 * @returns 4 values, shaped like frequency: p, q, v, log-likelihood.
 */
export function clvSpendFit(frequency: any[][], monetary_value: any[][]): number[][] {
  return run((call) => {
    const { lists } = parallelLists([call.list("frequency", frequency), call.list("monetary_value", monetary_value)]);
    const [x, m] = lists.map(numbersOf) as [Float64Array, Float64Array];
    const fit = core.fitGammaGamma(x, m);
    return listResult([fit.p, fit.q, fit.v, fit.logLikelihood], (lists[0] as List).orientation);
  });
}

/**
 * Discounted value of each customer over the next months: expected purchases (BG/NBD) × expected spend per purchase (Gamma-Gamma), month by month, as lifetimes' customer_lifetime_value.
 * @customfunction CLV.VALUE
 * @param params r, alpha, a, b from CLV.FIT (its 5 cells may be selected).
 * @param spend_params p, q, v from CLV.SPEND.FIT (its 4 cells may be selected).
 * @param frequency Repeat purchases of each customer (CLV.SUMMARY's frequency).
 * @param recency Periods from each customer's first to last purchase (CLV.SUMMARY's recency).
 * @param T Periods from each customer's first purchase to the analysis date (CLV.SUMMARY's T).
 * @param monetary_value Mean amount per repeat purchase of each customer (CLV.SUMMARY's monetary_value).
 * @param [months] Months of value, a whole number from 1 to 1200. Default: 12.
 * @param [discount] Discount rate per month, 0 to 1 (1% or 0.01). Default: 1%.
 * @param [periods_per_month] Periods of recency and T in a month: 4.345 for weeks (default), 30 for days.
 * @returns One amount per customer, shaped like frequency: the discounted value of the next months.
 */
export function clvValue(
  params: any[][],
  spend_params: any[][],
  frequency: any[][],
  recency: any[][],
  T: any[][],
  monetary_value: any[][],
  months?: any,
  discount?: any,
  periods_per_month?: any,
): number[][] {
  return run((call) => {
    const purchases = paramsOf(call, "params", params);
    const spend = paramsOf(call, "spend_params", spend_params);
    const { lists } = parallelLists([
      call.list("frequency", frequency),
      call.list("recency", recency),
      call.list("T", T),
      call.list("monetary_value", monetary_value),
    ]);
    const [x, tx, age, m] = lists.map(numbersOf) as [Float64Array, Float64Array, Float64Array, Float64Array];
    const value = core.clvValue(purchases, spend, x, tx, age, m, {
      months: optionalNumberOf("months", months),
      discount: optionalNumberOf("discount", discount),
      periodsPerMonth: optionalNumberOf("periods_per_month", periods_per_month),
    });
    return listResult(Array.from(value), (lists[0] as List).orientation);
  });
}
