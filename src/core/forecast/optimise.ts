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
 * Every step only ever accepts a lower value than the start point, so the result is never worse than the
 * start (α = 0.3, β = 0.1, γ = 0.1, as R's `optim.start`). On AirPassengers it reaches an SSE at least as
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
  let best = start.map(clamp01);
  let bestValue = evaluate(best);

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
  return { x: best, value: bestValue, evaluations };
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
