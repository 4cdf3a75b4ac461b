import { requireWholeNumber } from "../shared/checks";
import { fail } from "../shared/errors";
import { inCellRange, toExcelPrecision } from "../shared/rounding";

/** Checks shared by the forecasting functions; every failure is an input problem (#VALUE!). */

/** The longest forecast one call may spill (a larger horizon is almost certainly a typo). */
export const MAX_HORIZON = 10_000;
/** The longest season (a season of 366 days is the largest period a sales history uses). */
export const MAX_SEASON_LENGTH = 366;

/** Seasonal models: R's `seasonal = "additive" | "multiplicative"`. */
export type SeasonalModel = "additive" | "multiplicative";

/**
 * The longest history the smoothing models fit to. Fitting evaluates the recursion over the whole history
 * some thousands of times: measured on the 2-core development machine, Holt-Winters with all three
 * parameters fitted takes 1.5–3 s on 100,000 values and 25–40 s on a million, during which Excel shows
 * #BUSY! and the task pane (same runtime) freezes.
 */
export const MAX_HISTORY = 100_000;

/** At most {@link MAX_HISTORY} values, else TOO_MANY_VALUES naming `arg`. */
export function requireFittable(values: ArrayLike<number>, arg = "history"): void {
  if (values.length > MAX_HISTORY) throw fail("TOO_MANY_VALUES", { arg, length: values.length, max: MAX_HISTORY });
}

/** A history with at least `needed` values, else TOO_FEW_VALUES naming `arg`. */
export function requireLength(values: ArrayLike<number>, needed: number, arg = "history"): void {
  if (values.length < needed) throw fail("TOO_FEW_VALUES", { arg, length: values.length, needed });
}

/** The number of periods to forecast: a whole number from 1 to {@link MAX_HORIZON}. */
export function requireHorizon(horizon: number): number {
  return requireWholeNumber(horizon, { arg: "horizon" }, 1, MAX_HORIZON);
}

/** A season length (periods per season): a whole number from 2 to {@link MAX_SEASON_LENGTH}. */
export function requireSeasonLength(seasonLength: number, arg = "season_length"): number {
  return requireWholeNumber(seasonLength, { arg }, 2, MAX_SEASON_LENGTH);
}

/** A smoothing parameter in [0, 1] (`undefined` = fit it), else TOO_SMALL / TOO_LARGE. */
export function requireSmoothing(value: number | undefined, arg: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value >= 0)) throw fail("TOO_SMALL", { arg, value, min: 0 });
  if (value > 1) throw fail("TOO_LARGE", { arg, value, max: 1 });
  return value;
}

/** Every value > 0 (a multiplicative season divides by the data), else TOO_SMALL naming the row. */
export function requirePositiveValues(values: ArrayLike<number>, arg = "history"): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (!(value > 0)) throw fail("TOO_SMALL", { arg, index: i, value, min: 0, exclusive: true });
  }
}

/** Forecasts a cell can hold, cleaned to Excel's 15 digits; `#NUM!` when one overflowed. */
export function cellValues(values: ArrayLike<number>, arg = "history"): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toExcelPrecision(inCellRange(values[i] as number, { arg }));
  return out;
}

/**
 * The coverage of a prediction interval, strictly between 0 and 1 (0.95 or 95%): 0 would be no interval
 * and 1 an infinite one. A level from 1 to 100 was typed as a percentage (95 for 95%): RATE_AS_PERCENT.
 */
export function requireLevel(level: number, arg = "level"): number {
  if (!(level > 0)) throw fail("TOO_SMALL", { arg, value: level, min: 0, exclusive: true });
  if (level >= 1) {
    if (level > 1 && level <= 100) throw fail("RATE_AS_PERCENT", { arg, value: level });
    throw fail("TOO_LARGE", { arg, value: level, max: 1, exclusive: true });
  }
  return level;
}
