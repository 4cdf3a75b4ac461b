import { requireWholeNumber } from "../shared/checks";
import { studentTQuantile } from "../shared/student-t";
import { cellValues, MAX_SEASON_LENGTH, requireHorizon, requireLength, requireLevel } from "./checks";
import { Band, DEFAULT_LEVEL } from "./interval";

/**
 * Seasonal linear regression, R's `lm(y ~ t + factor(season))` (as `forecast::tslm(y ~ trend + season)`):
 * ordinary least squares of y on t = 1…n and the season position of each period, with the prediction
 * interval of `predict.lm(interval = "prediction")`:
 *
 *   ŷ₀ ± t_{(1+level)/2, n−p} · s · √(1 + x₀ᵀ(XᵀX)⁻¹x₀),   s² = RSS/(n − p),   p = m + 1.
 *
 * **Solved by a Householder QR decomposition**, never the normal equations (which square the condition
 * number). The design is written with one indicator column per season position and t last —
 * X = [D₁ … D_m | t] — which spans the same column space as R's intercept + t + (m − 1) treatment dummies,
 * so fitted values, residuals, forecasts and intervals are the same; {@link SeasonalRegression.coefficients}
 * converts back to R's parametrisation. In that form the QR costs O(n): the indicator columns have
 * disjoint supports, so the reflector of D_k touches only the rows of season k (mapping their ones to
 * −√n_k on the season's first row) and, of the later columns, only t. The last reflector then works on
 * the n − m rows left, whose t values are t minus their season's mean in a rotated basis.
 * x₀ᵀ(XᵀX)⁻¹x₀ = ‖R⁻ᵀx₀‖² by forward substitution with R, no inverse.
 *
 * Rank: the design has full rank p = m + 1 once every season position occurs and one of them twice
 * (n ≥ m + 1); below, t or a season is not identified. One residual degree of freedom needs n ≥ m + 2
 * (3 without season): a shorter history is TOO_FEW_VALUES, which covers every rank-deficient case. From
 * there R's last diagonal, √(Σ_k Σ_{i∈k}(t_i − t̄_k)²), is at least √(m²/2) > 0: no pivoting is needed.
 * A constant series is fine (RSS = 0: the band closes on the line).
 *
 * Without a season (m = 1) it is the straight line through the history, whose forecast equals Excel's
 * `FORECAST.LINEAR` / `TREND` with x = 1…n.
 */

export interface SeasonalRegression {
  /** Periods per season (1 = none). */
  readonly m: number;
  readonly n: number;
  /** Residual degrees of freedom n − p, p = m + 1. */
  readonly df: number;
  /** Residual sum of squares (Infinity when it exceeds the largest double; {@link residualSd} does not). */
  readonly rss: number;
  /** s = √(RSS/(n − p)), the residual standard error. */
  readonly residualSd: number;
  /** Slope per period. */
  readonly slope: number;
  /** Per season position k (0-based from the first value's position): the line's value at t = 0. */
  readonly seasonIntercepts: number[];
  /** √n_k: minus R's diagonal of the indicator columns. */
  readonly rootCounts: number[];
  /** R's entry (k, t) divided by R_kk: the mean t of season position k. */
  readonly seasonMeanT: number[];
  /** R's last diagonal entry, |R_tt| = √(within-season sum of squares of t). */
  readonly rTT: number;
  /** R's `coef(lm(y ~ t + factor(season)))`: intercept, t, then season 2…m relative to season 1. */
  readonly coefficients: number[];
}

/** The least history: p + 1 = m + 2 values, so that one residual degree of freedom remains. */
export function linearMinimumLength(m: number): number {
  return m + 2;
}

/**
 * The Householder reflector H = I − 2vvᵀ/vᵀv that maps the entries `rows` of `x` to (r, 0, …, 0),
 * r = −sign(x₁)‖x‖, applied in place to `x` and to `others` (same rows). Returns r; `x` is not all 0 there.
 */
function reflect(x: Float64Array, others: readonly Float64Array[], rows: readonly number[]): number {
  let scale = 0;
  for (const i of rows) scale = Math.max(scale, Math.abs(x[i] as number));
  let norm2 = 0;
  for (const i of rows) {
    const v = (x[i] as number) / scale;
    norm2 += v * v;
  }
  const first = rows[0] as number;
  const x1 = x[first] as number;
  const r = (x1 >= 0 ? -1 : 1) * scale * Math.sqrt(norm2);
  // v = x − r·e₁ (only its first entry differs from x), vᵀv = 2(‖x‖² − r·x₁) = 2r(r − x₁).
  const v1 = x1 - r;
  const vtv = 2 * r * (r - x1);
  for (const y of others) {
    let dot = v1 * (y[first] as number);
    for (let j = 1; j < rows.length; j++) dot += (x[rows[j] as number] as number) * (y[rows[j] as number] as number);
    const f = (2 * dot) / vtv;
    y[first] = (y[first] as number) - f * v1;
    for (let j = 1; j < rows.length; j++) {
      const i = rows[j] as number;
      y[i] = (y[i] as number) - f * (x[i] as number);
    }
  }
  x[first] = r;
  for (let j = 1; j < rows.length; j++) x[rows[j] as number] = 0;
  return r;
}

/**
 * {@link reflect} for an indicator column, whose entries on `rows` are all 1 (c of them), without
 * storing it: r = −√c, v = (1 + √c, 1, …, 1), vᵀv = 2√c(√c + 1).
 */
function reflectOnes(others: readonly Float64Array[], rows: readonly number[]): number {
  const root = Math.sqrt(rows.length);
  const v1 = 1 + root;
  const vtv = 2 * root * v1;
  const first = rows[0] as number;
  for (const y of others) {
    let dot = v1 * (y[first] as number);
    for (let j = 1; j < rows.length; j++) dot += y[rows[j] as number] as number;
    const f = (2 * dot) / vtv;
    y[first] = (y[first] as number) - f * v1;
    for (let j = 1; j < rows.length; j++) {
      const i = rows[j] as number;
      y[i] = (y[i] as number) - f;
    }
  }
  return -root;
}

/**
 * Fits the regression by the QR decomposition described above. The history is scaled by its largest
 * |value| first, so that no square overflows; the results are scaled back.
 */
export function seasonalRegression(history: ArrayLike<number>, seasonLength = 1): SeasonalRegression {
  const m = requireWholeNumber(seasonLength, { arg: "season_length" }, 1, MAX_SEASON_LENGTH);
  requireLength(history, linearMinimumLength(m));
  const n = history.length;
  let yScale = 0;
  for (let i = 0; i < n; i++) yScale = Math.max(yScale, Math.abs(history[i] as number));
  if (yScale === 0) yScale = 1;
  const y = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = (history[i] as number) / yScale;
    t[i] = i + 1;
  }

  // The indicator columns: reflector k on the rows of season k; the ones become −√n_k on its first row.
  const rootCounts = new Array<number>(m);
  const rKT = new Array<number>(m);
  const qtyK = new Array<number>(m);
  const rest: number[] = [];
  for (let k = 0; k < m; k++) {
    const rows: number[] = [];
    for (let i = k; i < n; i += m) rows.push(i);
    rootCounts[k] = -reflectOnes([t, y], rows);
    rKT[k] = t[k] as number;
    qtyK[k] = y[k] as number;
    for (let j = 1; j < rows.length; j++) rest.push(rows[j] as number);
  }
  // The t column on the rows left: R_tt, and what remains of y is the residual vector.
  rest.sort((a, b) => a - b);
  const rTT = reflect(t, [y], rest);
  const qtyT = y[rest[0] as number] as number;
  let rss = 0;
  for (let j = 1; j < rest.length; j++) {
    const e = y[rest[j] as number] as number;
    rss += e * e;
  }

  // Back substitution: β_t = qty_t / R_tt; β_k = (qty_k − R_kt·β_t) / R_kk, R_kk = −√n_k.
  const slope = qtyT / rTT;
  const seasonIntercepts = new Array<number>(m);
  const seasonMeanT = new Array<number>(m);
  for (let k = 0; k < m; k++) {
    const rKK = -(rootCounts[k] as number);
    seasonIntercepts[k] = ((qtyK[k] as number) - (rKT[k] as number) * slope) / rKK;
    seasonMeanT[k] = (rKT[k] as number) / rKK;
  }
  const scaledIntercepts = seasonIntercepts.map((b) => b * yScale);
  const base = scaledIntercepts[0] as number;
  return {
    m,
    n,
    df: n - (m + 1),
    rss: rss * yScale * yScale,
    residualSd: Math.sqrt(rss / (n - (m + 1))) * yScale,
    slope: slope * yScale,
    seasonIntercepts: scaledIntercepts,
    rootCounts,
    seasonMeanT,
    rTT: Math.abs(rTT),
    coefficients: [base, slope * yScale, ...scaledIntercepts.slice(1).map((b) => b - base)],
  };
}

/**
 * x₀ᵀ(XᵀX)⁻¹x₀ at period t₀ of season position k, = ‖w‖² with Rᵀw = x₀ = e_k + t₀·e_t (forward
 * substitution): w_k = 1/R_kk, w_t = (t₀ − R_kt/R_kk)/R_tt, so 1/n_k + ((t₀ − t̄_k)/R_tt)².
 */
export function leverage(fit: SeasonalRegression, t0: number, k: number): number {
  const wK = 1 / (fit.rootCounts[k] as number);
  const wT = (t0 - (fit.seasonMeanT[k] as number)) / fit.rTT;
  return wK * wK + wT * wT;
}

/** Forecasts of a fitted regression for periods n + 1 … n + horizon with their prediction interval, unrounded. */
export function regressionBand(fit: SeasonalRegression, horizon: number, level: number): Band {
  const s = fit.residualSd;
  const q = studentTQuantile((1 + level) / 2, fit.df);
  const lower = new Array<number>(horizon);
  const forecast = new Array<number>(horizon);
  const upper = new Array<number>(horizon);
  for (let h = 1; h <= horizon; h++) {
    const t0 = fit.n + h;
    const k = (fit.n + h - 1) % fit.m;
    const f = (fit.seasonIntercepts[k] as number) + fit.slope * t0;
    const half = q * s * Math.sqrt(1 + leverage(fit, t0, k));
    lower[h - 1] = f - half;
    forecast[h - 1] = f;
    upper[h - 1] = f + half;
  }
  return { lower, forecast, upper };
}

/** FORECAST.LINEAR: the regression's forecasts and prediction interval, cleaned to Excel's 15 digits. */
export function linearForecastInterval(history: ArrayLike<number>, horizon: number, seasonLength = 1, level = DEFAULT_LEVEL): Band {
  requireHorizon(horizon);
  requireLevel(level);
  const band = regressionBand(seasonalRegression(history, seasonLength), horizon, level);
  return { lower: cellValues(band.lower), forecast: cellValues(band.forecast), upper: cellValues(band.upper) };
}
