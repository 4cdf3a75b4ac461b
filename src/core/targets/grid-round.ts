/**
 * Controlled rounding of a fitted plan (TARGET.GRID): every cell rounded down or up to a whole number of
 * units so that every row and every column still adds up to its total exactly (Cox 1987, "A constructive
 * procedure for unbiased controlled rounding").
 *
 * 1. Each cell is split into its whole units and its remainder, compared on a fixed-point grid of 2⁻⁴⁴ of
 *    the largest cell (at most 2⁻²⁴ of a unit): remainders that agree that far are equal, so float noise
 *    never decides, and a cell within that grid of a whole number *is* that number.
 * 2. Every cell gets its whole units. What each row and each column still lacks is a whole number of
 *    units, and the remainders of the row (column) add up to it — so a choice of cells to round up, one
 *    unit each, that gives every row and column what it lacks exists (the remainders are such a choice
 *    in fractions; a flow network with whole capacities has a whole maximum flow as large).
 * 3. Among all such choices the one taken maximises the sum of the remainders of the cells rounded up:
 *    it is the rounding **nearest the fitted plan** — the least total absolute (and squared) difference
 *    from it. Among choices with equal sums, the one whose cells rounded up come earliest (the sum of
 *    their positions, row by row, is least) is taken: ties go to earlier rows, then earlier columns.
 *
 * The choice is a minimum-cost flow: source → row (what it lacks) → column (one unit per cell with a
 * remainder, cost −remainder, then +position) → sink (what the column lacks), solved by successive
 * shortest paths (Dijkstra with potentials; costs compared as (remainder, position) pairs, exactly).
 * Paths alternate between the two sides; they are searched over the shorter side only, each step through
 * the long side's best cell for it, kept in one indexed heap per pair of short-side lines. One augmenting
 * path per unit handed out: about rows × columns / 2 paths, each O(s²) for a short side of s lines
 * (12 months: 144 steps) plus heap updates for the few long-side lines it changes.
 */

/** The remainder grid: 2⁻⁴⁴ of the largest cell, never finer than 2⁻²⁴ of a unit. */
const GRID_BITS = 44;
const FINEST_GRID_BITS = 24;

/**
 * `fitted` (rows × columns, row-major, in units, ≥ 0) rounded to whole units, each cell down or up, with
 * every row adding up to `rowUnits` and every column to `columnUnits` (whole numbers with one grand total).
 * The fitted plan must meet both margins to within a small fraction of a unit in all; else `undefined`.
 */
export function roundGrid(rows: number, columns: number, fitted: ArrayLike<number>, rowUnits: ArrayLike<number>, columnUnits: ArrayLike<number>): Float64Array | undefined {
  const m = rows;
  const n = columns;
  const out = new Float64Array(m * n);
  let largest = 0;
  for (let k = 0; k < m * n; k++) largest = Math.max(largest, fitted[k] as number);
  if (largest === 0) {
    for (let i = 0; i < m; i++) if ((rowUnits[i] as number) !== 0) return undefined;
    return out;
  }

  // Fixed point: a cell is `fixed` steps of 2⁻ᵇⁱᵗˢ units; `steps` of them make a unit.
  const bits = Math.min(FINEST_GRID_BITS, GRID_BITS - Math.max(0, Math.ceil(Math.log2(largest))));
  const steps = 2 ** bits;
  const remainder = new Float64Array(m * n);
  const rowLacks = new Float64Array(m);
  const columnLacks = new Float64Array(n);
  for (let i = 0; i < m; i++) rowLacks[i] = rowUnits[i] as number;
  for (let j = 0; j < n; j++) columnLacks[j] = columnUnits[j] as number;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      const fixed = Math.round((fitted[k] as number) * steps);
      const whole = Math.floor(fixed / steps);
      out[k] = whole;
      remainder[k] = fixed - whole * steps;
      rowLacks[i] = (rowLacks[i] as number) - whole;
      columnLacks[j] = (columnLacks[j] as number) - whole;
    }
  }

  // Solve on the transposed plan when it has fewer columns than rows: the search runs over the shorter side.
  const transposed = n > m;
  const long = transposed ? n : m;
  const short = transposed ? m : n;
  const at = transposed ? (r: number, c: number) => c * n + r : (r: number, c: number) => r * n + c;
  const longLacks = transposed ? columnLacks : rowLacks;
  const shortLacks = transposed ? rowLacks : columnLacks;
  let lacking = 0;
  for (let r = 0; r < long; r++) {
    const need = longLacks[r] as number;
    let candidates = 0;
    for (let c = 0; c < short; c++) if ((remainder[at(r, c)] as number) > 0) candidates++;
    if (need < 0 || need > candidates) return undefined;
    lacking += need;
  }
  for (let c = 0; c < short; c++) if ((shortLacks[c] as number) < 0) return undefined;
  if (lacking === 0) return out;

  const rounded = new MinCostRounding(long, short, at, remainder, steps, longLacks, shortLacks);
  for (let unit = 0; unit < lacking; unit++) if (!rounded.augment()) return undefined;
  for (let r = 0; r < long; r++) {
    for (let c = 0; c < short; c++) {
      const k = at(r, c);
      if (rounded.up[r * short + c] === 1) out[k] = (out[k] as number) + 1;
    }
  }
  return out;
}

/** Whether cost (steps a, position a) of line a goes before (steps b, position b) of line b. */
function before(stepsA: number, positionA: number, a: number, stepsB: number, positionB: number, b: number): boolean {
  if (stepsA !== stepsB) return stepsA < stepsB;
  if (positionA !== positionB) return positionA < positionB;
  return a < b;
}

/**
 * Heaps of long-side lines, indexed so that a line's entry can be found and removed: heap h holds lines
 * with a cost (steps, position) given when they are put in, least first, ties to the lower line number.
 */
class IndexedHeaps {
  private readonly lines: Int32Array[];
  private readonly steps: Float64Array[];
  private readonly positions: Float64Array[];
  private readonly sizes: Int32Array;
  /** Where line r is in heap h, at h·longLines + r; −1 when absent. */
  private readonly slot: Int32Array;

  constructor(
    heaps: number,
    private readonly longLines: number,
  ) {
    this.lines = Array.from({ length: heaps }, () => new Int32Array(0));
    this.steps = Array.from({ length: heaps }, () => new Float64Array(0));
    this.positions = Array.from({ length: heaps }, () => new Float64Array(0));
    this.sizes = new Int32Array(heaps);
    this.slot = new Int32Array(heaps * longLines).fill(-1);
  }

  /** The line on top of heap h, or −1 when it is empty. */
  top(h: number): number {
    return this.sizes[h] === 0 ? -1 : ((this.lines[h] as Int32Array)[0] as number);
  }

  has(h: number, r: number): boolean {
    return (this.slot[h * this.longLines + r] as number) !== -1;
  }

  insert(h: number, r: number, steps: number, position: number): void {
    const size = this.sizes[h] as number;
    if (size === (this.lines[h] as Int32Array).length) {
      const capacity = Math.min(this.longLines, Math.max(4, 2 * size));
      const lines = new Int32Array(capacity);
      const stepKeys = new Float64Array(capacity);
      const positionKeys = new Float64Array(capacity);
      lines.set(this.lines[h] as Int32Array);
      stepKeys.set(this.steps[h] as Float64Array);
      positionKeys.set(this.positions[h] as Float64Array);
      this.lines[h] = lines;
      this.steps[h] = stepKeys;
      this.positions[h] = positionKeys;
    }
    this.sizes[h] = size + 1;
    this.siftUp(h, size, r, steps, position);
  }

  remove(h: number, r: number): void {
    const at = this.slot[h * this.longLines + r] as number;
    const last = (this.sizes[h] as number) - 1;
    this.slot[h * this.longLines + r] = -1;
    this.sizes[h] = last;
    if (at === last) return;
    const lines = this.lines[h] as Int32Array;
    const stepKeys = this.steps[h] as Float64Array;
    const positionKeys = this.positions[h] as Float64Array;
    const moved = lines[last] as number;
    const steps = stepKeys[last] as number;
    const position = positionKeys[last] as number;
    const parent = (at - 1) >> 1;
    if (at > 0 && before(steps, position, moved, stepKeys[parent] as number, positionKeys[parent] as number, lines[parent] as number)) this.siftUp(h, at, moved, steps, position);
    else this.siftDown(h, at, moved, steps, position);
  }

  private siftUp(h: number, at: number, r: number, steps: number, position: number): void {
    const lines = this.lines[h] as Int32Array;
    const stepKeys = this.steps[h] as Float64Array;
    const positionKeys = this.positions[h] as Float64Array;
    const base = h * this.longLines;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = lines[parent] as number;
      if (!before(steps, position, r, stepKeys[parent] as number, positionKeys[parent] as number, above)) break;
      lines[at] = above;
      stepKeys[at] = stepKeys[parent] as number;
      positionKeys[at] = positionKeys[parent] as number;
      this.slot[base + above] = at;
      at = parent;
    }
    lines[at] = r;
    stepKeys[at] = steps;
    positionKeys[at] = position;
    this.slot[base + r] = at;
  }

  private siftDown(h: number, at: number, r: number, steps: number, position: number): void {
    const lines = this.lines[h] as Int32Array;
    const stepKeys = this.steps[h] as Float64Array;
    const positionKeys = this.positions[h] as Float64Array;
    const size = this.sizes[h] as number;
    const base = h * this.longLines;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && before(stepKeys[right] as number, positionKeys[right] as number, lines[right] as number, stepKeys[child] as number, positionKeys[child] as number, lines[child] as number)) child = right;
      const below = lines[child] as number;
      if (!before(stepKeys[child] as number, positionKeys[child] as number, below, steps, position, r)) break;
      lines[at] = below;
      stepKeys[at] = stepKeys[child] as number;
      positionKeys[at] = positionKeys[child] as number;
      this.slot[base + below] = at;
      at = child;
    }
    lines[at] = r;
    stepKeys[at] = steps;
    positionKeys[at] = position;
    this.slot[base + r] = at;
  }
}

/**
 * Successive shortest paths for the rounding, on the compressed graph of the short side. A unit is
 * handed out along source → long line r → short line c₁ (r's cell c₁ rounded up) → long line r₂ → short
 * line c₂ (r₂'s cell c₁ given back, its cell c₂ rounded up) → … → a short line that lacks a unit → sink.
 *
 * Costs are pairs (grid steps, position), compared lexicographically and added exactly: rounding a cell
 * up costs (steps − remainder, position), giving it back the negative. Every path hands out one unit, so
 * the constant `steps` does not change which choice is cheapest; it keeps the costs of the first edges
 * non-negative, as Dijkstra's algorithm with potentials needs.
 */
class MinCostRounding {
  /** 1 where the cell of long line r, short line c (at r·short + c) is rounded up. */
  readonly up: Uint8Array;
  private readonly costSteps: Float64Array;
  private readonly costPosition: Float64Array;
  private readonly candidate: Uint8Array;
  private readonly heaps: IndexedHeaps;
  /** Potentials of the short lines and of the sink (index `short`). */
  private readonly potentialSteps: Float64Array;
  private readonly potentialPosition: Float64Array;
  private readonly distSteps: Float64Array;
  private readonly distPosition: Float64Array;
  private readonly done: Uint8Array;
  private readonly viaLine: Int32Array;
  private readonly viaShort: Int32Array;

  constructor(
    long: number,
    private readonly short: number,
    at: (r: number, c: number) => number,
    remainder: Float64Array,
    steps: number,
    private readonly longLacks: Float64Array,
    private readonly shortLacks: Float64Array,
  ) {
    const s = short;
    const cells = long * s;
    this.up = new Uint8Array(long * s);
    this.costSteps = new Float64Array(long * s);
    this.costPosition = new Float64Array(long * s);
    this.candidate = new Uint8Array(long * s);
    for (let r = 0; r < long; r++) {
      for (let c = 0; c < s; c++) {
        const k = at(r, c);
        const q = remainder[k] as number;
        if (q > 0) {
          this.candidate[r * s + c] = 1;
          this.costSteps[r * s + c] = steps - q;
          // Rewards (cells − position)²: earlier cells first, and of two ways round a rectangle of cells the
          // one with its earliest cell (a sum of positions alone ties there).
          this.costPosition[r * s + c] = -((cells - k) ** 2);
        }
      }
    }
    // Heaps 0…s²−1: pair (c₁, c₂), lines whose cell c₁ is up and c₂ a candidate still down, by the cost of
    // moving the unit from c₁ to c₂. Heaps s²…s²+s−1: short line c, lines that lack units and whose cell c
    // is a candidate still down, by the cost of rounding it up. Nothing is up yet.
    this.heaps = new IndexedHeaps(s * s + s, long);
    for (let r = 0; r < long; r++) {
      if (!((longLacks[r] as number) > 0)) continue;
      for (let c = 0; c < s; c++) if (this.candidate[r * s + c] === 1) this.heaps.insert(s * s + c, r, this.costSteps[r * s + c] as number, this.costPosition[r * s + c] as number);
    }
    this.potentialSteps = new Float64Array(s + 1);
    this.potentialPosition = new Float64Array(s + 1);
    this.distSteps = new Float64Array(s + 1);
    this.distPosition = new Float64Array(s + 1);
    this.done = new Uint8Array(s + 1);
    this.viaLine = new Int32Array(s + 1);
    this.viaShort = new Int32Array(s + 1);
  }

  private isDown(k: number): boolean {
    return this.candidate[k] === 1 && this.up[k] === 0;
  }

  /**
   * Puts long line r into exactly the heaps its state belongs to, after its cell on short line c changed
   * (or, with c = −1, after it stopped lacking units): only the heaps that involve c (or every source heap).
   */
  private refresh(r: number, c: number): void {
    const s = this.short;
    const base = r * s;
    const lacks = (this.longLacks[r] as number) > 0;
    if (c === -1) {
      for (let d = 0; d < s; d++) this.place(s * s + d, r, lacks && this.isDown(base + d), base + d, -1);
      return;
    }
    this.place(s * s + c, r, lacks && this.isDown(base + c), base + c, -1);
    const up = this.up[base + c] === 1;
    const down = this.isDown(base + c);
    for (let d = 0; d < s; d++) {
      if (d === c) continue;
      this.place(c * s + d, r, up && this.isDown(base + d), base + d, base + c);
      this.place(d * s + c, r, down && this.up[base + d] === 1, base + c, base + d);
    }
  }

  /** Heap h holds line r exactly when it `belongs`; its cost is that of cell `to`, less that of cell `from` (if any). */
  private place(h: number, r: number, belongs: boolean, to: number, from: number): void {
    const has = this.heaps.has(h, r);
    if (belongs && !has) {
      const steps = (this.costSteps[to] as number) - (from === -1 ? 0 : (this.costSteps[from] as number));
      const position = (this.costPosition[to] as number) - (from === -1 ? 0 : (this.costPosition[from] as number));
      this.heaps.insert(h, r, steps, position);
    } else if (!belongs && has) {
      this.heaps.remove(h, r);
    }
  }

  /** Hands out one unit along a cheapest path; false when no path is left. */
  augment(): boolean {
    const s = this.short;
    const sink = s;
    const { distSteps, distPosition, potentialSteps, potentialPosition, done, viaLine, viaShort, costSteps, costPosition } = this;
    distSteps.fill(Infinity);
    distPosition.fill(Infinity);
    done.fill(0);
    const relax = (v: number, steps: number, position: number, line: number, from: number) => {
      if (steps < (distSteps[v] as number) || (steps === distSteps[v] && position < (distPosition[v] as number))) {
        distSteps[v] = steps;
        distPosition[v] = position;
        viaLine[v] = line;
        viaShort[v] = from;
      }
    };
    // From the source: the cheapest line that lacks a unit, for each short line.
    for (let c = 0; c < s; c++) {
      const r = this.heaps.top(s * s + c);
      if (r === -1) continue;
      const k = r * s + c;
      relax(c, (costSteps[k] as number) - (potentialSteps[c] as number), (costPosition[k] as number) - (potentialPosition[c] as number), r, -1);
    }
    // Dijkstra over the short lines and the sink (dense: s is small).
    for (;;) {
      let u = -1;
      for (let v = 0; v <= s; v++) {
        if (done[v] === 1 || distSteps[v] === Infinity) continue;
        if (u === -1 || (distSteps[v] as number) < (distSteps[u] as number) || (distSteps[v] === distSteps[u] && (distPosition[v] as number) < (distPosition[u] as number))) u = v;
      }
      if (u === -1) return false;
      done[u] = 1;
      if (u === sink) break;
      const baseSteps = (distSteps[u] as number) + (potentialSteps[u] as number);
      const basePosition = (distPosition[u] as number) + (potentialPosition[u] as number);
      if ((this.shortLacks[u] as number) > 0 && done[sink] === 0) {
        relax(sink, baseSteps - (potentialSteps[sink] as number), basePosition - (potentialPosition[sink] as number), -1, u);
      }
      for (let c = 0; c < s; c++) {
        if (c === u || done[c] === 1) continue;
        const r = this.heaps.top(u * s + c);
        if (r === -1) continue;
        const stepCost = (costSteps[r * s + c] as number) - (costSteps[r * s + u] as number);
        const positionCost = (costPosition[r * s + c] as number) - (costPosition[r * s + u] as number);
        relax(c, baseSteps + stepCost - (potentialSteps[c] as number), basePosition + positionCost - (potentialPosition[c] as number), r, u);
      }
    }
    // Potentials: every node moves by its distance, capped at the sink's (nodes beyond it are not final).
    const sinkSteps = distSteps[sink] as number;
    const sinkPosition = distPosition[sink] as number;
    for (let v = 0; v <= s; v++) {
      const beyond = done[v] === 0 || (distSteps[v] as number) > sinkSteps || (distSteps[v] === sinkSteps && (distPosition[v] as number) > sinkPosition);
      potentialSteps[v] = (potentialSteps[v] as number) + (beyond ? sinkSteps : (distSteps[v] as number));
      potentialPosition[v] = (potentialPosition[v] as number) + (beyond ? sinkPosition : (distPosition[v] as number));
    }
    // Walk the path back from the sink, changing the cells and the heaps of the lines it passes through.
    let c = viaShort[sink] as number;
    this.shortLacks[c] = (this.shortLacks[c] as number) - 1;
    for (;;) {
      const r = viaLine[c] as number;
      const from = viaShort[c] as number;
      this.up[r * s + c] = 1;
      if (from === -1) {
        this.longLacks[r] = (this.longLacks[r] as number) - 1;
        this.refresh(r, c);
        if (this.longLacks[r] === 0) this.refresh(r, -1);
        break;
      }
      this.up[r * s + from] = 0;
      this.refresh(r, c);
      this.refresh(r, from);
      c = from;
    }
    return true;
  }
}
