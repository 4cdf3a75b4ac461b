/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]; the metadata generator needs the type written out. */
import { fail } from "../core/shared/errors";
import * as targets from "../core/targets";
import { isBlank, toNumber } from "./shared/cells";
import { Call, cellError, run } from "./shared/edge";
import { isOmitted, optionalNumberOf } from "./shared/options";
import { List, listResult, numberOf, numbersOf, parallelLists, shapeOf, trimmedList } from "./shared/ranges";

/** A range argument read as numbers: one row or one column (a list), or a block of rows × columns. */
interface NumberRange {
  readonly values: Float64Array;
  /** The result of the same shape, from one value per cell (row-major). */
  shaped(values: ArrayLike<number>): number[][];
}

function rowsOf(range: unknown): unknown[][] {
  if (!Array.isArray(range)) return [[range]];
  return range.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** How many rows of a block hold something: trailing rows with every cell blank are not data. */
function filledRows(rows: readonly unknown[][]): number {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] as unknown[]).every(isBlank)) end--;
  return end;
}

/** A block's first `height` rows as numbers, row-major; a blank inside is an error naming row and column. */
function blockNumbers(arg: string, rows: readonly unknown[][], height: number, width: number): Float64Array {
  const values = new Float64Array(height * width);
  for (let r = 0; r < height; r++) {
    const row = rows[r] as unknown[];
    for (let c = 0; c < width; c++) values[r * width + c] = toNumber(row[c], { arg, row: r + 1, column: c + 1 });
  }
  return values;
}

/** Weights given as a list (result shaped like it) or as a block (result of the same rows × columns). */
function numberRangeOf(call: Call, arg: string, range: unknown): NumberRange {
  const { rows, columns } = shapeOf(range);
  if (rows === 1 || columns === 1) {
    const list = trimmedList(call.list(arg, range));
    return { values: numbersOf(list), shaped: (values) => listResult(Array.from(values), list.orientation) };
  }
  const cells = rowsOf(range);
  const height = filledRows(cells);
  if (height === 0) throw fail("EMPTY", { arg });
  return {
    values: blockNumbers(arg, cells, height, columns),
    shaped: (values) => Array.from({ length: height }, (_, r) => Array.from(Array.prototype.slice.call(values, r * columns, (r + 1) * columns) as number[])),
  };
}

/** The history of TARGET.SEASONAL: complete seasons only, with its layout and the result's shape. */
function seasonalHistoryOf(call: Call, range: unknown, seasonLength: unknown): { history: targets.SeasonalHistory; shaped: (v: ArrayLike<number>) => number[][] } {
  const arg = "history";
  const { rows, columns } = shapeOf(range);
  const given = optionalNumberOf("season_length", seasonLength);
  if (given !== undefined && (!Number.isInteger(given) || given < 2)) {
    if (!Number.isInteger(given)) throw fail("NOT_INTEGER", { arg: "season_length", value: given });
    throw fail("TOO_SMALL", { arg: "season_length", value: given, min: 2 });
  }
  if (rows === 1 || columns === 1) {
    const list = trimmedList(call.list(arg, range));
    const m = given ?? 12;
    return {
      // The core leaves out an incomplete last season.
      history: { values: numbersOf(list), seasonLength: m, layout: "list", arg },
      shaped: (v) => listResult(Array.from(v), list.orientation),
    };
  }
  // A block: one season per row. With season_length, it must be the block's width.
  if (given !== undefined && given !== columns) {
    throw fail("BAD_SHAPE", { arg, expectedColumns: given, rows, columns });
  }
  const cells = rowsOf(range);
  let height = filledRows(cells);
  if (height === 0) throw fail("EMPTY", { arg });
  // The last season may still be running (this year's months not in yet): an incomplete row is left out.
  if (height > 0 && (cells[height - 1] as unknown[]).some(isBlank)) height--;
  return {
    history: { values: blockNumbers(arg, cells, height, columns), seasonLength: columns, layout: "block", arg },
    shaped: (v) => [Array.from(v)],
  };
}

/**
 * Splits a total by weights into parts that add up to it exactly (largest remainder / Hamilton), in multiples of unit; equal remainders go to the earlier cell. 100 by {1,1,1} → {34;33;33}. Returns the parts, shaped like weights.
 * @customfunction TARGET.SPLIT
 * @param total The amount to split (e.g. the yearly target), a whole multiple of unit.
 * @param weights One weight per part (shares, percentages or amounts such as last year's sales), each 0 or more, not all 0: a row, a column or a block.
 * @param [unit] Every part is a multiple of it (1, 100, 10000…), greater than 0. Default: 1.
 * @returns The parts, adding up to total, in the shape of weights.
 */
export function targetSplit(total: number, weights: any[][], unit?: any): number[][] {
  return run((call) => {
    const amount = numberOf("total", total);
    const step = optionalNumberOf("unit", unit) ?? 1;
    targets.unitsIn(amount, step);
    const range = numberRangeOf(call, "weights", weights);
    return range.shaped(targets.splitTotal(amount, range.values, step));
  });
}

/**
 * Splits a total over one season by the seasonal shares of the history (mean share of each period across complete seasons), adding up exactly to total in multiples of unit. Returns one season of amounts.
 * @customfunction TARGET.SEASONAL
 * @param total The amount to split over the season (e.g. the yearly target), a whole multiple of unit.
 * @param history Past values, 0 or more: a block with one season per row (years × 12 months), or one row or column of consecutive periods. An incomplete last season is left out.
 * @param [unit] Every amount is a multiple of it, greater than 0. Default: 1.
 * @param [season_length] Periods per season when history is one row or column (12 for months, 4 for quarters). Default: 12. With a block: its number of columns.
 * @returns One amount per period of the season: a row for a block, else shaped like history.
 */
export function targetSeasonal(total: number, history: any[][], unit?: any, season_length?: any): number[][] {
  return run((call) => {
    const amount = numberOf("total", total);
    const step = optionalNumberOf("unit", unit) ?? 1;
    targets.unitsIn(amount, step);
    const { history: seasons, shaped } = seasonalHistoryOf(call, history, season_length);
    return shaped(targets.seasonalSplit(amount, seasons, step));
  });
}

/**
 * Floor, standard and challenge targets (保底/标准/挑战): standard × floor_ratio, standard, standard × challenge_ratio. Returns one row of three amounts.
 * @customfunction TARGET.TIERS
 * @param standard The standard target (标准目标), 0 or more.
 * @param [floor_ratio] The floor as a share of the standard, above 0% and at most 100%. Default: 90%.
 * @param [challenge_ratio] The challenge as a multiple of the standard, 1 or more (120% or 1.2). Default: 120%.
 * @returns One row: floor, standard, challenge.
 */
export function targetTiers(standard: number, floor_ratio?: any, challenge_ratio?: any): number[][] {
  return run(() => {
    const tiers = targets.targetTiers(
      numberOf("standard", standard),
      optionalNumberOf("floor_ratio", floor_ratio),
      optionalNumberOf("challenge_ratio", challenge_ratio),
    );
    return [[tiers.floor, tiers.standard, tiers.challenge]];
  });
}

/** The three blend weights {history, potential, even}: exactly three cells. */
function blendOf(call: Call, weights: unknown): [number, number, number] | undefined {
  if (isOmitted(weights)) return undefined;
  const list = call.list("weights", weights);
  if (list.length !== 3) {
    const { rows, columns } = shapeOf(weights);
    throw fail("BAD_SHAPE", list.orientation === "row" ? { arg: "weights", expectedColumns: 3, rows, columns } : { arg: "weights", expectedRows: 3, rows, columns });
  }
  const values = numbersOf(list);
  return [values[0] as number, values[1] as number, values[2] as number];
}

/**
 * Quotas per salesperson from a blend of last period's sales, potential and an even share, scaled by capacity (ramp) for new hires; they add up exactly to total in multiples of unit. Returns one quota per person.
 * @customfunction QUOTA.ALLOCATE
 * @param total The team's target to allocate, a whole multiple of unit.
 * @param history Last period's sales per person, 0 or more (0 for a new hire).
 * @param [potential] Territory or account potential per person, 0 or more, in the same order.
 * @param [weights] Three weights {history, potential, even}, each 0 or more. Default: {1,0,0}, or {0.5,0.5,0} with potential.
 * @param [capacity] Ramp factor per person from 0% to 100% (a new hire's first year: 37.5%), or one value for all. Default: 100%.
 * @param [unit] Every quota is a multiple of it, greater than 0. Default: 1.
 * @returns One quota per person, shaped like history.
 */
export function quotaAllocate(total: number, history: any[][], potential?: any[][], weights?: any[][], capacity?: any[][], unit?: any): number[][] {
  return run((call) => {
    const amount = numberOf("total", total);
    const step = optionalNumberOf("unit", unit) ?? 1;
    targets.unitsIn(amount, step);
    const blend = blendOf(call, weights);
    const given: List[] = [call.list("history", history)];
    if (!isOmitted(potential)) given.push(call.list("potential", potential));
    const capacityList = isOmitted(capacity) ? undefined : call.list("capacity", capacity);
    const oneCapacity = capacityList !== undefined && capacityList.length === 1;
    if (capacityList !== undefined && !oneCapacity) given.push(capacityList);
    const { lists } = parallelLists(given);
    const [historyList, ...rest] = lists as [List, ...List[]];
    const potentialList = isOmitted(potential) ? undefined : rest.shift();
    const perPerson = oneCapacity ? undefined : rest.shift();
    const quotas = targets.allocateQuotas({
      total: amount,
      history: numbersOf(historyList),
      potential: potentialList === undefined ? undefined : numbersOf(potentialList),
      weights: blend,
      capacity: capacityList === undefined ? undefined : numbersOf(oneCapacity ? capacityList : (perPerson as List)),
      unit: step,
    });
    return listResult(Array.from(quotas), historyList.orientation);
  });
}

/**
 * Reconciles bottom-up commitments with a top-down total: each commitment is kept and the gap (total − sum of commitments, may be negative) is spread by weights in multiples of unit. Returns one quota per person.
 * @customfunction QUOTA.RECONCILE
 * @param total The top-down target the quotas must add up to.
 * @param commitments What each person committed to (bottom-up), in the same currency.
 * @param weights How the gap is shared, one weight per person, each 0 or more, not all 0 (e.g. potential).
 * @param [unit] The gap is split in multiples of it, greater than 0; total − sum of commitments must be a multiple. Default: 1.
 * @returns One quota per person, adding up to total, shaped like commitments.
 */
export function quotaReconcile(total: number, commitments: any[][], weights: any[][], unit?: any): number[][] {
  return run((call) => {
    const amount = numberOf("total", total);
    const step = optionalNumberOf("unit", unit) ?? 1;
    const [committed, shares] = parallelLists([call.list("commitments", commitments), call.list("weights", weights)]).lists as [List, List];
    const quotas = targets.reconcileQuotas(amount, numbersOf(committed), numbersOf(shares), step);
    return listResult(Array.from(quotas), committed.orientation);
  });
}

/**
 * Progress against a target: expected to date, pace index, projected total, remaining needed, and the pace the rest needs. Linear without plan; seasonal with a plan. Returns one row of five values.
 * @customfunction TARGET.PACE
 * @param target The target for the whole period, greater than 0.
 * @param actual Achieved so far, 0 or more.
 * @param elapsed Without plan: the share of the period gone (12 of 30 days: =12/30). With plan: the number of plan periods done (6 = six months; 6.5 = half of the seventh).
 * @param [plan] Planned shares (adding up to 100%) or planned amounts per period, 0 or more: the target accrues like the plan.
 * @returns One row: expected to date, pace index, projection, remaining needed, required pace (#DIV/0! where a ratio has no base).
 */
export function targetPace(target: number, actual: number, elapsed: number, plan?: any[][]): any[][] {
  return run((call) => {
    const planValues = isOmitted(plan) ? undefined : numbersOf(trimmedList(call.list("plan", plan)));
    const pace = targets.targetPace(numberOf("target", target), numberOf("actual", actual), numberOf("elapsed", elapsed), planValues);
    const cell = (value: number | null) => (value === null ? cellError("div0") : value);
    return [[pace.expected, cell(pace.paceIndex), cell(pace.projection), pace.remaining, cell(pace.requiredPace)]];
  });
}

/**
 * The weights of TARGET.GRID: exactly rows × columns after trailing blank rows and columns are left out,
 * row-major; a blank or text inside is an error naming its row and column.
 */
function gridWeightsOf(range: unknown, rows: number, columns: number): Float64Array {
  const arg = "weights";
  const cells = rowsOf(range);
  const height = filledRows(cells);
  let width = 0;
  for (let r = 0; r < height; r++) {
    const row = cells[r] as unknown[];
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlank(row[c])) {
        width = c + 1;
        break;
      }
    }
  }
  if (height !== rows || width !== columns) throw fail("BAD_SHAPE", { arg, expectedRows: rows, expectedColumns: columns, rows: height, columns: width });
  const values = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const row = cells[r] as unknown[];
    for (let c = 0; c < columns; c++) {
      const value = row[c];
      values[r * columns + c] = typeof value === "number" && Number.isFinite(value) ? value : toNumber(value, { arg, row: r + 1, column: c + 1 });
    }
  }
  return values;
}

/**
 * A plan of rows × columns (salespeople × months) adding up exactly both ways: weights fitted to the row and column totals (iterative proportional fitting), each cell then rounded down or up to a multiple of unit so both sums hold. Returns the plan.
 * @customfunction TARGET.GRID
 * @param row_totals The total of each row (e.g. each salesperson's yearly quota), 0 or more, each a multiple of unit: a column or a row.
 * @param column_totals The total of each column (e.g. each month's target), 0 or more, each a multiple of unit, adding up to the same grand total as row_totals.
 * @param [weights] Rows × columns, each 0 or more (e.g. last year's sales per person and month); a 0 keeps its cell at 0. Default: all equal (row total × column share).
 * @param [unit] Every cell is a multiple of it (1, 100, 10000…), greater than 0. Default: 1.
 * @returns The plan: one row per row total, one column per column total.
 */
export function targetGrid(row_totals: any[][], column_totals: any[][], weights?: any[][], unit?: any): number[][] {
  return run((call) => {
    const rowTotals = numbersOf(trimmedList(call.list("row_totals", row_totals)));
    const columnTotals = numbersOf(trimmedList(call.list("column_totals", column_totals)));
    const m = rowTotals.length;
    const n = columnTotals.length;
    targets.checkGridSize(m, n);
    const step = optionalNumberOf("unit", unit) ?? 1;
    const cells = isOmitted(weights) ? undefined : gridWeightsOf(weights, m, n);
    const input: GridInput = { rowTotals, columnTotals, weights: cells, unit: step };
    let plan = lastGrid !== undefined && sameGridInput(lastGrid.input, input) ? lastGrid.plan : undefined;
    if (plan === undefined) {
      plan = targets.targetGrid(rowTotals, columnTotals, cells, step);
      lastGrid = { input, plan };
    }
    const result = plan;
    return Array.from({ length: m }, (_, i) => Array.from(result.subarray(i * n, (i + 1) * n)));
  });
}

interface GridInput {
  readonly rowTotals: ArrayLike<number>;
  readonly columnTotals: ArrayLike<number>;
  readonly weights: ArrayLike<number> | undefined;
  readonly unit: number;
}

/**
 * The last plan and what it was made of. A plan written as one `INDEX(SALES.TARGET.GRID(…), r, c)` per
 * cell (Decompose's plan by period: a table cannot hold a spill) calls the function once per cell with the
 * same arguments; the fit and the rounding then run once, not rows × columns times. Only inputs read and
 * checked reach it; the plan is a pure function of them.
 */
let lastGrid: { readonly input: GridInput; readonly plan: Float64Array } | undefined;

function sameGridInput(a: GridInput, b: GridInput): boolean {
  const same = (x: ArrayLike<number> | undefined, y: ArrayLike<number> | undefined) => {
    if (x === undefined || y === undefined) return x === y;
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (!Object.is(x[k], y[k])) return false;
    return true;
  };
  return Object.is(a.unit, b.unit) && same(a.rowTotals, b.rowTotals) && same(a.columnTotals, b.columnTotals) && same(a.weights, b.weights);
}
