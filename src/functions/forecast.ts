/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]; the metadata generator needs the type written out. */
import * as core from "../core/forecast";
import { BACKTEST_HEADERS, backtestMethodLabel } from "../i18n/forecast";
import { Call, cellError, describe, officeLanguage, run } from "./shared/edge";
import { isOmitted, optionalNumberOf, optionOf } from "./shared/options";
import { List, listResult, numberOf, numbersOf, Orientation, parallelLists, trimmedList } from "./shared/ranges";

/** The history list, trailing blank cells dropped (a blank inside it is an error naming its row). */
function historyOf(call: Call, history: unknown): { list: List; values: Float64Array } {
  const list = trimmedList(call.list("history", history));
  return { list, values: numbersOf(list) };
}

const MODELS = ["additive", "multiplicative"] as const;

/** A metric's cell: its number, or its own error (with the reason, for a #N/A's message). */
function metricCell(value: core.Metric, call: Call): number | CustomFunctions.Error {
  if (typeof value === "number") return value;
  return cellError(value.error, value.because === undefined ? undefined : describe(value.because, officeLanguage(), call));
}

/** A band as {lower, forecast, upper} per period: horizon rows × 3 for a column history, 3 rows × horizon for a row. */
function bandResult(band: core.Band, orientation: Orientation): number[][] {
  if (orientation === "row") return [band.lower, band.forecast, band.upper];
  return band.forecast.map((f, i) => [band.lower[i] as number, f, band.upper[i] as number]);
}

/**
 * Moving-average forecast: the mean of the last window values, repeated for each future period. Returns horizon values, shaped like history (a column, or a row if history is a row).
 * @customfunction FORECAST.MA
 * @param history Past values, oldest first, one row or one column without gaps (e.g. monthly sales).
 * @param window How many of the latest values to average, a whole number from 1 to the number of values.
 * @param [horizon] Periods to forecast, 1 to 10000. Default: 1.
 * @returns The forecasts, one per future period.
 */
export function forecastMa(history: any[][], window: number, horizon?: any): number[][] {
  return run((call) => {
    const { list, values } = historyOf(call, history);
    const steps = optionalNumberOf("horizon", horizon) ?? 1;
    return listResult(core.movingAverageForecast(values, numberOf("window", window), steps), list.orientation);
  });
}

/**
 * Simple exponential smoothing as R's HoltWinters(beta=FALSE, gamma=FALSE): level starts at the first value. alpha omitted = fitted (least one-step squared error). Returns horizon values (flat), shaped like history.
 * @customfunction FORECAST.SES
 * @param history Past values, oldest first, one row or one column without gaps, at least 2 values.
 * @param horizon Periods to forecast, a whole number from 1 to 10000.
 * @param [alpha] Smoothing of the level, 0 to 1 (0.3 or 30%). Default: fitted to the history.
 * @returns The forecasts, one per future period.
 */
export function forecastSes(history: any[][], horizon: number, alpha?: any): number[][] {
  return run((call) => {
    const { list, values } = historyOf(call, history);
    return listResult(core.sesForecast(values, numberOf("horizon", horizon), optionalNumberOf("alpha", alpha)), list.orientation);
  });
}

/**
 * Holt's linear trend as R's HoltWinters(gamma=FALSE): level starts at the 2nd value, trend at 2nd − 1st. Omitted alpha/beta are fitted (least one-step squared error). Returns horizon values, shaped like history.
 * @customfunction FORECAST.HOLT
 * @param history Past values, oldest first, one row or one column without gaps, at least 3 values.
 * @param horizon Periods to forecast, a whole number from 1 to 10000.
 * @param [alpha] Smoothing of the level, 0 to 1. Default: fitted to the history.
 * @param [beta] Smoothing of the trend, 0 to 1. Default: fitted to the history.
 * @returns The forecasts, one per future period.
 */
export function forecastHolt(history: any[][], horizon: number, alpha?: any, beta?: any): number[][] {
  return run((call) => {
    const { list, values } = historyOf(call, history);
    const result = core.holtForecast(values, numberOf("horizon", horizon), optionalNumberOf("alpha", alpha), optionalNumberOf("beta", beta));
    return listResult(result, list.orientation);
  });
}

/**
 * Seasonal Holt-Winters forecast following R's stats::HoltWinters (not Excel's FORECAST.ETS). Needs two full seasons of history. Omitted parameters are fitted. Returns horizon values, shaped like history.
 * @customfunction FORECAST.HW
 * @param history Past values, oldest first, one row or one column without gaps, at least two seasons (24 months for season_length 12).
 * @param horizon Periods to forecast, a whole number from 1 to 10000.
 * @param season_length Periods in one season: 12 for months in a year, 4 for quarters, 7 for days in a week (2 to 366).
 * @param [model] "additive" (seasonal swings of a fixed size) or "multiplicative" (swings that grow with the level; values must be above 0). Default: "additive".
 * @param [alpha] Smoothing of the level, 0 to 1. Default: fitted (least one-step squared error).
 * @param [beta] Smoothing of the trend, 0 to 1. Default: fitted.
 * @param [gamma] Smoothing of the season, 0 to 1. Default: fitted.
 * @returns The forecasts, one per future period.
 */
export function forecastHw(history: any[][], horizon: number, season_length: number, model?: any, alpha?: any, beta?: any, gamma?: any): number[][] {
  return run((call) => {
    const { list, values } = historyOf(call, history);
    const steps = numberOf("horizon", horizon);
    const result = core.holtWintersForecast(values, steps, numberOf("season_length", season_length), optionOf("model", model, MODELS, "additive"), {
      alpha: optionalNumberOf("alpha", alpha),
      beta: optionalNumberOf("beta", beta),
      gamma: optionalNumberOf("gamma", gamma),
    });
    return listResult(result, list.orientation);
  });
}

/**
 * The smoothing parameters FORECAST.HW fits to a history (R's HoltWinters with all three omitted) and the one-step sum of squared errors. Returns 4 values {alpha, beta, gamma, SSE}, shaped like history.
 * @customfunction FORECAST.HW.PARAMS
 * @param history Past values, oldest first, one row or one column without gaps, at least two seasons.
 * @param season_length Periods in one season: 12 for months in a year, 4 for quarters (2 to 366).
 * @param [model] "additive" or "multiplicative" (values must be above 0). Default: "additive".
 * @returns alpha, beta, gamma (each 0 to 1) and the sum of squared one-step errors.
 */
export function forecastHwParams(history: any[][], season_length: number, model?: any): number[][] {
  return run((call) => {
    const { list, values } = historyOf(call, history);
    const params = core.holtWintersParams(values, numberOf("season_length", season_length), optionOf("model", model, MODELS, "additive"));
    return listResult(params, list.orientation);
  });
}

/**
 * Forecast accuracy: {MAE, RMSE, MAPE %, sMAPE %, MASE}, shaped like actual. A metric that cannot be computed shows its own error: MAPE #DIV/0! for an actual of 0, MASE #N/A without training.
 * @customfunction FORECAST.ACCURACY
 * @param actual Observed values, one row or one column without gaps.
 * @param forecast Forecasts of the same periods, as many values as actual.
 * @param [training] The history the forecasts were made from, for MASE's scale (mean change over one season). Default: none (MASE is #N/A).
 * @param [season_length] Season length of MASE's seasonal naive scale, a whole number ≥ 1 (12 for monthly data). Default: 1.
 * @returns MAE, RMSE, MAPE (percent, 12.5 = 12.5%), sMAPE (percent) and MASE.
 */
export function forecastAccuracy(actual: any[][], forecast: any[][], training?: any[][], season_length?: any): any[][] {
  return run((call) => {
    const { lists } = parallelLists([call.list("actual", actual), call.list("forecast", forecast)]);
    const [a, f] = lists as [List, List];
    const train = isOmitted(training) ? undefined : numbersOf(trimmedList(call.list("training", training)));
    const result = core.forecastAccuracy(numbersOf(a), numbersOf(f), train, optionalNumberOf("season_length", season_length));
    return listResult(
      core.ACCURACY_ORDER.map((key) => metricCell(result[key], call)),
      a.orientation,
    );
  });
}

/**
 * Forecast with a prediction interval exactly as R's predict.HoltWinters(prediction.interval=TRUE), its approximations and (multiplicative) index quirk included; not Excel's FORECAST.ETS. Returns horizon rows {lower, forecast, upper}.
 * @customfunction FORECAST.INTERVAL
 * @param history Past values, oldest first, one row or one column without gaps: at least 3 (ses), 4 (holt) or two seasons.
 * @param horizon Periods to forecast, a whole number from 1 to 10000.
 * @param [season_length] Periods in one season: 12 for months, 4 for quarters (2 to 366). Default: none (1).
 * @param [model] "ses", "holt", "additive" or "multiplicative" (values above 0). Default: "additive" with season_length, else "holt".
 * @param [level] Probability that the interval holds the actual value, between 0 and 1 (0.95 or 95%). Default: 0.95.
 * @param [alpha] Smoothing of the level, 0 to 1. Default: fitted (least one-step squared error).
 * @param [beta] Smoothing of the trend, 0 to 1 (not for "ses"). Default: fitted.
 * @param [gamma] Smoothing of the season, 0 to 1 (seasonal models only). Default: fitted.
 * @returns Lower bound, forecast and upper bound of each future period (3 rows across when history is a row).
 */
export function forecastInterval(history: any[][], horizon: number, season_length?: any, model?: any, level?: any, alpha?: any, beta?: any, gamma?: any): number[][] {
  return run((call) => {
    const { list, values } = historyOf(call, history);
    const band = core.forecastInterval(values, numberOf("horizon", horizon), {
      seasonLength: optionalNumberOf("season_length", season_length),
      model: isOmitted(model) ? undefined : optionOf("model", model, core.INTERVAL_MODELS, "holt"),
      level: optionalNumberOf("level", level),
      alpha: optionalNumberOf("alpha", alpha),
      beta: optionalNumberOf("beta", beta),
      gamma: optionalNumberOf("gamma", gamma),
    });
    return bandResult(band, list.orientation);
  });
}

/**
 * Least-squares trend plus one dummy per season position (R's lm(y ~ t + factor(season)), solved by QR) with predict.lm's prediction interval. Without season_length: Excel's FORECAST.LINEAR line. Returns horizon rows {lower, forecast, upper}.
 * @customfunction FORECAST.LINEAR
 * @param history Past values, oldest first, one row or one column without gaps: at least season_length + 2 values (3 without season).
 * @param horizon Periods to forecast, a whole number from 1 to 10000.
 * @param [season_length] Periods in one season: 12 for months, 4 for quarters (1 to 366). Default: 1, a straight line.
 * @param [level] Probability that the interval holds the actual value, between 0 and 1 (0.95 or 95%). Default: 0.95.
 * @returns Lower bound, forecast and upper bound of each future period (3 rows across when history is a row).
 */
export function forecastLinear(history: any[][], horizon: number, season_length?: any, level?: any): number[][] {
  return run((call) => {
    const { list, values } = historyOf(call, history);
    const band = core.linearForecastInterval(values, numberOf("horizon", horizon), optionalNumberOf("season_length", season_length), optionalNumberOf("level", level));
    return bandResult(band, list.orientation);
  });
}

/**
 * Backtest: fits each method (moving average, SES, Holt, Holt-Winters additive and multiplicative, LINEAR) on all but the last holdout values and scores it on them. A header row, then one row per method that can run, best RMSE first.
 * @customfunction FORECAST.BACKTEST
 * @param history Past values, oldest first, one row or one column without gaps.
 * @param holdout How many of the latest values to hold out and forecast, a whole number from 1 (e.g. 12 months).
 * @param [season_length] Periods in one season: 12 for months, 4 for quarters (1 to 366). Default: 1, no season.
 * @returns Method, MAE, RMSE, MAPE % and MASE per method; a metric that cannot be computed is an error in its cell.
 */
export function forecastBacktest(history: any[][], holdout: number, season_length?: any): any[][] {
  return run((call) => {
    const { values } = historyOf(call, history);
    const m = optionalNumberOf("season_length", season_length) ?? 1;
    const rows = core.backtest(values, numberOf("holdout", holdout), m);
    const language = officeLanguage();
    const out: any[][] = [[...BACKTEST_HEADERS[language]]];
    for (const row of rows) {
      out.push([backtestMethodLabel(language, row.method, row.window, m > 1), ...core.BACKTEST_METRICS.map((key) => metricCell(row.metrics[key], call))]);
    }
    return out;
  });
}
