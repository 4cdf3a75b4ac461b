import { CoreError, fail, isCoreError } from "../shared/errors";
import { requireNonNegative } from "../shared/checks";
import { toExcelPrecision } from "../shared/rounding";
import { FitLimits, fitGrid } from "./grid-fit";
import { roundGrid } from "./grid-round";
import { gridSupport } from "./grid-support";
import { unitsIn } from "./split";

/**
 * A plan of rows × columns (salespeople × months, channels × quarters) whose every row adds up exactly
 * to its row total and every column to its column total, every cell a multiple of the unit
 * (TARGET.GRID). Rounding each cell of a proportional plan on its own breaks one of the two sums; this
 * does not:
 *
 * 1. The totals are whole numbers of units, as TARGET.SPLIT counts them (`unitsIn`: the same rule and the
 *    same messages), ≥ 0, and the rows' totals add up to the columns' totals.
 * 2. The cells that can hold an amount: where the weight is above 0 and a plan meeting both margins can
 *    put something (grid-support.ts, a maximum flow); when no such plan exists, the rows or columns
 *    that cannot be met are named.
 * 3. The real-valued plan: iterative proportional fitting of the weights (default: all equal, i.e.
 *    row total × column share) to both margins (grid-fit.ts).
 * 4. Controlled rounding: each cell down or up to a whole unit, both margins exact, the rounding nearest
 *    the fitted plan, ties to earlier rows, then earlier columns (grid-round.ts).
 *
 * Every cell is within one unit of its fitted value, a weight of 0 gives 0, the same input gives the same
 * plan, and multiplying the weights by any factor gives the same plan.
 */

/** Names used in messages: the Excel arguments the values came from. */
export interface GridArgs {
  readonly rowTotals: string;
  readonly columnTotals: string;
  readonly weights: string;
  readonly unit: string;
}

const DEFAULT_ARGS: GridArgs = { rowTotals: "row_totals", columnTotals: "column_totals", weights: "weights", unit: "unit" };

/** The most units the totals may add up to (2⁴⁰, about 1.1 × 10¹²): the fit keeps the cells to well under a unit. */
export const MAX_GRID_UNITS = 2 ** 40;

/** The most cells a plan may have. */
export const MAX_GRID_CELLS = 200_000;

/**
 * The most work a plan may take, as cells × (shorter side)²: the rounding hands out about half a unit per
 * cell, each along a path searched over the shorter side (12 months: 144 steps). About a second on a
 * 2-core machine at most: 16,666 reps × 12 months, 477 stores × 52 weeks, 90 × 90.
 */
export const MAX_GRID_WORK = 2 ** 26;

/** The most lines on the long side for `short` lines on the other. */
export function maxLongSide(short: number): number {
  return Math.min(Math.floor(MAX_GRID_CELLS / short), Math.floor(MAX_GRID_WORK / short ** 3));
}

export interface GridPlan {
  /** The plan, row-major: multiples of the unit. */
  readonly amounts: Float64Array;
  /** The fitted real-valued plan, row-major, in units (amount ÷ unit). */
  readonly fitted: Float64Array;
  /** IPF rounds and Newton steps the fit took. */
  readonly rounds: number;
  readonly newtonSteps: number;
}

/**
 * Refuses a plan too large to compute in about a second (Excel would show #BUSY!): the long side may have
 * at most {@link maxLongSide} lines for the short side's count. The adapter calls it before it reads the
 * weights.
 */
export function checkGridSize(rows: number, columns: number, args: GridArgs = DEFAULT_ARGS): void {
  if (columns <= rows) {
    const maxRows = maxLongSide(columns);
    if (rows > maxRows) throw fail("GRID_TOO_LARGE", { arg: args.rowTotals, rows, columns, maxRows });
  } else {
    const maxColumns = maxLongSide(rows);
    if (columns > maxColumns) throw fail("GRID_TOO_LARGE", { arg: args.columnTotals, rows, columns, maxColumns });
  }
}

/** Each total as a whole number of units (≥ 0), its position named in any message. */
function totalsInUnits(totals: ArrayLike<number>, unit: number, arg: string, unitArg: string): Float64Array {
  const units = new Float64Array(totals.length);
  for (let i = 0; i < totals.length; i++) {
    const total = totals[i] as number;
    requireNonNegative(total, { arg, index: i });
    try {
      units[i] = unitsIn(total, unit, { total: arg, weights: "", unit: unitArg });
    } catch (error) {
      if (isCoreError(error) && error.details.arg === arg) throw new CoreError(error.code, { ...error.details, index: i }, error.kind);
      throw error;
    }
  }
  return units;
}

/**
 * The plan with its fit (see the module comment); `weights` row-major, rows × columns, or undefined for all
 * equal. `limits` bound the fit (tests use them to reach the refusal of a fit that has not converged).
 */
export function gridPlan(rowTotals: ArrayLike<number>, columnTotals: ArrayLike<number>, weights?: ArrayLike<number>, unit = 1, args: GridArgs = DEFAULT_ARGS, limits?: FitLimits): GridPlan {
  const m = rowTotals.length;
  const n = columnTotals.length;
  if (m === 0) throw fail("EMPTY", { arg: args.rowTotals });
  if (n === 0) throw fail("EMPTY", { arg: args.columnTotals });
  checkGridSize(m, n, args);
  const rowUnits = totalsInUnits(rowTotals, unit, args.rowTotals, args.unit);
  const columnUnits = totalsInUnits(columnTotals, unit, args.columnTotals, args.unit);

  let rowSum = 0;
  let columnSum = 0;
  for (let i = 0; i < m; i++) rowSum += rowUnits[i] as number;
  for (let j = 0; j < n; j++) columnSum += columnUnits[j] as number;
  const amount = (units: number) => toExcelPrecision(units * unit);
  for (const [arg, sum] of [[args.rowTotals, rowSum], [args.columnTotals, columnSum]] as const) {
    if (sum > MAX_GRID_UNITS) throw fail("GRID_TOTAL_TOO_LARGE", { arg, total: amount(sum), unit, max: amount(MAX_GRID_UNITS) });
  }
  // Both sums are whole numbers of at most 2⁴⁰ units, added exactly.
  if (rowSum !== columnSum) {
    throw fail("MARGINS_DIFFER", { arg: args.rowTotals, total: amount(rowSum), otherArg: args.columnTotals, otherTotal: amount(columnSum) });
  }

  const w = weights ?? new Float64Array(m * n).fill(1);
  if (w.length !== m * n) {
    throw fail("BAD_SHAPE", { arg: args.weights, expectedRows: m, expectedColumns: n, rows: Math.ceil(w.length / n), columns: n });
  }
  let anyWeight = false;
  for (let k = 0; k < m * n; k++) {
    const value = w[k] as number;
    const where = { arg: args.weights, row: Math.floor(k / n) + 1, column: (k % n) + 1 };
    requireNonNegative(value, where);
    if (value === Infinity) throw fail("TOO_LARGE", { ...where, value, max: Number.MAX_VALUE });
    if (value > 0) anyWeight = true;
  }
  if (!anyWeight && rowSum > 0) throw fail("ALL_ZERO", { arg: args.weights });

  const support = gridSupport({ rows: m, columns: n, rowUnits, columnUnits, weights: w });
  if (!support.feasible) {
    const shown = support.positions.slice(0, 5).map((p) => String(p + 1));
    if (support.positions.length > 5) shown.push("…");
    throw fail("GRID_UNREACHABLE", {
      arg: support.side === "row" ? args.rowTotals : args.columnTotals,
      side: support.side,
      positions: shown.join(", "),
      count: support.positions.length,
      total: amount(support.total),
      reachable: amount(support.reachable),
    });
  }

  const fit = fitGrid(m, n, rowUnits, columnUnits, w, support.allowed, limits);
  const units = fit.converged ? roundGrid(m, n, fit.values, rowUnits, columnUnits) : undefined;
  if (units === undefined) throw fail("GRID_NOT_CONVERGED", { arg: args.weights });

  const amounts = new Float64Array(m * n);
  const wholeUnit = Number.isInteger(unit);
  for (let k = 0; k < m * n; k++) {
    const value = (units[k] as number) * unit + 0;
    // As TARGET.SPLIT: a decimal unit multiplies with float noise, cleaned to Excel's 15 digits.
    amounts[k] = wholeUnit ? value : toExcelPrecision(value);
  }
  return { amounts, fitted: fit.values, rounds: fit.rounds, newtonSteps: fit.newtonSteps };
}

/**
 * The plan: rows × columns amounts, row-major, every row adding up to its row total and every column to
 * its column total, each a multiple of `unit` (default 1). `weights` (row-major, ≥ 0) default to all equal.
 *
 * Example: row totals {60, 40}, column totals {50, 30, 20} → {30, 18, 12; 20, 12, 8}.
 */
export function targetGrid(rowTotals: ArrayLike<number>, columnTotals: ArrayLike<number>, weights?: ArrayLike<number>, unit = 1, args: GridArgs = DEFAULT_ARGS): Float64Array {
  return gridPlan(rowTotals, columnTotals, weights, unit, args).amounts;
}
