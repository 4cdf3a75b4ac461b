/**
 * Which cells of a plan can hold an amount (TARGET.GRID): the zero pattern of the weights against the
 * two margins, decided by one maximum flow.
 *
 * The network: source → row i (capacity = its total, in units), row i → column j (unbounded, only where
 * the weight is above 0), column j → sink (capacity = its total). A plan with every row and column adding
 * up to its total, and amounts only where the weights are above 0, exists exactly when the maximum flow
 * uses every row's capacity (the supply–demand theorem of Gale, 1957). Then:
 *
 * - A cell can be above 0 in some such plan exactly when its row and its column lie in the same strongly
 *   connected component of the residual network (a flow-free cell can only gain flow around a cycle
 *   through it). Cells outside every component are 0 in *every* plan: a positive weight there cannot be
 *   honoured (a rep whose quota is already taken by the months only they can cover). Iterative
 *   proportional fitting converges only slowly towards such zeros (Bacharach 1965; Pukelsheim 2014), so
 *   they are set to 0 before the fit, which leaves the fitted plan the same and makes the fit converge
 *   geometrically.
 * - When no plan exists, the rows the source can still reach in the residual network form a set whose
 *   totals exceed the totals of every column they have a weight in (and the columns it cannot reach, a
 *   set of columns that the rows with weights in them cannot fill). The smaller of the two is reported.
 *
 * Cost: Dinic's algorithm, whose phases are bounded by the length of the longest augmenting path
 * (at most twice the shorter side of the plan), each linear in the number of cells.
 */

/** A plan's margins and weights: totals in whole units, weights row-major (rows × columns), each ≥ 0. */
export interface GridMargins {
  readonly rows: number;
  readonly columns: number;
  readonly rowUnits: ArrayLike<number>;
  readonly columnUnits: ArrayLike<number>;
  readonly weights: ArrayLike<number>;
}

/** Rows (or columns) whose totals cannot be met: `total` units, where only `reachable` units can go. */
export interface UnreachableTotals {
  readonly side: "row" | "column";
  /** 0-based positions, ascending. */
  readonly positions: readonly number[];
  readonly total: number;
  readonly reachable: number;
}

export type GridSupport =
  | { readonly feasible: true; /** 1 where a cell can be above 0, row-major; undefined: every cell of a row and a column with totals above 0 */ readonly allowed: Uint8Array | undefined }
  | ({ readonly feasible: false } & UnreachableTotals);

/** A flow network in adjacency lists; edge e and its reverse e ^ 1 are added together. */
class FlowNetwork {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly to: Int32Array;
  readonly capacity: Float64Array;
  private edges = 0;

  constructor(nodes: number, maxEdges: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.next = new Int32Array(2 * maxEdges);
    this.to = new Int32Array(2 * maxEdges);
    this.capacity = new Float64Array(2 * maxEdges);
  }

  /** Adds u → v with a capacity (and v → u with none); returns the edge. */
  add(u: number, v: number, capacity: number): number {
    const e = this.edges;
    this.to[e] = v;
    this.capacity[e] = capacity;
    this.next[e] = this.head[u] as number;
    this.head[u] = e;
    this.to[e + 1] = u;
    this.capacity[e + 1] = 0;
    this.next[e + 1] = this.head[v] as number;
    this.head[v] = e + 1;
    this.edges += 2;
    return e;
  }

  /** Nodes reachable from `from` along edges with capacity left. */
  reachable(from: number): Uint8Array {
    const seen = new Uint8Array(this.head.length);
    const queue = new Int32Array(this.head.length);
    let read = 0;
    let write = 0;
    queue[write++] = from;
    seen[from] = 1;
    while (read < write) {
      const u = queue[read++] as number;
      for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
        const v = this.to[e] as number;
        if (seen[v] === 0 && (this.capacity[e] as number) > 0) {
          seen[v] = 1;
          queue[write++] = v;
        }
      }
    }
    return seen;
  }

  /** Dinic's maximum flow from s to t (capacities are whole numbers or Infinity, so every step is exact). */
  maxFlow(s: number, t: number): number {
    const n = this.head.length;
    const level = new Int32Array(n);
    const cursor = new Int32Array(n);
    const queue = new Int32Array(n);
    const path = new Int32Array(n);
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let read = 0;
      let write = 0;
      queue[write++] = s;
      while (read < write) {
        const u = queue[read++] as number;
        for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
          const v = this.to[e] as number;
          if (level[v] === -1 && (this.capacity[e] as number) > 0) {
            level[v] = (level[u] as number) + 1;
            queue[write++] = v;
          }
        }
      }
      if (level[t] === -1) return total;
      cursor.set(this.head);
      // Augmenting paths of the level graph, one at a time; a dead end is skipped from its parent on.
      let depth = 0;
      let u = s;
      for (;;) {
        if (u === t) {
          let bottleneck = Infinity;
          for (let k = 0; k < depth; k++) bottleneck = Math.min(bottleneck, this.capacity[path[k] as number] as number);
          for (let k = 0; k < depth; k++) {
            const e = path[k] as number;
            this.capacity[e] = (this.capacity[e] as number) - bottleneck;
            this.capacity[e ^ 1] = (this.capacity[e ^ 1] as number) + bottleneck;
          }
          total += bottleneck;
          depth = 0;
          u = s;
          continue;
        }
        let e = cursor[u] as number;
        while (e !== -1 && !((this.capacity[e] as number) > 0 && level[this.to[e] as number] === (level[u] as number) + 1)) e = this.next[e] as number;
        cursor[u] = e;
        if (e === -1) {
          if (u === s) break;
          level[u] = -1;
          depth--;
          u = this.to[(path[depth] as number) ^ 1] as number;
          cursor[u] = this.next[cursor[u] as number] as number;
          continue;
        }
        path[depth++] = e;
        u = this.to[e] as number;
      }
    }
  }
}

/**
 * Strongly connected components of the nodes `first`…`last` along edges with capacity left (Tarjan's
 * algorithm, without recursion). Returns a component number per node (−1 outside the range).
 */
function components(network: FlowNetwork, first: number, last: number): Int32Array {
  const n = network.head.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let stackTop = 0;
  let counter = 0;
  let found = 0;
  const inRange = (v: number) => v >= first && v <= last;
  for (let root = first; root <= last; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = network.head[root] as number;
    index[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const u = callNode[depth] as number;
      const e = callEdge[depth] as number;
      if (e !== -1) {
        callEdge[depth] = network.next[e] as number;
        const v = network.to[e] as number;
        if (!inRange(v) || !((network.capacity[e] as number) > 0)) continue;
        if (index[v] === -1) {
          index[v] = low[v] = counter++;
          stack[stackTop++] = v;
          onStack[v] = 1;
          depth++;
          callNode[depth] = v;
          callEdge[depth] = network.head[v] as number;
        } else if (onStack[v] === 1) {
          low[u] = Math.min(low[u] as number, index[v] as number);
        }
        continue;
      }
      if (low[u] === index[u]) {
        let v: number;
        do {
          v = stack[--stackTop] as number;
          onStack[v] = 0;
          component[v] = found;
        } while (v !== u);
        found++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth] as number;
        low[parent] = Math.min(low[parent] as number, low[u] as number);
      }
    }
  }
  return component;
}

/**
 * The cells that can be above 0 in a plan meeting both margins with amounts only where the weights are
 * above 0, or the totals that cannot be met. The row and column totals must have the same sum.
 */
export function gridSupport(margins: GridMargins): GridSupport {
  const { rows: m, columns: n, rowUnits: R, columnUnits: C, weights: W } = margins;
  let everywhere = true;
  let cells = 0;
  for (let i = 0; i < m; i++) {
    if (!((R[i] as number) > 0)) continue;
    for (let j = 0; j < n; j++) {
      if (!((C[j] as number) > 0)) continue;
      if ((W[i * n + j] as number) > 0) cells++;
      else everywhere = false;
    }
  }
  // Every weight above 0 where both totals are: R_i·C_j/T is such a plan, positive in every cell.
  if (everywhere) return { feasible: true, allowed: undefined };

  const source = 0;
  const sink = m + n + 1;
  const network = new FlowNetwork(m + n + 2, m + n + cells);
  let supply = 0;
  for (let i = 0; i < m; i++) {
    if ((R[i] as number) > 0) {
      network.add(source, 1 + i, R[i] as number);
      supply += R[i] as number;
    }
  }
  for (let j = 0; j < n; j++) if ((C[j] as number) > 0) network.add(1 + m + j, sink, C[j] as number);
  const cellEdge = new Int32Array(m * n).fill(-1);
  for (let i = 0; i < m; i++) {
    if (!((R[i] as number) > 0)) continue;
    for (let j = 0; j < n; j++) {
      if ((C[j] as number) > 0 && (W[i * n + j] as number) > 0) cellEdge[i * n + j] = network.add(1 + i, 1 + m + j, Infinity);
    }
  }

  if (network.maxFlow(source, sink) < supply) return { feasible: false, ...unreachable(margins, network.reachable(source)) };

  const component = components(network, 1, m + n);
  const allowed = new Uint8Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if ((cellEdge[i * n + j] as number) !== -1 && component[1 + i] === component[1 + m + j]) allowed[i * n + j] = 1;
    }
  }
  return { feasible: true, allowed };
}

/**
 * The totals a maximum flow short of the supply cannot place. With S the nodes the source reaches in the
 * residual network: the rows in S have weights only in columns in S, and their totals exceed those
 * columns' totals; the columns outside S are reached only from rows outside S, whose totals fall short of
 * theirs. Rows and columns whose totals are 0 add nothing and are left out. The smaller set is reported.
 */
function unreachable(margins: GridMargins, reached: Uint8Array): UnreachableTotals {
  const { rows: m, columns: n, rowUnits: R, columnUnits: C, weights: W } = margins;
  const rowSet: number[] = [];
  const columnSet: number[] = [];
  for (let i = 0; i < m; i++) if (reached[1 + i] === 1 && (R[i] as number) > 0) rowSet.push(i);
  for (let j = 0; j < n; j++) if (reached[1 + m + j] === 0 && (C[j] as number) > 0) columnSet.push(j);

  if (rowSet.length <= columnSet.length) {
    const columnsUsed = new Uint8Array(n);
    let total = 0;
    for (const i of rowSet) {
      total += R[i] as number;
      for (let j = 0; j < n; j++) if ((W[i * n + j] as number) > 0) columnsUsed[j] = 1;
    }
    let reachable = 0;
    for (let j = 0; j < n; j++) if (columnsUsed[j] === 1) reachable += C[j] as number;
    return { side: "row", positions: rowSet, total, reachable };
  }
  const rowsUsed = new Uint8Array(m);
  let total = 0;
  for (const j of columnSet) {
    total += C[j] as number;
    for (let i = 0; i < m; i++) if ((W[i * n + j] as number) > 0) rowsUsed[i] = 1;
  }
  let reachable = 0;
  for (let i = 0; i < m; i++) if (rowsUsed[i] === 1) reachable += R[i] as number;
  return { side: "column", positions: columnSet, total, reachable };
}
