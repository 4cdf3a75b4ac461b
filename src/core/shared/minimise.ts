/**
 * Minimising a smooth function of a few parameters, each in a box [lower, upper] (the same bounds for
 * every coordinate): the one optimiser of the core, shared by the forecast fit (smoothing parameters in
 * [0, 1], src/core/forecast/optimise.ts) and the customer-value fits (log-parameters, src/core/clv).
 *
 * **Method: Nelder–Mead in the box, restarted until it stops improving, then a coordinate polish.**
 * - Nelder–Mead (standard coefficients 1, 2, ½, ½) with every trial point projected onto the box. It needs
 *   no gradient, so it is indifferent to optima on a bound (where finite-difference gradients are
 *   one-sided and a quasi-Newton method needs an active-set machinery to stay correct).
 * - A simplex squeezed against a bound, or flattened in a long valley, can collapse and stop early; so it is
 *   rebuilt around the best point (steps pointing into the box) and run again while the value still drops.
 * - A cyclic polish minimises along each coordinate with golden-section search in a bracket of ± `polish`
 *   around the current value (to 1e-10) and also tries both bounds exactly, accepting only improvements:
 *   optima on a bound come out exactly on it.
 * - Optionally, a coarse grid (`grid` levels per coordinate) looks for other basins: from the
 *   `gridStarts` lowest grid points that beat the local result, the local search runs again and the lowest
 *   result wins.
 * Every step only ever accepts a lower value than the start point, so the result is never worse than the
 * start, nor than the local minimum reached from it. Deterministic: no random restarts. A non-finite value
 * of `f` counts as +Infinity (a region where the model is not defined).
 */

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  /** Evaluations of `f` used. */
  readonly evaluations: number;
}

/** Where and how {@link minimiseInBox} searches. */
export interface BoxSearch {
  /** Lower bound of every coordinate. */
  readonly lower: number;
  /** Upper bound of every coordinate. */
  readonly upper: number;
  /** Edge of the first simplex (restarts use half of it). */
  readonly step: number;
  /** Half-width of the bracket of each golden-section search of the coordinate polish; no polish when omitted. */
  readonly polish?: number;
  /** Nelder–Mead stops when the simplex is smaller than this in every coordinate (default 1e-10). */
  readonly tolerance?: number;
  /** Nelder–Mead runs per round at most: the first, then restarts while it improves (default 6). */
  readonly restarts?: number;
  /** Rounds of Nelder–Mead then polish at most, while they improve (default 8). */
  readonly rounds?: number;
  /** Grid levels per coordinate for the search of other basins; none when empty or omitted. */
  readonly grid?: readonly number[];
  /** How many of the lowest grid points seed a local search. */
  readonly gridStarts?: number;
}

export function minimiseInBox(f: (x: readonly number[]) => number, start: readonly number[], box: BoxSearch): Minimum {
  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const { lower, upper } = box;
  const clamp = (v: number): number => (v < lower ? lower : v > upper ? upper : v);
  const x0 = start.map(clamp);
  let best = localSearch(evaluate, x0, evaluate(x0), box, clamp);

  const levels = box.grid ?? [];
  if (levels.length > 0) {
    // A basin the local search from the start could not see (a lower minimum on another face of the box)
    // is searched too when one of its grid points is already lower.
    const grid = gridPoints(start.length, levels)
      .map((x) => ({ x, value: evaluate(x) }))
      .filter((p) => p.value < best.value)
      .sort((a, b) => a.value - b.value)
      .slice(0, box.gridStarts ?? 1);
    for (const p of grid) {
      if (!(p.value < best.value)) continue;
      const found = localSearch(evaluate, p.x, p.value, box, clamp);
      if (found.value < best.value) best = found;
    }
  }
  return { x: best.x, value: best.value, evaluations };
}

function gridPoints(dimensions: number, levels: readonly number[]): number[][] {
  let points: number[][] = [[]];
  for (let d = 0; d < dimensions; d++) {
    const next: number[][] = [];
    for (const p of points) for (const level of levels) next.push([...p, level]);
    points = next;
  }
  return points;
}

type Objective = (x: readonly number[]) => number;

/** Nelder–Mead rounds with restarts, then a coordinate polish, until the value stops dropping. */
function localSearch(evaluate: Objective, x0: number[], f0: number, box: BoxSearch, clamp: (v: number) => number): { x: number[]; value: number } {
  let best = x0;
  let bestValue = f0;
  for (let round = 0; round < (box.rounds ?? 8); round++) {
    const before = bestValue;
    for (let restart = 0; restart < (box.restarts ?? 6); restart++) {
      const found = nelderMead(evaluate, best, bestValue, restart === 0 ? box.step : box.step / 2, box, clamp);
      const improved = found.value < bestValue;
      if (improved) {
        best = found.x;
        bestValue = found.value;
      }
      if (!improved || bestValue > found.startValue - 1e-12 * Math.abs(found.startValue)) break;
    }
    if (box.polish !== undefined) {
      const polished = coordinatePolish(evaluate, best, bestValue, box, box.polish);
      best = polished.x;
      bestValue = polished.value;
    }
    if (!(bestValue < before - 1e-13 * Math.abs(before))) break;
  }
  return { x: best, value: bestValue };
}

interface Run {
  x: number[];
  value: number;
  startValue: number;
}

function nelderMead(f: Objective, x0: readonly number[], f0: number, step: number, box: BoxSearch, clamp: (v: number) => number): Run {
  const n = x0.length;
  const upper = box.upper;
  const tolerance = box.tolerance ?? 1e-10;
  const looseTolerance = box.tolerance === undefined ? 1e-7 : 1e3 * box.tolerance;
  const simplex: number[][] = [x0.slice()];
  const values: number[] = [f0];
  for (let i = 0; i < n; i++) {
    const x = x0.slice();
    const xi = x[i] as number;
    x[i] = xi + step <= upper ? xi + step : xi - step; // point into the box
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
    if (size < tolerance || (size < looseTolerance && fWorst - fBest <= 1e-15 * Math.abs(fBest))) break;

    const centroid = new Array<number>(n).fill(0);
    for (const i of order) {
      if (i === worstI) continue;
      for (let d = 0; d < n; d++) centroid[d] = (centroid[d] as number) + (simplex[i]![d] as number) / n;
    }
    const along = (t: number): number[] => centroid.map((c, d) => clamp(c + t * (c - (simplex[worstI]![d] as number))));
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

/** One or more sweeps of 1-D golden-section searches per coordinate, plus both bounds; accepts only improvements. */
function coordinatePolish(f: Objective, x0: number[], f0: number, box: BoxSearch, width: number): { x: number[]; value: number } {
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
      // A bracket around the current value first (a local refinement), then the bounds of the box.
      const current = x[d] as number;
      const candidates: number[] = [];
      const local = golden(g, Math.max(box.lower, current - width), Math.min(box.upper, current + width));
      candidates.push(local, box.lower, box.upper);
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

/** What {@link newtonPolish} may do. */
export interface NewtonOptions {
  /** Finite-difference step in each coordinate. */
  readonly h: number;
  /** Stop when a Newton step is shorter than this in every coordinate. */
  readonly tolerance: number;
  /** At most this many Newton steps. */
  readonly maxSteps: number;
}

/**
 * A few Newton steps from a point near a smooth interior minimum (after Nelder–Mead, whose convergence is
 * only linear): the gradient by the five-point central difference (error O(h⁴)), the Hessian by central
 * differences with step `h` (2n² + 2n evaluations per step), the step −H⁻¹g halved until it lowers `f`
 * (at most 20 times). The coordinates are not bounded. Stops when the step is below `tolerance` or
 * promises a decrease below the rounding of `f`, when the Hessian is not positive definite (not a
 * minimum's neighbourhood: the point is returned unchanged), or when no halving lowers `f`. Only improvements are accepted: the result is never worse than the start.
 */
export function newtonPolish(f: (x: readonly number[]) => number, x0: readonly number[], f0: number, options: NewtonOptions): Minimum & { converged: boolean } {
  const n = x0.length;
  const { h } = options;
  let evaluations = 0;
  const evaluate = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let x = x0.slice();
  let value = f0;
  let converged = false;
  for (let step = 0; step < options.maxSteps; step++) {
    const shifted = (moves: readonly [number, number][]): number => {
      const y = x.slice();
      for (const [d, by] of moves) y[d] = (y[d] as number) + by;
      return evaluate(y);
    };
    const gradient = new Array<number>(n);
    const hessian: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      const plus = shifted([[i, h]]);
      const minus = shifted([[i, -h]]);
      // Five-point stencil (error O(h⁴)): where the step stops is set by the gradient's accuracy alone.
      gradient[i] = (8 * (plus - minus) - (shifted([[i, 2 * h]]) - shifted([[i, -2 * h]]))) / (12 * h);
      hessian[i]![i] = (plus - 2 * value + minus) / (h * h);
      for (let j = 0; j < i; j++) {
        const mixed = (shifted([[i, h], [j, h]]) - shifted([[i, h], [j, -h]]) - shifted([[i, -h], [j, h]]) + shifted([[i, -h], [j, -h]])) / (4 * h * h);
        hessian[i]![j] = mixed;
        hessian[j]![i] = mixed;
      }
    }
    const direction = solvePositiveDefinite(hessian, gradient);
    if (direction === undefined || !direction.every(Number.isFinite)) break;
    // The decrease a full step promises, ½·gᵀH⁻¹g: below the rounding of f, the point is the minimum —
    // stop before the line search, which would try every halving in vain (the gradient there is mostly
    // rounding noise, so the step is too).
    let promised = 0;
    for (let d = 0; d < n; d++) promised += 0.5 * (gradient[d] as number) * (direction[d] as number);
    if (promised <= NEGLIGIBLE * Math.abs(value)) {
      converged = true;
      break;
    }
    let taken = 0;
    for (let halving = 0, scale = 1; halving < 20; halving++, scale /= 2) {
      const trial = x.map((v, d) => v - scale * (direction[d] as number));
      const trialValue = evaluate(trial);
      if (trialValue < value) {
        x = trial;
        value = trialValue;
        taken = scale;
        break;
      }
    }
    if (taken === 0) {
      converged = promised <= NEGLIGIBLE * Math.abs(value);
      break;
    }
    if (direction.every((d) => Math.abs(taken * d) < options.tolerance)) {
      converged = true;
      break;
    }
  }
  return { x, value, evaluations, converged };
}

/** A change of f this small, relative to f, is within its rounding: nothing left to gain. */
const NEGLIGIBLE = 1e-12;

/**
 * The minimum of a smooth function with an interior minimum (a log-likelihood in log-parameters): one
 * Nelder–Mead run from `start` to the box's tolerance, then {@link newtonPolish}; only when Newton does not
 * converge there (the simplex collapsed away from the minimum, or the Hessian is not positive definite)
 * the full search — Nelder–Mead with restarts — runs from the best point so far, and Newton again.
 */
export function minimiseSmooth(f: (x: readonly number[]) => number, start: readonly number[], box: BoxSearch, newton: NewtonOptions): Minimum & { converged: boolean } {
  const quick = minimiseInBox(f, start, { ...box, restarts: 1, rounds: 1 });
  const polished = newtonPolish(f, quick.x, quick.value, newton);
  if (polished.converged) return { ...polished, evaluations: quick.evaluations + polished.evaluations };
  const full = minimiseInBox(f, polished.x, box);
  const again = newtonPolish(f, full.x, full.value, newton);
  return { ...again, evaluations: quick.evaluations + polished.evaluations + full.evaluations + again.evaluations };
}

/** The solution of H·d = g by Cholesky, or `undefined` when H is not positive definite. */
function solvePositiveDefinite(hessian: readonly (readonly number[])[], g: readonly number[]): number[] | undefined {
  const n = g.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = hessian[i]![j] as number;
      for (let k = 0; k < j; k++) s -= (l[i]![k] as number) * (l[j]![k] as number);
      if (i === j) {
        if (!(s > 0)) return undefined;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / (l[j]![j] as number);
    }
  }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = g[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i]![k] as number) * (y[k] as number);
    y[i] = s / (l[i]![i] as number);
  }
  const d = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k]![i] as number) * (d[k] as number);
    d[i] = s / (l[i]![i] as number);
  }
  return d;
}
