import { BoxSearch, Minimum, minimiseInBox } from "../shared/minimise";

export type { Minimum } from "../shared/minimise";

/**
 * Minimising a function of 1–3 parameters, each in [0, 1] (the smoothing parameters of a forecast), with
 * the core's box optimiser (src/core/shared/minimise.ts: Nelder–Mead with restarts and a coordinate
 * polish).
 *
 * Why these settings:
 * - Nelder–Mead needs no gradient: the SSE surface of Holt-Winters is cheap (one pass over the history) but
 *   often has its minimum *on* a bound (γ = 1 for AirPassengers), where finite-difference gradients are
 *   one-sided and a quasi-Newton method needs an active-set machinery (L-BFGS-B's Cauchy point).
 * - The polish also tries both ends exactly, so optima on a bound come out exactly 0 or 1.
 * - Like R's L-BFGS-B, the local search starts from α = 0.3, β = 0.1, γ = 0.1 (R's `optim.start`). A
 *   coarse grid (7 levels per parameter, denser near 0; 343 points for three) then looks for other basins:
 *   from the three lowest grid points that beat the local result, the local search runs again and the
 *   lowest result wins.
 *   (On generated seasonal series a local search alone ended above the best of a 21³ grid in about 1 case
 *   in 20; R's local L-BFGS-B can be caught the same way.)
 * On AirPassengers it reaches an SSE at least as low as R's L-BFGS-B from the same start
 * (test/core/forecast/fit.test.ts). A non-finite value of `f` (a multiplicative fit that blew up) counts as
 * +Infinity.
 */
export function minimiseInUnitBox(f: (x: readonly number[]) => number, start: readonly number[]): Minimum {
  return minimiseInBox(f, start, UNIT_BOX);
}

/** Grid levels per parameter are denser near 0, where smoothing parameters of sales series usually lie. */
const UNIT_BOX: BoxSearch = { lower: 0, upper: 1, step: 0.1, polish: 0.05, grid: [0, 0.05, 0.15, 0.3, 0.5, 0.75, 1], gridStarts: 3 };
