import { requireWholeNumber } from "../shared/checks";
import { fail, isCoreError } from "../shared/errors";
import { Accuracy, forecastAccuracy, Metric } from "./accuracy";
import { MAX_HORIZON, MAX_SEASON_LENGTH, requireFittable } from "./checks";
import { fitRecursion, recursionFor } from "./fit";
import { forecastFrom } from "./holt-winters";
import { linearMinimumLength, regressionBand, seasonalRegression } from "./linear";

/**
 * A holdout backtest of the forecasting methods (FORECAST.BACKTEST): each method that can run is fitted
 * on all but the last `holdout` values (omitted smoothing parameters fitted, as FORECAST.SES/HOLT/HW do),
 * forecasts the held-out periods, and is scored on them — MAE, RMSE, MAPE % and MASE as
 * FORECAST.ACCURACY computes them, MASE scaled by the seasonal-naive MAE of the training part (m = the
 * season length, 1 without). Rows come best RMSE first; ties keep the order of {@link BACKTEST_METHODS}.
 */

/** The methods, in the order that breaks RMSE ties. */
export const BACKTEST_METHODS = ["ma", "ses", "holt", "hw-additive", "hw-multiplicative", "linear"] as const;
export type BacktestMethod = (typeof BACKTEST_METHODS)[number];

/** The metrics a backtest reports, in its columns' order. */
export const BACKTEST_METRICS = ["mae", "rmse", "mape", "mase"] as const;

export interface BacktestRow {
  readonly method: BacktestMethod;
  /** The moving average's window (season length, or 3 without a season); 0 for the other methods. */
  readonly window: number;
  readonly metrics: Pick<Accuracy, (typeof BACKTEST_METRICS)[number]>;
}

/** The least training history of any method: SES needs 2 values. */
export const BACKTEST_MINIMUM_TRAINING = 2;

/** The moving average's window: one season, or 3 periods without a season. */
export function movingAverageWindow(seasonLength: number): number {
  return seasonLength > 1 ? seasonLength : 3;
}

/** Whether `method` can run on `training` (its length, a season, values above 0). */
export function canRun(method: BacktestMethod, training: ArrayLike<number>, seasonLength: number): boolean {
  const n = training.length;
  const m = seasonLength;
  switch (method) {
    case "ma":
      return n >= movingAverageWindow(m);
    case "ses":
      return n >= 2;
    case "holt":
      return n >= 3;
    case "hw-additive":
      return m > 1 && n >= 2 * m;
    case "hw-multiplicative":
      if (!(m > 1 && n >= 2 * m)) return false;
      for (let i = 0; i < n; i++) if (!((training[i] as number) > 0)) return false;
      return true;
    case "linear":
      return n >= linearMinimumLength(m);
  }
}

/**
 * The unrounded forecasts of `method` for the `horizon` periods after `training`, omitted parameters
 * fitted. The caller checks {@link canRun} first.
 */
export function methodForecast(method: BacktestMethod, training: ArrayLike<number>, horizon: number, seasonLength: number): number[] {
  switch (method) {
    case "ma": {
      const window = movingAverageWindow(seasonLength);
      let sum = 0;
      for (let i = training.length - window; i < training.length; i++) sum += training[i] as number;
      return new Array<number>(horizon).fill(sum / window);
    }
    case "ses":
    case "holt": {
      const used = method === "ses" ? (["alpha"] as const) : (["alpha", "beta"] as const);
      const fit = fitRecursion(training, recursionFor(training, method), {}, used);
      return forecastFrom(fit.state, fit.recursion, horizon);
    }
    case "hw-additive":
    case "hw-multiplicative": {
      const model = method === "hw-additive" ? "additive" : "multiplicative";
      const fit = fitRecursion(training, recursionFor(training, model, seasonLength), {}, ["alpha", "beta", "gamma"]);
      return forecastFrom(fit.state, fit.recursion, horizon);
    }
    case "linear":
      return regressionBand(seasonalRegression(training, seasonLength), horizon, 0.95).forecast;
  }
}

const NUM: Metric = { error: "num" };

/**
 * FORECAST.BACKTEST's rows, best RMSE first (a metric that is an error sorts after every number).
 * @param history the whole series, oldest first
 * @param holdout how many of the latest values to hold out and forecast, 1 to {@link MAX_HORIZON}
 * @param seasonLength periods per season, 1 (default) for none
 */
export function backtest(history: ArrayLike<number>, holdout: number, seasonLength = 1): BacktestRow[] {
  requireWholeNumber(holdout, { arg: "holdout" }, 1, MAX_HORIZON);
  const m = requireWholeNumber(seasonLength, { arg: "season_length" }, 1, MAX_SEASON_LENGTH);
  requireFittable(history);
  const n = history.length;
  if (n - holdout < BACKTEST_MINIMUM_TRAINING) {
    throw fail("HOLDOUT_TOO_LONG", { arg: "holdout", value: holdout, length: n, needed: holdout + BACKTEST_MINIMUM_TRAINING });
  }
  const values = Float64Array.from(history);
  const training = values.subarray(0, n - holdout);
  const actual = values.subarray(n - holdout);
  // MASE's scale needs m + 1 training values; a method that runs on fewer shows #N/A there, saying how long
  // a history would do.
  const masedOn = training.length > m ? training : undefined;
  const tooShortForMase: Metric = { error: "na", because: fail("TOO_FEW_VALUES", { arg: "history", length: n, needed: holdout + m + 1 }) };

  const rows: BacktestRow[] = [];
  for (const method of BACKTEST_METHODS) {
    if (!canRun(method, training, m)) continue;
    const window = method === "ma" ? movingAverageWindow(m) : 0;
    let forecast: number[];
    try {
      forecast = methodForecast(method, training, holdout, m);
    } catch (error) {
      // A fit that overflowed (a multiplicative recursion through 0) scores #NUM! rather than hiding.
      if (isCoreError(error) && error.kind === "num") {
        rows.push({ method, window, metrics: { mae: NUM, rmse: NUM, mape: NUM, mase: NUM } });
        continue;
      }
      throw error;
    }
    const { mae, rmse, mape, mase } = forecastAccuracy(actual, forecast, masedOn, m);
    rows.push({ method, window, metrics: { mae, rmse, mape, mase: masedOn === undefined ? tooShortForMase : mase } });
  }
  return rows.sort(byRmse);
}

function byRmse(a: BacktestRow, b: BacktestRow): number {
  const x = a.metrics.rmse;
  const y = b.metrics.rmse;
  if (typeof x === "number" && typeof y === "number") return x - y;
  if (typeof x === "number") return -1;
  if (typeof y === "number") return 1;
  return 0;
}
