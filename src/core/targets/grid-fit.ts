/**
 * The real-valued plan of TARGET.GRID: the iterative proportional fit (IPF, the RAS method of input–output
 * tables; Deming & Stephan 1940, Bacharach 1965) of the weights to both margins.
 *
 * The fitted plan is x_ij = w_ij · u_i · v_j, with one factor per row and per column chosen so that every
 * row adds up to its total and every column to its total. It is the plan with these margins closest to
 * the weights in the Kullback–Leibler sense, and the same plan whatever each row's or column's weights
 * are multiplied by (a rep's weights in percent or in amounts give the same plan). With all weights equal
 * it is row total_i × column total_j ÷ grand total.
 *
 * How it is found. With the row factors always set so that the rows add up (u_i = total_i / Σ_j w_ij v_j),
 * the column factors minimise the convex function G(b) = Σ_i total_i · ln Σ_j w_ij e^{b_j} − Σ_j total_j · b_j
 * (b = ln v), whose gradient is each column's sum minus its total.
 * 1. IPF rounds: every column scaled to its total, then every row ({@link IPF_ROUNDS} at most). Usually
 *    enough: IPF converges geometrically, and with equal weights after one round.
 * 2. When it is not — margins that only just fit the zero pattern (a product sold only in two months
 *    that make almost all of those months' totals) make IPF converge over thousands of rounds — Newton's
 *    method on G finishes the fit: the Hessian is diag(column sums) − Σ_i x_i x_iᵀ / total_i, one linear
 *    system the size of the shorter side per step, a step halved until G decreases (Armijo) or, near the
 *    solution where G's rounding noise hides the decrease, until the margins' gap shrinks;
 *    {@link NEWTON_STEPS} steps at most, typically a handful.
 *
 * Convergence: the fit stops when the columns' sums differ from their totals by at most
 * {@link FIT_TOLERANCE} of the grand total in all (the rows add up exactly): about 14 significant digits,
 * so a plan of 2⁴⁰ units is within 0.02 units of both margins, which the controlled rounding needs. Cells
 * that must be 0 in every plan meeting the margins are set to 0 before (grid-support.ts): the factors of a
 * fit towards such zeros would run off to infinity. A fit that does not converge is refused, never rounded.
 *
 * Sums are compensated (Neumaier), so that thousands of rows add up to the last digit.
 */

/** The fit stops when Σ_j |column sum_j − total_j| ≤ FIT_TOLERANCE × grand total (the rows add up exactly). */
export const FIT_TOLERANCE = 2 ** -46;

/** IPF rounds before Newton's method takes over. */
export const IPF_ROUNDS = 30;

/** The most Newton steps after the IPF rounds. */
export const NEWTON_STEPS = 60;

/**
 * The most cell updates of further IPF rounds when Newton's method stalls: far from the solution, with
 * weights 10⁶⁰ apart in one row, the Hessian is nearly singular and no Newton step improves, while IPF,
 * which moves each factor by its column's ratio of total to sum, still gets there (tens of rounds).
 */
export const FALLBACK_WORK = 2 ** 25;

/** Weights below this share of their row's largest count as this share. */
const WEIGHT_RANGE = 2 ** -200;

/** The smallest normal double, below which products lose precision. */
const NORMAL = 2 ** -1022;

/** Column factors divided by the power of two that brings the largest to (1/2, 1]: the plan does not change. */
function normalise(v: Float64Array): void {
  let largest = 0;
  for (let j = 0; j < v.length; j++) largest = Math.max(largest, v[j] as number);
  if (!(largest > 0 && largest < Infinity)) return;
  const scale = 2 ** -Math.max(-1000, Math.min(1000, Math.ceil(Math.log2(largest))));
  for (let j = 0; j < v.length; j++) v[j] = (v[j] as number) * scale;
}

export interface GridFit {
  /** The fitted plan in units, row-major; 0 wherever the weight is 0 or the cell cannot be above 0. */
  readonly values: Float64Array;
  /** IPF rounds made (a column and a row scaling each). */
  readonly rounds: number;
  /** Newton steps made after them. */
  readonly newtonSteps: number;
  /** Σ |column sum − total| at the end, in units (the rows add up to theirs). */
  readonly deviation: number;
  /** Whether the deviation is within the tolerance. */
  readonly converged: boolean;
}

/** Limits of the fit, for tests. */
export interface FitLimits {
  readonly ipfRounds?: number;
  readonly newtonSteps?: number;
  /** IPF rounds after Newton's method stalls; default {@link FALLBACK_WORK} ÷ cells. */
  readonly fallbackRounds?: number;
}

/**
 * The fit of `weights` (rows × columns, row-major, ≥ 0) to the row and column totals (in units, ≥ 0, with
 * one grand total), with amounts only where `allowed` is 1 (every cell when undefined) and the weight is
 * above 0. The caller has checked that a plan with these margins exists on that support.
 */
export function fitGrid(
  rows: number,
  columns: number,
  rowUnits: ArrayLike<number>,
  columnUnits: ArrayLike<number>,
  weights: ArrayLike<number>,
  allowed?: Uint8Array,
  limits: FitLimits = {},
): GridFit {
  // The work runs over the long side, the linear algebra over the short one.
  if (columns > rows) {
    const fit = fitGrid(columns, rows, columnUnits, rowUnits, transpose(weights, rows, columns), allowed && (transpose(allowed, rows, columns) as Uint8Array), limits);
    return { ...fit, values: transpose(fit.values, columns, rows) as Float64Array };
  }
  const problem = new FitProblem(rows, columns, rowUnits, columnUnits, weights, allowed);
  return problem.solve(limits.ipfRounds ?? IPF_ROUNDS, limits.newtonSteps ?? NEWTON_STEPS, limits.fallbackRounds ?? Math.floor(FALLBACK_WORK / Math.max(1, rows * columns)));
}

function transpose<T extends ArrayLike<number>>(values: T, rows: number, columns: number): Float64Array | Uint8Array {
  const out = values instanceof Uint8Array ? new Uint8Array(rows * columns) : new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) out[j * rows + i] = values[i * columns + j] as number;
  return out;
}

/** Neumaier's compensated addition of `value` into sums[j], compensations[j]. */
function addInto(sums: Float64Array, compensations: Float64Array, j: number, value: number): void {
  const sum = sums[j] as number;
  const next = sum + value;
  compensations[j] = (compensations[j] as number) + (Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum);
  sums[j] = next;
}

class FitProblem {
  /** Weights where a cell may hold an amount, each row scaled by a power of two to at most 1; else 0. */
  private readonly w: Float64Array;
  /** The plan for the current column factors, rows adding up to their totals. */
  private readonly x: Float64Array;
  /** Column factors. */
  private readonly v: Float64Array;
  private readonly columnSum: Float64Array;
  private readonly compensation: Float64Array;
  /** One row's products w_ij·v_j, and the logarithm of the scale they are taken at (see rowProducts). */
  private readonly products: Float64Array;
  private logScale = 0;
  private readonly grandTotal: number;

  constructor(
    private readonly m: number,
    private readonly n: number,
    private readonly rowUnits: ArrayLike<number>,
    private readonly columnUnits: ArrayLike<number>,
    weights: ArrayLike<number>,
    allowed: Uint8Array | undefined,
  ) {
    this.w = new Float64Array(m * n);
    this.x = new Float64Array(m * n);
    this.v = new Float64Array(n).fill(1);
    this.columnSum = new Float64Array(n);
    this.compensation = new Float64Array(n);
    this.products = new Float64Array(n);
    let grandTotal = 0;
    for (let i = 0; i < m; i++) grandTotal += rowUnits[i] as number;
    this.grandTotal = grandTotal;
    // Scaling a row by a power of two is exact and keeps every sum finite (the factor is clamped so that
    // it stays a finite double: 2¹⁰⁷⁴ is not). A weight below 2⁻²⁰⁰ (about 10⁻⁶⁰) of its row's largest
    // counts as that much: no plan is that lopsided, and it keeps the column factors within a double's
    // range, which a ratio of 10³⁰⁰ within one row would not.
    for (let i = 0; i < m; i++) {
      if (!((rowUnits[i] as number) > 0)) continue;
      let largest = 0;
      const usable = (j: number) => (columnUnits[j] as number) > 0 && (allowed === undefined || allowed[i * n + j] === 1);
      for (let j = 0; j < n; j++) if (usable(j)) largest = Math.max(largest, weights[i * n + j] as number);
      if (largest === 0) continue;
      const scale = 2 ** -Math.max(-1000, Math.min(1000, Math.ceil(Math.log2(largest))));
      const floor = largest * scale * WEIGHT_RANGE;
      for (let j = 0; j < n; j++) {
        const weight = weights[i * n + j] as number;
        if (weight > 0 && usable(j)) this.w[i * n + j] = Math.max(weight * scale, floor);
      }
    }
  }

  solve(ipfRounds: number, newtonSteps: number, fallbackRounds: number): GridFit {
    const tolerance = FIT_TOLERANCE * this.grandTotal;
    let deviation = this.plan(this.v, this.x);
    let rounds = 0;
    let ipfLimit = ipfRounds;
    let steps = 0;
    const start = new Float64Array(this.n);
    for (;;) {
      while (deviation > tolerance && rounds < ipfLimit) {
        rounds++;
        deviation = this.ipfRound();
      }
      start.set(this.v);
      const startDeviation = deviation;
      while (deviation > tolerance && steps < newtonSteps) {
        steps++;
        const next = this.newtonStep(deviation);
        if (next === undefined) break;
        deviation = next;
      }
      if (!(deviation > tolerance) || steps === 0 || ipfLimit >= ipfRounds + fallbackRounds) break;
      // Newton's method stalled or wandered far from the solution (weights 10⁴⁰ apart make G's Hessian
      // nearly singular there): back to where it started if that was closer, then more IPF rounds, and
      // Newton again from there while steps remain.
      if (deviation > startDeviation) {
        this.v.set(start);
        deviation = this.plan(this.v, this.x);
      }
      ipfLimit = Math.min(ipfRounds + fallbackRounds, ipfLimit + Math.max(IPF_ROUNDS, ipfLimit));
    }
    return { values: this.x, rounds, newtonSteps: steps, deviation, converged: deviation <= tolerance };
  }

  /** One IPF round: every column scaled to its total, then the rows (in plan); returns the deviation. */
  private ipfRound(): number {
    for (let j = 0; j < this.n; j++) {
      const sum = this.columnSum[j] as number;
      if (sum > 0) this.v[j] = (this.v[j] as number) * ((this.columnUnits[j] as number) / sum);
    }
    normalise(this.v);
    return this.plan(this.v, this.x);
  }

  /**
   * Σ_j w_ij·v_j of row i, with the products in this.products. When they leave the range of normal
   * doubles, the products are taken relative to the row's largest, e^{this.logScale} (in logarithms):
   * only their ratios count for the plan.
   */
  private rowProducts(i: number, v: Float64Array): number {
    this.logScale = 0;
    const { n, w, products } = this;
    let sum = 0;
    let compensation = 0;
    let largest = 0;
    for (let j = 0; j < n; j++) {
      const value = (w[i * n + j] as number) * (v[j] as number);
      products[j] = value;
      if (value > largest) largest = value;
      const next = sum + value;
      compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
      sum = next;
    }
    if (largest >= NORMAL && sum < Infinity) return sum + compensation;
    let top = -Infinity;
    for (let j = 0; j < n; j++) {
      const weight = w[i * n + j] as number;
      products[j] = weight > 0 && (v[j] as number) > 0 ? Math.log(weight) + Math.log(v[j] as number) : -Infinity;
      top = Math.max(top, products[j] as number);
    }
    sum = 0;
    for (let j = 0; j < n; j++) {
      products[j] = Math.exp((products[j] as number) - top);
      sum += products[j] as number;
    }
    this.logScale = top;
    return sum;
  }

  /**
   * The plan for column factors `v` into `x` (each row scaled to its total), its column sums into
   * this.columnSum; returns Σ_j |column sum_j − total_j| (Infinity when a column with a total gets nothing).
   */
  private plan(v: Float64Array, x: Float64Array): number {
    const { m, n, products } = this;
    this.columnSum.fill(0);
    this.compensation.fill(0);
    for (let i = 0; i < m; i++) {
      const total = this.rowUnits[i] as number;
      if (!(total > 0)) continue;
      const sum = this.rowProducts(i, v);
      // Dividing before multiplying keeps integer weights scaled by an integer factor bit for bit the
      // same plan in the first round (k·w / k·s is w / s, correctly rounded).
      for (let j = 0; j < n; j++) {
        const cell = total * ((products[j] as number) / sum);
        x[i * n + j] = cell;
        addInto(this.columnSum, this.compensation, j, cell);
      }
    }
    let deviation = 0;
    for (let j = 0; j < n; j++) {
      const sum = (this.columnSum[j] as number) + (this.compensation[j] as number);
      this.columnSum[j] = sum;
      if ((this.columnUnits[j] as number) > 0 && !(sum > 0)) return Infinity;
      deviation += Math.abs(sum - (this.columnUnits[j] as number));
    }
    return deviation;
  }

  /** G at column factors `v` (up to a constant): Σ_i total_i · ln Σ_j w_ij v_j − Σ_j total_j · ln v_j. */
  private objective(v: Float64Array): number {
    let value = 0;
    for (let i = 0; i < this.m; i++) {
      const total = this.rowUnits[i] as number;
      if (!(total > 0)) continue;
      value += total * (Math.log(this.rowProducts(i, v)) + this.logScale);
    }
    for (let j = 0; j < this.n; j++) {
      const total = this.columnUnits[j] as number;
      if (total > 0) value -= total * Math.log(v[j] as number);
    }
    return value;
  }

  /**
   * One damped Newton step on G from the current factors (whose plan and column sums are current). Returns
   * the new deviation, or undefined when no step along the Newton direction improves.
   */
  private newtonStep(deviation: number): number | undefined {
    const { m, n, x } = this;
    const gradient = new Float64Array(n);
    for (let j = 0; j < n; j++) gradient[j] = (this.columnUnits[j] as number) > 0 ? (this.columnSum[j] as number) - (this.columnUnits[j] as number) : 0;

    // Hessian: diag(column sums) − Σ_i x_i x_iᵀ / total_i, over the columns with totals above 0. Its rows
    // add up to 0 (the rows of the plan add up to their totals), so each diagonal entry is the sum of the
    // other entries of its row, negated: computed so, it does not lose the small differences that
    // "column sum − Σ x²/total" cancels away.
    const hessian = new Float64Array(n * n);
    for (let i = 0; i < m; i++) {
      const total = this.rowUnits[i] as number;
      if (!(total > 0)) continue;
      for (let j = 0; j < n; j++) {
        const a = (x[i * n + j] as number) / total;
        if (a === 0) continue;
        for (let l = j + 1; l < n; l++) hessian[j * n + l] = (hessian[j * n + l] as number) - a * (x[i * n + l] as number);
      }
    }
    for (let j = 0; j < n; j++) {
      for (let l = 0; l < j; l++) hessian[j * n + l] = hessian[l * n + j] as number;
      let diagonal = 0;
      for (let l = 0; l < n; l++) if (l !== j) diagonal -= hessian[j * n + l] as number;
      hessian[j * n + j] = diagonal;
    }
    // G does not change when every factor of a connected block of columns is multiplied alike: the
    // Hessian is singular along each block's vector of ones, which the gradient is orthogonal to. Adding
    // scale · 1_B 1_Bᵀ for each block makes it invertible without changing the step.
    const block = this.columnBlocks();
    let scale = 0;
    for (let j = 0; j < n; j++) scale = Math.max(scale, hessian[j * n + j] as number);
    for (let j = 0; j < n; j++) {
      if ((block[j] as number) === -1) {
        for (let l = 0; l < n; l++) hessian[j * n + l] = hessian[l * n + j] = 0;
        hessian[j * n + j] = 1;
        continue;
      }
      for (let l = 0; l < n; l++) if (block[l] === block[j]) hessian[j * n + l] = (hessian[j * n + l] as number) + scale;
    }
    const direction = solveSymmetric(hessian, gradient, n);
    if (direction === undefined) return undefined;
    let slope = 0;
    let largest = 0;
    for (let j = 0; j < n; j++) {
      const d = -(direction[j] as number);
      direction[j] = d;
      slope += (gradient[j] as number) * d;
      largest = Math.max(largest, Math.abs(d));
    }
    if (!(slope < 0)) return undefined;

    const before = this.objective(this.v);
    const trial = new Float64Array(n);
    const trialPlan = new Float64Array(m * n);
    // A step multiplies factors by at most e^30 at a time, so that no factor overflows.
    let step = Math.min(1, 30 / largest);
    for (let halving = 0; halving < 60; halving++, step /= 2) {
      for (let j = 0; j < n; j++) trial[j] = (this.v[j] as number) * Math.exp(step * (direction[j] as number));
      const after = this.objective(trial);
      const armijo = after <= before + 1e-4 * step * slope;
      const trialDeviation = this.plan(trial, trialPlan);
      if (armijo || trialDeviation < 0.5 * deviation) {
        normalise(trial);
        this.v.set(trial);
        this.x.set(trialPlan);
        return trialDeviation;
      }
    }
    this.plan(this.v, this.x);
    return undefined;
  }

  /** A block number per column (columns joined through rows that have weights in both); −1 for columns without a total. */
  private columnBlocks(): Int32Array {
    const { m, n, w } = this;
    const parent = Int32Array.from({ length: n }, (_, j) => j);
    const find = (j: number): number => {
      while (parent[j] !== j) {
        parent[j] = parent[parent[j] as number] as number;
        j = parent[j] as number;
      }
      return j;
    };
    for (let i = 0; i < m; i++) {
      let first = -1;
      for (let j = 0; j < n; j++) {
        if (!((w[i * n + j] as number) > 0)) continue;
        if (first === -1) first = find(j);
        else parent[find(j)] = first;
      }
    }
    const block = new Int32Array(n);
    for (let j = 0; j < n; j++) block[j] = (this.columnUnits[j] as number) > 0 ? find(j) : -1;
    return block;
  }
}

/** The solution of A·y = b for a symmetric positive definite n × n matrix A (Cholesky), or undefined. */
function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j] as number;
    for (let k = 0; k < j; k++) diagonal -= (l[j * n + k] as number) ** 2;
    if (!(diagonal > 0)) return undefined;
    const pivot = Math.sqrt(diagonal);
    l[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let value = a[i * n + j] as number;
      for (let k = 0; k < j; k++) value -= (l[i * n + k] as number) * (l[j * n + k] as number);
      l[i * n + j] = value / pivot;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let value = b[i] as number;
    for (let k = 0; k < i; k++) value -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = value / (l[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let value = y[i] as number;
    for (let k = i + 1; k < n; k++) value -= (l[k * n + i] as number) * (y[k] as number);
    y[i] = value / (l[i * n + i] as number);
  }
  return y;
}
