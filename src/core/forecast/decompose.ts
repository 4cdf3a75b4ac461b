import type { SeasonalModel } from "./checks";

/**
 * Classical decomposition, exactly as R's `stats::decompose` (no user filter), and the Holt-Winters start
 * values R's `HoltWinters` derives from it (`start.periods = 2`).
 */

export interface Decomposition {
  /** Centred moving average; `null` where the window runs off either end (R's NA). */
  readonly trend: Array<number | null>;
  /** The seasonal figure of each position in the season, centred (sum 0 or mean 1). */
  readonly figure: number[];
}

/**
 * R's `decompose(ts(values, frequency = m), type)`:
 * - trend = `filter(x, f, sides = 2)` with f = (½, 1, …, 1, ½)/m for an even m, (1, …, 1)/m for an odd m;
 * - figure[i] = mean over the available values at position i of x − trend (additive) or x / trend;
 * - figure centred: − mean(figure) (additive) or / mean(figure) (multiplicative).
 * Needs at least 2m values (the caller checks).
 */
export function decompose(values: ArrayLike<number>, m: number, model: SeasonalModel): Decomposition {
  const n = values.length;
  const even = m % 2 === 0;
  // R's filter coefficients, in R's order (filter[0] applies to x[i + shift]).
  const coefficients = even ? [0.5 / m, ...new Array<number>(m - 1).fill(1 / m), 0.5 / m] : new Array<number>(m).fill(1 / m);
  const width = coefficients.length;
  const shift = Math.floor(width / 2);
  const trend = new Array<number | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (i + shift - (width - 1) < 0 || i + shift >= n) continue;
    let z = 0;
    for (let j = 0; j < width; j++) z += (coefficients[j] as number) * (values[i + shift - j] as number);
    trend[i] = z;
  }

  const figure = new Array<number>(m).fill(0);
  for (let position = 0; position < m; position++) {
    let sum = 0;
    let count = 0;
    for (let i = position; i < n; i += m) {
      const t = trend[i];
      if (t === null || t === undefined) continue;
      const x = values[i] as number;
      sum += model === "additive" ? x - t : x / t;
      count++;
    }
    figure[position] = sum / count;
  }
  const mean = figure.reduce((a, b) => a + b, 0) / m;
  for (let i = 0; i < m; i++) figure[i] = model === "additive" ? (figure[i] as number) - mean : (figure[i] as number) / mean;
  return { trend, figure };
}

/** Start values of the seasonal recursion. */
export interface StartValues {
  readonly level: number;
  readonly trend: number;
  readonly seasonals: number[];
}

/**
 * R's `HoltWinters` start values: decompose the first 2m values; `l.start` and `b.start` are the
 * intercept and slope of the least-squares line through the non-missing trend values against 1..k;
 * `s.start` is the seasonal figure.
 */
export function seasonalStartValues(values: ArrayLike<number>, m: number, model: SeasonalModel): StartValues {
  const first = Array.prototype.slice.call(values, 0, 2 * m) as number[];
  const { trend, figure } = decompose(first, m, model);
  const ys = trend.filter((t): t is number => t !== null);
  const k = ys.length;
  const meanT = (k + 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    const dt = i + 1 - meanT;
    sxy += dt * ((ys[i] as number) - meanY);
    sxx += dt * dt;
  }
  const slope = sxy / sxx;
  return { level: meanY - slope * meanT, trend: slope, seasonals: figure };
}
