import { fail } from "../shared/errors";
import { SeasonalModel } from "./checks";
import { seasonalStartValues } from "./decompose";
import { FinalState, Recursion, recursionSse, runRecursion, Smoothing } from "./holt-winters";
import { minimiseInUnitBox } from "./optimise";

/** R's `optim.start`: where the search for omitted parameters starts. */
export const OPTIM_START: Smoothing = { alpha: 0.3, beta: 0.1, gamma: 0.1 };

/** Smoothing parameters as given: `undefined` = fit it. */
export interface GivenSmoothing {
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
}

export interface Fit {
  readonly recursion: Recursion;
  readonly smoothing: Smoothing;
  readonly state: FinalState;
}

type Key = keyof Smoothing;

/** R's start values for simple exponential smoothing (l = y₁, from t = 2), Holt (l = y₂, b = y₂ − y₁, from t = 3) or Holt-Winters. */
export function recursionFor(values: ArrayLike<number>, kind: "ses" | "holt" | SeasonalModel, period = 1): Recursion {
  if (kind === "ses") return { season: "none", trend: false, period: 1, start: 1, level0: values[0] as number, trend0: 0, seasonals0: [] };
  if (kind === "holt") {
    const y1 = values[0] as number;
    const y2 = values[1] as number;
    return { season: "none", trend: true, period: 1, start: 2, level0: y2, trend0: y2 - y1, seasonals0: [] };
  }
  const start = seasonalStartValues(values, period, kind);
  return { season: kind, trend: true, period, start: period, level0: start.level, trend0: start.trend, seasonals0: start.seasonals };
}

/**
 * Runs the recursion with the given parameters, fitting the omitted ones (those of `free` left
 * `undefined`) by minimising the one-step SSE over [0, 1] from {@link OPTIM_START}. `#NUM!` when the
 * recursion overflows with the parameters given.
 */
export function fitRecursion(values: ArrayLike<number>, recursion: Recursion, given: GivenSmoothing, used: readonly Key[]): Fit {
  const free = used.filter((key) => given[key] === undefined);
  const base: Smoothing = { alpha: given.alpha ?? OPTIM_START.alpha, beta: given.beta ?? OPTIM_START.beta, gamma: given.gamma ?? OPTIM_START.gamma };
  const withFree = (x: readonly number[]): Smoothing => {
    const p = { ...base };
    free.forEach((key, i) => (p[key] = x[i] as number));
    return p;
  };
  let smoothing = base;
  if (free.length > 0) {
    const scratch = new Float64Array(recursion.period);
    const slots = (["alpha", "beta", "gamma"] as const).map((key) => free.indexOf(key));
    const [ia, ib, ig] = slots as [number, number, number];
    const objective = (x: readonly number[]): number =>
      recursionSse(
        values,
        recursion,
        ia < 0 ? base.alpha : (x[ia] as number),
        ib < 0 ? base.beta : (x[ib] as number),
        ig < 0 ? base.gamma : (x[ig] as number),
        scratch,
      );
    const found = minimiseInUnitBox(objective, free.map((key) => OPTIM_START[key]));
    smoothing = withFree(found.x);
  }
  // Parameters a model does not use are reported as 0 (R: FALSE).
  for (const key of ["alpha", "beta", "gamma"] as const) if (!used.includes(key)) smoothing = { ...smoothing, [key]: 0 };
  const state = runRecursion(values, recursion, smoothing);
  const finite = Number.isFinite(state.sse) && Number.isFinite(state.level) && Number.isFinite(state.trend) && state.seasonals.every(Number.isFinite);
  if (!finite) throw fail("RESULT_OUT_OF_RANGE", { arg: "history" }, "num");
  return { recursion, smoothing, state };
}
