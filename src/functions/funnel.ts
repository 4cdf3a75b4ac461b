/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]; the metadata generator needs the type written out. */
import * as funnel from "../core/funnel";
import { fail } from "../core/shared/errors";
import { isBlank, toNumber, toText } from "./shared/cells";
import { cellError, describe, officeLanguage, run } from "./shared/edge";
import { optionalNumberOf } from "./shared/options";
import { List, listResult, numberOf, numbersOf, parallelLists, shapeOf, textsOf, trimmedList } from "./shared/ranges";

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
 * Lead pyramid: customers needed in each lead grade from A down. A = ceil(target_revenue ÷ avg_order); each lower grade = ceil(A ÷ product of the promotion rates above it). The course's 50;150;450;1350;4050 is rate 1/3; 30% gives 50;167;556;1852;6173.
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

/**
 * Observed conversion rates: each stage's count ÷ the count above it, top to bottom ({2000;800;400;100} → {0.4;0.5;0.25}), ready for FUNNEL.TARGET. Below a count of 0 a rate shows #DIV/0!. Returns one rate fewer than counts, shaped like counts.
 * @customfunction FUNNEL.RATES
 * @param counts People who reached each stage, top stage first (visitors, valid leads, followed up, deals): each 0 or more, none above the one before it; averages may have decimals.
 * @returns The conversion rate of each step (0 to 1), top to bottom: a column, or a row if counts is a row.
 */
export function funnelRates(counts: any[][]): any[][] {
  return run((call) => {
    const list = trimmedList(call.list("counts", counts));
    const rates = funnel.funnelRates(numbersOf(list));
    return listResult(
      rates.map((rate) => (rate === null ? cellError("div0") : rate)),
      list.orientation,
    );
  });
}

/**
 * Weighted pipeline (商机加权): each opportunity's amount × the win probability of its stage in stage_table (names match ignoring case, width and extra spaces). An unknown stage shows #N/A in its row. Returns one value per opportunity, shaped like amounts.
 * @customfunction PIPELINE.WEIGHTED
 * @param amounts Amount of each opportunity in your currency, 0 or more (12万 and ¥120,000 are read).
 * @param stages Sales stage of each opportunity, as named in stage_table; one per amount.
 * @param stage_table Two columns: each stage's name and its win probability (60% or 0.6, from 0% to 100%). A header row is allowed.
 * @returns Amount × win probability per opportunity (#N/A for a stage not in the table): a column, or a row if amounts is a row.
 */
export function pipelineWeighted(amounts: any[][], stages: any[][], stage_table: any[][]): any[][] {
  return run((call) => {
    const [money, stageList] = parallelLists([call.list("amounts", amounts), call.list("stages", stages)]).lists as [List, List];
    const weighted = funnel.pipelineWeighted(numbersOf(money), textsOf(stageList), stageTableOf(stage_table));
    const language = officeLanguage();
    return listResult(
      weighted.map((value) => (typeof value === "number" ? value : cellError("na", describe(value.because, language, call)))),
      money.orientation,
    );
  });
}

/**
 * A two-column stage table: name, probability. Trailing blank rows are not data; a first row whose
 * probability is text without a digit ("赢率", "Win probability") above more rows is a header.
 */
function stageTableOf(range: unknown): funnel.StageTable {
  const arg = "stage_table";
  const { rows: height, columns } = shapeOf(range);
  if (columns !== 2) throw fail("BAD_SHAPE", { arg, expectedColumns: 2, rows: height, columns });
  const rows = range as unknown[][];
  let end = rows.length;
  while (end > 0 && (rows[end - 1] as unknown[]).every(isBlank)) end--;
  const label = (rows[0] as unknown[] | undefined)?.[1];
  const header = end > 1 && typeof label === "string" && !isBlank(label) && !/\d/.test(label) ? 1 : 0;
  if (end - header === 0) throw fail("EMPTY", { arg });
  const names: Array<string | number> = [];
  const probabilities: number[] = [];
  for (let r = header; r < end; r++) {
    const cells = rows[r] as unknown[];
    names.push(toText(cells[0], { arg, row: r + 1, column: 1 }));
    probabilities.push(toNumber(cells[1], { arg, row: r + 1, column: 2 }));
  }
  return { names, probabilities, firstRow: header + 1 };
}
