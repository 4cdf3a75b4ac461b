import { requireWholeNumber } from "../shared/checks";
import { CoreError, ErrorKind, fail } from "../shared/errors";
import { EXCEL_MAX, toExcelPrecision } from "../shared/rounding";
import { requireLength } from "./checks";

/**
 * Forecast accuracy, error e = actual − forecast (docs/forecasting.md):
 * MAE = mean|e|; RMSE = √mean(e²); MAPE % = mean(|e|/|y|)·100; sMAPE % = mean(2|e|/(|y|+|f|))·100;
 * MASE = MAE / (mean |y_t − y_{t−m}| over the training series, t = m+1…n).
 *
 * A metric that cannot be computed is an error *in its own cell*, the others still show:
 * - MAPE `#DIV/0!` when an actual is 0; sMAPE `#DIV/0!` when an actual and its forecast are both 0;
 * - MASE `#N/A` without training data, `#DIV/0!` when the training series never changes over a season;
 * - `#NUM!` for a metric that overflows.
 */

/** A metric's value, or the Excel error its cell shows (with the reason, for a #N/A's message). */
export type Metric = number | { readonly error: ErrorKind; readonly because?: CoreError };

export interface Accuracy {
  readonly mae: Metric;
  readonly rmse: Metric;
  readonly mape: Metric;
  readonly smape: Metric;
  readonly mase: Metric;
}

export const ACCURACY_ORDER = ["mae", "rmse", "mape", "smape", "mase"] as const;

const metric = (x: number): Metric => (Math.abs(x) <= EXCEL_MAX ? toExcelPrecision(x) : { error: "num" });

/**
 * @param actual observed values
 * @param forecast forecasts of the same periods (same length as actual: the adapter checks)
 * @param training the history the forecasts were fitted on, for MASE's scale (optional)
 * @param seasonLength m of MASE's seasonal-naive scale, default 1 (the naive forecast)
 */
export function forecastAccuracy(actual: ArrayLike<number>, forecast: ArrayLike<number>, training?: ArrayLike<number>, seasonLength = 1): Accuracy {
  requireWholeNumber(seasonLength, { arg: "season_length" }, 1, Number.MAX_SAFE_INTEGER);
  const n = actual.length;
  if (n === 0) throw fail("EMPTY", { arg: "actual" });
  if (forecast.length !== n) throw fail("LENGTH_MISMATCH", { arg: "forecast", length: forecast.length, otherArg: "actual", otherLength: n });
  if (training !== undefined) requireLength(training, seasonLength + 1, "training");

  let absSum = 0;
  let largest = 0;
  let apeSum = 0;
  let sapeSum = 0;
  let apeDefined = true;
  let sapeDefined = true;
  for (let i = 0; i < n; i++) {
    const y = actual[i] as number;
    const f = forecast[i] as number;
    const e = Math.abs(y - f);
    absSum += e;
    if (e > largest) largest = e;
    if (y === 0) apeDefined = false;
    else apeSum += e / Math.abs(y);
    const denominator = Math.abs(y) + Math.abs(f);
    if (denominator === 0) sapeDefined = false;
    else sapeSum += (2 * e) / denominator;
  }
  const mae = absSum / n;
  // RMSE scaled by the largest error, so that e² neither overflows (1e200) nor underflows (1e-200).
  let scaledSquares = 0;
  if (largest > 0 && Number.isFinite(largest)) {
    for (let i = 0; i < n; i++) {
      const e = Math.abs((actual[i] as number) - (forecast[i] as number)) / largest;
      scaledSquares += e * e;
    }
  }
  const rmse = Number.isFinite(largest) ? largest * Math.sqrt(scaledSquares / n) : largest;
  let mase: Metric = { error: "na", because: fail("NEEDED_FOR", { arg: "training", result: "MASE" }, "na") };
  if (training !== undefined) {
    let scaleSum = 0;
    for (let t = seasonLength; t < training.length; t++) scaleSum += Math.abs((training[t] as number) - (training[t - seasonLength] as number));
    const scale = scaleSum / (training.length - seasonLength);
    mase = scale === 0 ? { error: "div0" } : metric(mae / scale);
  }
  return {
    mae: metric(mae),
    rmse: metric(rmse),
    mape: apeDefined ? metric((apeSum / n) * 100) : { error: "div0" },
    smape: sapeDefined ? metric((sapeSum / n) * 100) : { error: "div0" },
    mase,
  };
}
