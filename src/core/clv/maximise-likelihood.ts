import { fail } from "../shared/errors";
import { BoxSearch, minimiseSmooth, NewtonOptions } from "../shared/minimise";

/**
 * The maximum-likelihood estimate of a model's positive parameters (BG/NBD, Gamma-Gamma), searched over
 * their logarithms: returns the parameters, `exp` of the log-parameters found.
 *
 * **Method.** The core's optimiser (src/core/shared/minimise.ts `minimiseSmooth`): Nelder–Mead over the
 * log-parameters in [−20, 20]ⁿ (a factor e^±20 ≈ 5·10^±8 around 1) from 0 (every parameter 1) to a simplex
 * of 1e-4, then Newton steps (gradient by five-point differences, Hessian by central differences,
 * h = 1e-3) until a step is below 1e-10 or the promised gain is below the rounding of the log-likelihood;
 * the full search with restarts runs only if Newton does not converge. A maximum is located to about
 * 1e-7 relative in each parameter: the log-likelihood is so flat there that nearer points differ from it
 * by less than its own rounding.
 *
 * **No maximum inside.** When the likelihood keeps rising towards a limit of a parameter (0 or infinity),
 * the point reached is an arbitrary one on the way. That is recognised after the search: at a maximum,
 * changing any parameter by a factor e (its log by ±1) lowers the log-likelihood visibly; when one
 * direction changes it by less than 1e-6 — or Newton's method found no positive-definite Hessian — the
 * parameter is reported (MODEL_NOT_FITTED, reason `limit`, naming it), rather than a fit that means
 * nothing.
 *
 * @param negativeLogLikelihood −ln L as a function of the log-parameters
 * @param names the parameters' names, in order (for the error)
 */
export function maximiseLikelihood(
  negativeLogLikelihood: (logParams: readonly number[]) => number,
  names: readonly string[],
  where: { readonly arg: string; readonly model: string },
): number[] {
  const found = minimiseSmooth(negativeLogLikelihood, new Array<number>(names.length).fill(0), LOG_BOX, NEWTON);
  const undetermined = undeterminedParameter(negativeLogLikelihood, found);
  if (undetermined >= 0) throw fail("MODEL_NOT_FITTED", { ...where, reason: "limit", parameter: names[undetermined] as string });
  return found.x.map(Math.exp);
}

const LOG_BOX: BoxSearch = { lower: -20, upper: 20, step: 1, tolerance: 1e-4 };
const NEWTON: NewtonOptions = { h: 1e-3, tolerance: 1e-10, maxSteps: 10 };
/** A change of the log-likelihood below this is no change (its rounding is ~1e-10 for a million customers). */
const FLAT = 1e-6;

/** The index of the flattest log-parameter when the likelihood is flat in some direction, else −1. */
function undeterminedParameter(objective: (theta: readonly number[]) => number, found: { x: readonly number[]; value: number; converged: boolean }): number {
  let worst = -1;
  let flattest = FLAT;
  found.x.forEach((theta, i) => {
    for (const step of [-1, 1]) {
      const moved = found.x.slice();
      moved[i] = theta + step;
      const rise = objective(moved) - found.value;
      if (!(rise >= flattest)) {
        flattest = rise;
        worst = i;
      }
    }
  });
  if (worst < 0 && !found.converged) return found.x.reduce((at, theta, i, all) => (Math.abs(theta) > Math.abs(all[at] as number) ? i : at), 0);
  return worst;
}
