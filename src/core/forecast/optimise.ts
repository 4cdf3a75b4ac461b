/**
 * Minimising a function of 1–3 parameters, each in [0, 1] (the smoothing parameters of a forecast).
 *
 * **Method: Nelder–Mead on the box, restarted until it stops improving, then a coordinate polish.**
 * - Nelder–Mead (standard coefficients 1, 2, ½, ½) with every trial point projected onto [0, 1]ⁿ. It
 *   needs no gradient: the SSE surface of Holt-Winters is cheap (one pass over the history) but often has
 *   its minimum *on* a bound (γ = 1 for AirPassengers), where finite-difference gradients are one-sided
 *   and a quasi-Newton method needs an active-set machinery (L-BFGS-B's Cauchy point) to stay correct.
 * - A simplex squeezed against a bound can collapse and stop early; so it is rebuilt around the best
 *   point (steps pointing into the box) and run again while the SSE still drops.
 * - A final cyclic polish minimises along each coordinate with golden-section search on [0, 1] and
 *   also tries both ends exactly, accepting only improvements: optima on a bound come out exactly 0 or 1.
 * - Like R's L-BFGS-B, that local search starts from α = 0.3, β = 0.1, γ = 0.1 (R's `optim.start`). A
 *   coarse grid (7 levels per parameter, denser near 0; 343 points for three) then looks for other basins:
 *   from the three lowest grid points that beat the local result, the local search runs again and the
 *   lowest result wins.
 *   (On generated seasonal series a local search alone ended above the best of a 21³ grid in about 1 case
 *   in 20; R's local L-BFGS-B can be caught the same way.)
 * Every step only ever accepts a lower value than the start point, so the result is never worse than the
 * start, nor than the local minimum reached from it. On AirPassengers it reaches an SSE at least as
 * low as R's L-BFGS-B from the same start (test/core/forecast/fit.test.ts). Deterministic: no random
 * restarts. A non-finite value of `f` (a multiplicative fit that blew up) counts as +Infinity.
 */

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  /** Evaluations of `f` used. */
  readonly evaluations: number;
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

export function minimiseInUnitBox(f: (x: readonly number[]) => number, start: readonly number[]): Minimum {
  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const x0 = start.map(clamp01);
  let best = localSearch(evaluate, x0, evaluate(x0));

  // A coarse grid over the box: a basin the local search from the start could not see (a lower minimum
  // on another face of the box) is searched too when one of its grid points is already lower.
  const grid = gridPoints(start.length)
    .map((x) => ({ x, value: evaluate(x) }))
    .filter((p) => p.value < best.value)
    .sort((a, b) => a.value - b.value)
    .slice(0, GRID_STARTS);
  for (const p of grid) {
    if (!(p.value < best.value)) continue;
    const found = localSearch(evaluate, p.x, p.value);
    if (found.value < best.value) best = found;
  }
  return { x: best.x, value: best.value, evaluations };
}

/**
 * Grid levels per parameter, denser near 0 where smoothing parameters of sales series usually lie, and how
 * many of the lowest grid points seed a local search.
 */
const GRID_LEVELS = [0, 0.05, 0.15, 0.3, 0.5, 0.75, 1];
const GRID_STARTS = 3;

function gridPoints(dimensions: number): number[][] {
  let points: number[][] = [[]];
  for (let d = 0; d < dimensions; d++) {
    const next: number[][] = [];
    for (const p of points) for (const level of GRID_LEVELS) next.push([...p, level]);
    points = next;
  }
  return points;
}

/** Nelder–Mead rounds with restarts, then a coordinate polish, until the value stops dropping. */
function localSearch(evaluate: (x: readonly number[]) => number, x0: number[], f0: number): { x: number[]; value: number } {
  let best = x0;
  let bestValue = f0;
  for (let round = 0; round < 8; round++) {
    const before = bestValue;
    for (let restart = 0; restart < 6; restart++) {
      const found = nelderMead(evaluate, best, bestValue, restart === 0 ? 0.1 : 0.05);
      const improved = found.value < bestValue;
      if (improved) {
        best = found.x;
        bestValue = found.value;
      }
      if (!improved || bestValue > found.startValue - 1e-12 * Math.abs(found.startValue)) break;
    }
    const polished = coordinatePolish(evaluate, best, bestValue);
    best = polished.x;
    bestValue = polished.value;
    if (!(bestValue < before - 1e-13 * Math.abs(before))) break;
  }
  return { x: best, value: bestValue };
}

interface Run {
  x: number[];
  value: number;
  startValue: number;
}

function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], f0: number, step: number): Run {
  const n = x0.length;
  const simplex: number[][] = [x0.slice()];
  const values: number[] = [f0];
  for (let i = 0; i < n; i++) {
    const x = x0.slice();
    const xi = x[i] as number;
    x[i] = xi + step <= 1 ? xi + step : xi - step; // point into the box
    simplex.push(x);
    values.push(f(x));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  for (let iteration = 0; iteration < 400 * n; iteration++) {
    order.sort((a, b) => (values[a] as number) - (values[b] as number));
    const bestI = order[0] as number;
    const worstI = order[n] as number;
    const secondWorstI = order[n - 1] as number;
    const fBest = values[bestI] as number;
    const fWorst = values[worstI] as number;
    // Converged: the simplex is tiny and its values agree.
    let size = 0;
    for (const i of order) for (let d = 0; d < n; d++) size = Math.max(size, Math.abs((simplex[i]![d] as number) - (simplex[bestI]![d] as number)));
    if (size < 1e-10 || (size < 1e-7 && fWorst - fBest <= 1e-15 * Math.abs(fBest))) break;

    const centroid = new Array<number>(n).fill(0);
    for (const i of order) {
      if (i === worstI) continue;
      for (let d = 0; d < n; d++) centroid[d] = (centroid[d] as number) + (simplex[i]![d] as number) / n;
    }
    const along = (t: number): number[] => centroid.map((c, d) => clamp01(c + t * (c - (simplex[worstI]![d] as number))));
    const reflected = along(1);
    const fr = f(reflected);
    if (fr < fBest) {
      const expanded = along(2);
      const fe = f(expanded);
      if (fe < fr) replace(worstI, expanded, fe);
      else replace(worstI, reflected, fr);
    } else if (fr < (values[secondWorstI] as number)) {
      replace(worstI, reflected, fr);
    } else {
      const contracted = fr < fWorst ? along(0.5) : along(-0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, fWorst)) replace(worstI, contracted, fc);
      else {
        // Shrink towards the best vertex.
        for (const i of order) {
          if (i === bestI) continue;
          const x = simplex[i]!.map((v, d) => (simplex[bestI]![d] as number) + 0.5 * (v - (simplex[bestI]![d] as number)));
          replace(i, x, f(x));
        }
      }
    }
  }
  let bestI = 0;
  for (let i = 1; i <= n; i++) if ((values[i] as number) < (values[bestI] as number)) bestI = i;
  return { x: simplex[bestI] as number[], value: values[bestI] as number, startValue: f0 };

  function replace(i: number, x: number[], v: number): void {
    simplex[i] = x;
    values[i] = v;
  }
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** One or more sweeps of 1-D golden-section searches on [0, 1] per coordinate; accepts only improvements. */
function coordinatePolish(f: (x: readonly number[]) => number, x0: number[], f0: number): { x: number[]; value: number } {
  let x = x0.slice();
  let value = f0;
  for (let sweep = 0; sweep < 4; sweep++) {
    const before = value;
    for (let d = 0; d < x.length; d++) {
      const at = (t: number): number[] => {
        const y = x.slice();
        y[d] = t;
        return y;
      };
      const g = (t: number): number => f(at(t));
      // A bracket around the current value first (a local refinement), then the ends of the box.
      const current = x[d] as number;
      const candidates: number[] = [];
      const local = golden(g, Math.max(0, current - 0.05), Math.min(1, current + 0.05));
      candidates.push(local, 0, 1);
      for (const t of candidates) {
        const v = g(t);
        if (v < value) {
          value = v;
          x = at(t);
        }
      }
    }
    if (!(value < before)) break;
  }
  return { x, value };
}

/** The minimiser of a unimodal g on [a, b] to ~1e-10, by golden-section search. */
function golden(g: (t: number) => number, a: number, b: number): number {
  let lo = a;
  let hi = b;
  let c = hi - GOLDEN * (hi - lo);
  let d = lo + GOLDEN * (hi - lo);
  let gc = g(c);
  let gd = g(d);
  while (hi - lo > 1e-10) {
    if (gc < gd) {
      hi = d;
      d = c;
      gd = gc;
      c = hi - GOLDEN * (hi - lo);
      gc = g(c);
    } else {
      lo = c;
      c = d;
      gc = gd;
      d = lo + GOLDEN * (hi - lo);
      gd = g(d);
    }
  }
  return (lo + hi) / 2;
}
