/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]; the metadata generator needs the type written out. */
import * as funnel from "../core/funnel";
import { run } from "./shared/edge";
import { optionalNumberOf } from "./shared/options";
import { listResult, numberOf, numbersOf, trimmedList } from "./shared/ranges";

/**
 * Visitors needed at the top of the funnel to reach a target: ceil(target ÷ product of the rates), rounded up once (100 deals at 40%, 50%, 25% need 2000). Returns one whole number.
 * @customfunction FUNNEL.TARGET
 * @param target Deals (or customers) wanted at the bottom of the funnel, a count greater than 0.
 * @param rates Conversion rate of each step, top to bottom, as fractions or percentages (40% or 0.4), each above 0% and at most 100%.
 * @returns The number of people needed at the top, rounded up.
 */
export function funnelTarget(target: number, rates: any[][]): number {
  return run((call) => funnel.funnelTarget(numberOf("target", target), numbersOf(trimmedList(call.list("rates", rates)))));
}

/**
 * People needed at every stage of the funnel to reach a target, top to bottom; each stage is ceil(target ÷ product of the rates below it), rounded up once. Returns one count per stage (rates + 1), shaped like rates.
 * @customfunction FUNNEL.PLAN
 * @param target Deals (or customers) wanted at the bottom of the funnel, a count greater than 0.
 * @param rates Conversion rate of each step, top to bottom, as fractions or percentages (40% or 0.4), each above 0% and at most 100%.
 * @returns Whole numbers of people per stage, top to bottom: a column, or a row if rates is a row.
 */
export function funnelPlan(target: number, rates: any[][]): number[][] {
  return run((call) => {
    const list = trimmedList(call.list("rates", rates));
    return listResult(funnel.funnelPlan(numberOf("target", target), numbersOf(list)), list.orientation);
  });
}

/**
 * Forward funnel: the people left after each step, {top; top×r1; top×r1×r2; …}, unrounded (shown to Excel's 15 digits). Returns one value per stage (rates + 1), shaped like rates.
 * @customfunction FUNNEL.STAGES
 * @param top People entering the funnel (e.g. store visitors), a number greater than 0.
 * @param rates Conversion rate of each step, top to bottom, as fractions or percentages (40% or 0.4), each above 0% and at most 100%.
 * @returns People at each stage, top to bottom: a column, or a row if rates is a row.
 */
export function funnelStages(top: number, rates: any[][]): number[][] {
  return run((call) => {
    const list = trimmedList(call.list("rates", rates));
    return listResult(funnel.funnelStages(numberOf("top", top), numbersOf(list)), list.orientation);
  });
}

/**
 * Which lever moves results most: for the top count and then each rate, the deals if only that one moves to its improved value, and the gain over today. Returns one row per lever: deals, gain.
 * @customfunction FUNNEL.LEVERS
 * @param top People entering the funnel today (e.g. store visitors), a number greater than 0.
 * @param rates Conversion rate of each step today, as fractions or percentages (40% or 0.4), each above 0% and at most 100%.
 * @param improved The improved values, one per lever: first the top count (people), then one rate per step (fractions or percentages).
 * @returns One row per lever (top, then each rate): deals at the bottom, gain in deals over today.
 */
export function funnelLevers(top: number, rates: any[][], improved: any[][]): number[][] {
  return run((call) => {
    const current = numbersOf(trimmedList(call.list("rates", rates)));
    const better = numbersOf(trimmedList(call.list("improved", improved)));
    return funnel.funnelLevers(numberOf("top", top), current, better).map((lever) => [lever.deals, lever.gain]);
  });
}

/**
 * Lead pyramid: customers needed in each lead grade from A down. A = ceil(target_revenue ÷ avg_order); each lower grade = ceil(A ÷ product of the promotion rates above it). Returns one whole number per grade.
 * @customfunction FUNNEL.PYRAMID
 * @param target_revenue Revenue to reach, in your currency, greater than 0.
 * @param avg_order Revenue from one grade-A customer (the average order), in the same currency, greater than 0.
 * @param promotion_rates Share of a grade promoted to the grade above (e.g. 30% or 1/3): one rate for every step, or one per step, A←B first.
 * @param [levels] Number of grades when one rate is given, 2 to 26. Default: 5 (A to E). With one rate per step: leave empty.
 * @returns Whole numbers of customers per grade, A first: a column, or a row if promotion_rates is a row.
 */
export function funnelPyramid(target_revenue: number, avg_order: number, promotion_rates: any[][], levels?: any): number[][] {
  return run((call) => {
    const list = trimmedList(call.list("promotion_rates", promotion_rates));
    const values = numbersOf(list);
    const rates = values.length === 1 ? (values[0] as number) : values;
    const grades = funnel.funnelPyramid(
      numberOf("target_revenue", target_revenue),
      numberOf("avg_order", avg_order),
      rates,
      optionalNumberOf("levels", levels),
    );
    return listResult(grades, list.orientation);
  });
}
