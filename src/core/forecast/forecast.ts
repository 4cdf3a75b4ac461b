import { requireWholeNumber } from "../shared/checks";
import { cellValues, requireFittable, requireHorizon, requireLength, requirePositiveValues, requireSeasonLength, requireSmoothing, SeasonalModel } from "./checks";
import { Fit, fitRecursion, GivenSmoothing, recursionFor } from "./fit";
import { forecastFrom } from "./holt-winters";

/**
 * The forecasting functions of the product (R `stats::HoltWinters` conventions, docs/forecasting.md).
 * Each validates its input, fits what was omitted and returns the forecasts cleaned to Excel's 15 digits.
 */

/** `horizon` copies of the mean of the last `window` values. */
export function movingAverageForecast(history: ArrayLike<number>, window: number, horizon = 1): number[] {
  requireWholeNumber(window, { arg: "window" }, 1, Number.MAX_SAFE_INTEGER);
  requireHorizon(horizon);
  requireLength(history, window);
  let sum = 0;
  for (let i = history.length - window; i < history.length; i++) sum += history[i] as number;
  const mean = sum / window;
  return cellValues(new Array<number>(horizon).fill(mean));
}

/** Simple exponential smoothing (R: `HoltWinters(x, beta = FALSE, gamma = FALSE)`); α fitted when omitted. */
export function sesFit(history: ArrayLike<number>, alpha?: number): Fit {
  requireSmoothing(alpha, "alpha");
  requireLength(history, 2);
  requireFittable(history);
  return fitRecursion(history, recursionFor(history, "ses"), { alpha }, ["alpha"]);
}

export function sesForecast(history: ArrayLike<number>, horizon: number, alpha?: number): number[] {
  requireHorizon(horizon);
  const fit = sesFit(history, alpha);
  return cellValues(forecastFrom(fit.state, fit.recursion, horizon));
}

/** Holt's linear trend (R: `HoltWinters(x, gamma = FALSE)`); α and β fitted when omitted. */
export function holtFit(history: ArrayLike<number>, alpha?: number, beta?: number): Fit {
  requireSmoothing(alpha, "alpha");
  requireSmoothing(beta, "beta");
  requireLength(history, 3);
  requireFittable(history);
  return fitRecursion(history, recursionFor(history, "holt"), { alpha, beta }, ["alpha", "beta"]);
}

export function holtForecast(history: ArrayLike<number>, horizon: number, alpha?: number, beta?: number): number[] {
  requireHorizon(horizon);
  const fit = holtFit(history, alpha, beta);
  return cellValues(forecastFrom(fit.state, fit.recursion, horizon));
}

/**
 * Seasonal Holt-Winters (R: `HoltWinters(x, seasonal = model)` with `frequency(x) = seasonLength`): start
 * values from a classical decomposition of the first two seasons, so the history needs two full
 * seasons; a multiplicative model needs every value > 0.
 */
export function holtWintersFit(history: ArrayLike<number>, seasonLength: number, model: SeasonalModel = "additive", given: GivenSmoothing = {}): Fit {
  requireSmoothing(given.alpha, "alpha");
  requireSmoothing(given.beta, "beta");
  requireSmoothing(given.gamma, "gamma");
  requireSeasonLength(seasonLength);
  requireLength(history, 2 * seasonLength);
  requireFittable(history);
  if (model === "multiplicative") requirePositiveValues(history);
  return fitRecursion(history, recursionFor(history, model, seasonLength), given, ["alpha", "beta", "gamma"]);
}

export function holtWintersForecast(
  history: ArrayLike<number>,
  horizon: number,
  seasonLength: number,
  model: SeasonalModel = "additive",
  given: GivenSmoothing = {},
): number[] {
  requireHorizon(horizon);
  const fit = holtWintersFit(history, seasonLength, model, given);
  return cellValues(forecastFrom(fit.state, fit.recursion, horizon));
}

/** The fitted {α, β, γ, SSE} of a seasonal Holt-Winters model (all three parameters fitted). */
export function holtWintersParams(history: ArrayLike<number>, seasonLength: number, model: SeasonalModel = "additive"): number[] {
  const { smoothing, state } = holtWintersFit(history, seasonLength, model);
  return cellValues([smoothing.alpha, smoothing.beta, smoothing.gamma, state.sse]);
}
