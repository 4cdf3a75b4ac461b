import fc from "fast-check";
import { checkGridSize, gridPlan, maxLongSide, MAX_GRID_UNITS, splitTotal, targetGrid } from "../../../src/core/targets";
import { FIT_TOLERANCE, fitGrid } from "../../../src/core/targets/grid-fit";
import { roundGrid } from "../../../src/core/targets/grid-round";
import { gridSupport } from "../../../src/core/targets/grid-support";
import { thrown } from "../../support/core-error";

/** A row-major plan as rows, for readable expectations. */
const rowsOf = (values: ArrayLike<number>, columns: number): number[][] =>
  Array.from({ length: values.length / columns }, (_, i) => Array.from(values).slice(i * columns, (i + 1) * columns));
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const rowSums = (plan: ArrayLike<number>, columns: number) => rowsOf(plan, columns).map(sum);
const columnSums = (plan: ArrayLike<number>, columns: number) => rowsOf(plan, columns).reduce((acc, r) => acc.map((a, j) => a + (r[j] as number)), new Array<number>(columns).fill(0));

describe("targetGrid: plans that add up both ways", () => {
  // The course's 100,000,000 over four channels {50, 30, 15, 5}% (Tmall, JD, Douyin, Xiaohongshu) and four
  // quarters by a seasonal profile of {20, 30, 15, 35}% (Q2 carries 618, Q4 Double 11).
  const channels = Array.from(splitTotal(100_000_000, [50, 30, 15, 5]));
  const quarters = Array.from(splitTotal(100_000_000, [20, 30, 15, 35]));

  it("plans the course's 100M by channel × quarter as row total × column share when every cell is a multiple of the unit", () => {
    expect(channels).toEqual([50_000_000, 30_000_000, 15_000_000, 5_000_000]);
    expect(quarters).toEqual([20_000_000, 30_000_000, 15_000_000, 35_000_000]);
    const plan = targetGrid(channels, quarters, undefined, 10_000);
    // The reference: channel total × quarter total ÷ 100M, which is what IPF of equal weights converges to.
    expect(rowsOf(plan, 4)).toEqual(channels.map((r) => quarters.map((c) => (r * c) / 100_000_000)));
    expect(rowSums(plan, 4)).toEqual(channels);
    expect(columnSums(plan, 4)).toEqual(quarters);
  });

  it("keeps both sums exact at a unit of 1,000,000, rounding up the larger remainders, ties to the earlier cell", () => {
    // In millions the exact plan is 10, 15, 7.5, 17.5 / 6, 9, 4.5, 10.5 / 3, 4.5, 2.25, 5.25 / 1, 1.5, 0.75, 1.75.
    // Xiaohongshu lacks 2 and has its largest remainders (.75) in Q3 and Q4; Q2 then still lacks one, which
    // only Douyin's .5 can give (its other remainders are .25); Tmall and JD share Q3 and Q4 at .5 each, and
    // of the two ways round that rectangle the one with the earliest cell (Tmall Q3) is taken.
    const plan = targetGrid(channels, quarters, undefined, 1_000_000);
    expect(rowsOf(plan, 4).map((r) => r.map((x) => x / 1_000_000))).toEqual([
      [10, 15, 8, 17],
      [6, 9, 4, 11],
      [3, 5, 2, 5],
      [1, 1, 1, 2],
    ]);
    expect(rowSums(plan, 4)).toEqual(channels);
    expect(columnSums(plan, 4)).toEqual(quarters);
  });

  it("holds both sums in a 7 × 12 plan where rounding each cell on its own breaks them", () => {
    // Seven reps' quotas and a seasonal month profile {6,5,8,8,9,10,7,7,8,9,11,12}% of 8,000,000, unit 10,000.
    const quotas = [1_830_000, 1_570_000, 1_260_000, 1_140_000, 960_000, 730_000, 510_000];
    const months = [6, 5, 8, 8, 9, 10, 7, 7, 8, 9, 11, 12].map((p) => p * 80_000);
    expect(sum(quotas)).toBe(8_000_000);
    expect(sum(months)).toBe(8_000_000);
    // Each cell rounded to 10,000 on its own (Excel's ROUND(x, -4)): the fifth rep gets 1,000,000 for a
    // quota of 960,000, and the plan adds up to 8,080,000.
    const independent = quotas.map((q) => months.map((m) => Math.round((q * m) / 8_000_000 / 10_000) * 10_000));
    expect(independent.map(sum)[4]).toBe(1_000_000);
    expect(sum(independent.map(sum))).toBe(8_080_000);
    expect(independent.map(sum)).not.toEqual(quotas);
    expect(months.map((_, j) => sum(independent.map((r) => r[j] as number)))).not.toEqual(months);

    const plan = targetGrid(quotas, months, undefined, 10_000);
    expect(rowSums(plan, 12)).toEqual(quotas);
    expect(columnSums(plan, 12)).toEqual(months);
    for (let k = 0; k < plan.length; k++) {
      const exact = (quotas[Math.floor(k / 12)]! * months[k % 12]!) / 8_000_000;
      expect(plan[k]! % 10_000).toBe(0);
      expect(Math.abs(plan[k]! - exact)).toBeLessThan(10_000);
    }
    // The fifth rep's year: 60k, 50k, 70k, 70k, 90k, 100k, 70k, 70k, 80k, 90k, 100k, 110k — the cells that
    // rounding on its own took up to 80k, 80k, 110k and 120k stay at their floors.
    expect(rowsOf(plan, 12)[4]).toEqual([60, 50, 70, 70, 90, 100, 70, 70, 80, 90, 100, 110].map((x) => x * 1000));
  });

  it("rounds up the larger remainders where the choice matters: {7,3;3,7} gives the diagonal, {3,7;7,3} the other", () => {
    // Both margins {1, 1}: the fitted plan is {0.7, 0.3; 0.3, 0.7}, and only two roundings keep the sums.
    expect(gridPlan([1, 1], [1, 1], [7, 3, 3, 7]).fitted.map((x) => Math.round(x * 1e12) / 1e12)).toEqual(new Float64Array([0.7, 0.3, 0.3, 0.7]));
    expect(Array.from(targetGrid([1, 1], [1, 1], [7, 3, 3, 7]))).toEqual([1, 0, 0, 1]);
    expect(Array.from(targetGrid([1, 1], [1, 1], [3, 7, 7, 3]))).toEqual([0, 1, 1, 0]);
    // Equal remainders: the earlier cell.
    expect(Array.from(targetGrid([1, 1], [1, 1]))).toEqual([1, 0, 0, 1]);
    expect(Array.from(targetGrid([1, 1, 1], [1, 1, 1]))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it("keeps a weight of 0 at 0: a new hire who sells nothing in the first quarter", () => {
    const weights = [1, 1, 1, 1, 0, 1, 1, 1];
    const plan = targetGrid([400, 300], [150, 200, 200, 150], weights);
    expect(plan[4]).toBe(0);
    expect(rowSums(plan, 4)).toEqual([400, 300]);
    expect(columnSums(plan, 4)).toEqual([150, 200, 200, 150]);
  });

  it("plans rows and columns whose totals are 0 (a rep without a quota, a closed month) as 0", () => {
    const plan = targetGrid([300, 0, 200], [250, 0, 250], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rowsOf(plan, 3)[1]).toEqual([0, 0, 0]);
    expect(rowsOf(plan, 3).map((r) => r[1])).toEqual([0, 0, 0]);
    expect(rowSums(plan, 3)).toEqual([300, 0, 200]);
    expect(columnSums(plan, 3)).toEqual([250, 0, 250]);
    expect(Array.from(targetGrid([0, 0], [0]))).toEqual([0, 0]);
    expect(Array.from(targetGrid([0], [0], [0]))).toEqual([0]);
  });

  it("gives 0 to a weight that no plan meeting both margins can honour, and fits the rest", () => {
    // The second rep sells only in the first month, which then has nothing left for the first rep.
    const plan = gridPlan([1, 1], [1, 1], [1, 1, 1, 0]);
    expect(Array.from(plan.amounts)).toEqual([0, 1, 1, 0]);
    expect(Array.from(plan.fitted)).toEqual([0, 1, 1, 0]);
  });

  it("finishes by Newton's method where IPF alone would take thousands of rounds", () => {
    // A line sold only in two months that make up all but 0.1 of those months' totals.
    const columns = [...new Array<number>(7).fill(1200), 500.05, 500.05, 1200, 1199.9, 1200];
    const weights = [...columns.map((_, j) => (j === 7 || j === 8 ? 1 : 0)), ...new Array<number>(12).fill(1)];
    const plan = gridPlan([1000, 12_000], columns, weights, 0.01);
    expect(plan.newtonSteps).toBeGreaterThan(0);
    expect(rowSums(plan.amounts, 12).map((x) => Math.round(x * 100))).toEqual([100_000, 1_200_000]);
    expect(columnSums(plan.amounts, 12).map((x) => Math.round(x * 100))).toEqual(columns.map((x) => Math.round(x * 100)));
    // IPF on its own has not converged after 1,000 rounds.
    expect(fitGrid(2, 12, [100_000, 1_200_000], columns.map((x) => Math.round(x * 100)), weights, undefined, { ipfRounds: 1000, newtonSteps: 0 }).converged).toBe(false);
  });

  it("gives the same plan whatever the weights are multiplied by, and the same plan every time", () => {
    const weights = [3.2, 2.6, 2.1, 1.5, 0.9, 1.7, 2.2, 2.8, 1.1, 0, 4.4, 0.5];
    const plan = Array.from(targetGrid([700, 500, 300], [400, 300, 500, 300], weights, 10));
    expect(Array.from(targetGrid([700, 500, 300], [400, 300, 500, 300], weights.map((w) => w * 1e6), 10))).toEqual(plan);
    expect(Array.from(targetGrid([700, 500, 300], [400, 300, 500, 300], weights.map((w) => w / 100), 10))).toEqual(plan);
    expect(Array.from(targetGrid([700, 500, 300], [400, 300, 500, 300], weights, 10))).toEqual(plan);
  });

  it("takes a row as wide as the long side: 1 × 12 and 12 × 1 plans are the totals themselves", () => {
    const months = [5, 4, 6, 7, 9, 8, 10, 11, 9, 8, 12, 11];
    expect(Array.from(targetGrid([100], months))).toEqual(months);
    expect(Array.from(targetGrid(months, [100]))).toEqual(months);
  });

  it("plans at a decimal unit to Excel's 15 digits", () => {
    const plan = targetGrid([100.05, 33.35], [66.7, 66.7], undefined, 0.01);
    expect(rowsOf(plan, 2)).toEqual([
      [50.03, 50.02],
      [16.67, 16.68],
    ]);
  });

  it("handles weights at the edges of a double without overflowing", () => {
    expect(Array.from(targetGrid([2, 2], [2, 2], [1e308, 1e308, 1e308, 1e308]))).toEqual([1, 1, 1, 1]);
    expect(Array.from(targetGrid([2, 2], [2, 2], [5e-324, 5e-324, 5e-324, 5e-324]))).toEqual([1, 1, 1, 1]);
    expect(rowSums(targetGrid([3, 3], [3, 3], [1e308, 5e-324, 5e-324, 1e308]), 2)).toEqual([3, 3]);
  });

  it("fits weights 10⁴⁰ and more apart within a row, where Newton's method stalls and IPF takes over again", () => {
    // Found by the adapter's property test: six rows of two columns, weights from 5e-324 to 1e308.
    const weights = [5e-324, 5e-324, 5e-324, 2.486114601235818e-279, 5e-324, 1e308, 5e-324, 7.939328826636892e-264, 5e-324, 1.6882565190255385e-266, 5e-324, 7e-323];
    const rows = [15_986, 93_021, 107_995, 125_689, 76_796, 74_240];
    const columns = [286_724, 207_003];
    const plan = gridPlan(rows, columns, weights);
    expect(plan.newtonSteps).toBeGreaterThan(0);
    expect(plan.rounds).toBeGreaterThan(30);
    expect(rowSums(plan.amounts, 2)).toEqual(rows);
    expect(columnSums(plan.amounts, 2)).toEqual(columns);
    // Without the further IPF rounds the same fit is refused.
    expect(fitGrid(6, 2, rows, columns, weights, undefined, { fallbackRounds: 0 }).converged).toBe(false);
  });

  it("plans totals of up to 2⁴⁰ units to the last unit", () => {
    const rows = [2 ** 39 + 1, 2 ** 39 - 1];
    const columns = [2 ** 40 / 4 + 3, 2 ** 40 / 4 - 3, 2 ** 40 / 2];
    const plan = targetGrid(rows, columns, [1, 2, 3, 4, 5, 6]);
    expect(rowSums(plan, 3)).toEqual(rows);
    expect(columnSums(plan, 3)).toEqual(columns);
  });

  describe("errors", () => {
    it("no totals", () => {
      expect(thrown(() => targetGrid([], [1])).details).toEqual({ arg: "row_totals" });
      expect(thrown(() => targetGrid([1], [])).details).toEqual({ arg: "column_totals" });
    });

    it("a negative total names its position", () => {
      const error = thrown(() => targetGrid([100, -50], [50]));
      expect(error.code).toBe("TOO_SMALL");
      expect(error.details).toEqual({ arg: "row_totals", index: 1, value: -50, min: 0 });
    });

    it("a total that is not a multiple of the unit names its position and the nearest multiples (TARGET.SPLIT's rule)", () => {
      const error = thrown(() => targetGrid([1_000_000, 1_000_000], [1_000_000, 995_000, 5_000], undefined, 10_000));
      expect(error.code).toBe("NOT_MULTIPLE_OF_UNIT");
      expect(error.details).toEqual({ arg: "column_totals", index: 1, value: 995_000, unit: 10_000, below: 990_000, above: 1_000_000 });
    });

    it("a unit of 0 or below", () => {
      expect(thrown(() => targetGrid([100], [100], undefined, 0)).details).toMatchObject({ arg: "unit", min: 0, exclusive: true });
    });

    it("margins whose grand totals differ, with both sums", () => {
      const error = thrown(() => targetGrid([600, 400], [500, 400]));
      expect(error.code).toBe("MARGINS_DIFFER");
      expect(error.details).toEqual({ arg: "row_totals", total: 1000, otherArg: "column_totals", otherTotal: 900 });
    });

    it("weights of the wrong shape", () => {
      const error = thrown(() => targetGrid([1, 1], [1, 1], [1, 1, 1]));
      expect(error.code).toBe("BAD_SHAPE");
      expect(error.details).toMatchObject({ arg: "weights", expectedRows: 2, expectedColumns: 2 });
    });

    it("a negative weight names its row and column; an infinite one too", () => {
      expect(thrown(() => targetGrid([1, 1], [1, 1], [1, 1, 1, -2])).details).toEqual({ arg: "weights", row: 2, column: 2, value: -2, min: 0 });
      expect(thrown(() => targetGrid([1, 1], [1, 1], [1, Infinity, 1, 1])).details).toMatchObject({ arg: "weights", row: 1, column: 2, value: Infinity });
    });

    it("weights all 0", () => {
      expect(thrown(() => targetGrid([1], [1], [0])).code).toBe("ALL_ZERO");
    });

    it("a row whose weights are 0 wherever a column has a total", () => {
      const error = thrown(() => targetGrid([500, 290], [400, 390], [1, 1, 0, 0]));
      expect(error.code).toBe("GRID_UNREACHABLE");
      expect(error.details).toEqual({ arg: "row_totals", side: "row", positions: "2", count: 1, total: 290, reachable: 0 });
    });

    it("a column that the rows with weights in it cannot fill", () => {
      // Only the first rep sells in March (column 3), and March needs more than their quota.
      const error = thrown(() => targetGrid([100, 500, 500], [300, 300, 500], [1, 1, 1, 1, 1, 0, 1, 1, 0]));
      expect(error.code).toBe("GRID_UNREACHABLE");
      expect(error.details).toEqual({ arg: "column_totals", side: "column", positions: "3", count: 1, total: 500, reachable: 100 });
    });

    it("several rows that together need more than the columns they have weights in", () => {
      // The first two reps sell only in the first month, which needs 500 of their 600.
      const error = thrown(() => targetGrid([300, 300, 100, 100, 100], [500, 200, 200], [1, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
      expect(error.code).toBe("GRID_UNREACHABLE");
      expect(error.details).toEqual({ arg: "row_totals", side: "row", positions: "1, 2", count: 2, total: 600, reachable: 500 });
    });

    it("a plan too large to compute quickly, with the most rows for its columns (or the other way round)", () => {
      expect(maxLongSide(12)).toBe(16_666);
      expect(maxLongSide(52)).toBe(477);
      expect(() => checkGridSize(16_666, 12)).not.toThrow();
      expect(thrown(() => checkGridSize(16_667, 12)).details).toEqual({ arg: "row_totals", rows: 16_667, columns: 12, maxRows: 16_666 });
      expect(thrown(() => checkGridSize(52, 500)).details).toEqual({ arg: "column_totals", rows: 52, columns: 500, maxColumns: 477 });
      expect(thrown(() => targetGrid(new Array<number>(3000).fill(0), new Array<number>(3000).fill(0))).code).toBe("GRID_TOO_LARGE");
    });

    it("totals of more than 2⁴⁰ units", () => {
      const error = thrown(() => targetGrid([2 ** 40, 1], [2 ** 40 + 1]));
      expect(error.code).toBe("GRID_TOTAL_TOO_LARGE");
      expect(error.details).toEqual({ arg: "row_totals", total: 1_099_511_627_777, unit: 1, max: MAX_GRID_UNITS });
      expect(thrown(() => targetGrid([2e10], [2e10], undefined, 0.01)).details).toMatchObject({ total: 2e10, unit: 0.01, max: 10_995_116_277.76 });
    });

    it("a fit that has not converged is refused, never rounded", () => {
      const columns = [...new Array<number>(7).fill(1200), 500.05, 500.05, 1200, 1199.9, 1200];
      const weights = [...columns.map((_, j) => (j === 7 || j === 8 ? 1 : 0)), ...new Array<number>(12).fill(1)];
      const error = thrown(() => gridPlan([1000, 12_000], columns, weights, 0.01, undefined, { ipfRounds: 5, newtonSteps: 0 }));
      expect(error.code).toBe("GRID_NOT_CONVERGED");
      expect(error.details).toEqual({ arg: "weights" });
    });
  });
});

describe("the steps of TARGET.GRID", () => {
  it("support: every cell of rows and columns with totals, when every weight is above 0", () => {
    expect(gridSupport({ rows: 2, columns: 2, rowUnits: [1, 1], columnUnits: [1, 1], weights: [1, 1, 1, 1] })).toEqual({ feasible: true, allowed: undefined });
  });

  it("fit: stops within the stated tolerance of the grand total", () => {
    const fit = fitGrid(3, 4, [700, 500, 300], [400, 300, 500, 300], [3, 2, 2, 1, 1, 1, 2, 3, 1, 4, 4, 0.5]);
    expect(fit.converged).toBe(true);
    expect(fit.deviation).toBeLessThanOrEqual(FIT_TOLERANCE * 1500);
    const sums = rowSums(fit.values, 4);
    sums.forEach((s, i) => expect(s).toBeCloseTo([700, 500, 300][i]!, 9));
  });

  it("round: refuses a fitted plan that does not meet its margins", () => {
    expect(roundGrid(1, 2, [0.2, 0.3], [3], [1, 2])).toBeUndefined();
    expect(roundGrid(2, 2, [0.5, 0, 0, 0.5], [1, 1], [0, 2])).toBeUndefined();
    expect(roundGrid(1, 1, [0], [1], [1])).toBeUndefined();
  });
});

/** A feasible problem: margins from a whole-unit plan, weights above 0 where it has units and some elsewhere. */
const problem = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 8 }) })
  .chain(({ rows, columns }) =>
    fc.record({
      rows: fc.constant(rows),
      columns: fc.constant(columns),
      units: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1_000_000 })), { minLength: rows * columns, maxLength: rows * columns }),
      extra: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: rows * columns, maxLength: rows * columns }),
      shape: fc.array(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: rows * columns, maxLength: rows * columns }),
    }),
  )
  .map(({ rows, columns, units, extra, shape }) => {
    const rowUnits = Array.from({ length: rows }, (_, i) => sum(units.slice(i * columns, (i + 1) * columns)));
    const columnUnits = Array.from({ length: columns }, (_, j) => sum(units.filter((_, k) => k % columns === j)));
    const weights = units.map((u, k) => (u > 0 ? (shape[k] as number) : (extra[k] as number)));
    return { rows, columns, rowUnits, columnUnits, weights };
  });

describe("TARGET.GRID properties", () => {
  it("both margins exact at every unit, every cell a multiple of the unit within one unit of its fitted value, zero weights at 0", () => {
    fc.assert(
      fc.property(problem, fc.constantFrom(1, 10, 10_000, 0.01), ({ rows, columns, rowUnits, columnUnits, weights }, unit) => {
        const amount = (u: number) => Number((u * unit).toPrecision(15));
        const plan = gridPlan(rowUnits.map(amount), columnUnits.map(amount), weights, unit);
        const units = Array.from(plan.amounts, (a) => a / unit);
        for (const u of units) expect(Math.abs(u - Math.round(u))).toBeLessThan(1e-6);
        const whole = units.map(Math.round);
        expect(rowSums(whole, columns)).toEqual(rowUnits);
        expect(columnSums(whole, columns)).toEqual(columnUnits);
        whole.forEach((u, k) => {
          expect(Math.abs(u - (plan.fitted[k] as number))).toBeLessThan(1);
          if (weights[k] === 0) expect(u).toBe(0);
        });
        expect(rows * columns).toBe(plan.amounts.length);
      }),
    );
  });

  it("the same plan for weights multiplied by any factor, and on every call", () => {
    const integerWeights = problem.map((p) => ({ ...p, weights: p.weights.map((w) => Math.ceil(w)) }));
    fc.assert(
      fc.property(integerWeights, fc.oneof(fc.integer({ min: 2, max: 1000 }), fc.constantFrom(0.5, 2 ** -20, 2 ** 30, 0.01, 0.1, 100)), ({ rowUnits, columnUnits, weights }, factor) => {
        const plain = Array.from(targetGrid(rowUnits, columnUnits, weights));
        expect(Array.from(targetGrid(rowUnits, columnUnits, weights))).toEqual(plain);
        expect(Array.from(targetGrid(rowUnits, columnUnits, weights.map((w) => w * factor)))).toEqual(plain);
      }),
    );
  });

  it("the rounding is the nearest to the fitted plan: no rounding meeting both margins has a larger sum of remainders rounded up", () => {
    // Checked against every rounding of the cells with a remainder, on plans small enough to enumerate.
    fc.assert(
      fc.property(problem.filter((p) => p.rows * p.columns <= 16), ({ rows, columns, rowUnits, columnUnits, weights }) => {
        const plan = gridPlan(rowUnits, columnUnits, weights);
        const fitted = Array.from(plan.fitted);
        const floors = fitted.map((x) => Math.floor(x + 1e-9));
        const open = fitted.map((x, k) => k).filter((k) => fitted[k]! - floors[k]! > 1e-9 && fitted[k]! - floors[k]! < 1 - 1e-9);
        let best = -Infinity;
        for (let mask = 0; mask < 2 ** open.length; mask++) {
          const y = floors.slice();
          let gain = 0;
          open.forEach((k, b) => {
            if ((mask >> b) & 1) {
              y[k]! += 1;
              gain += fitted[k]! - floors[k]!;
            }
          });
          const meets = rowSums(y, columns).every((s, i) => s === rowUnits[i]) && columnSums(y, columns).every((s, j) => s === columnUnits[j]);
          if (meets) best = Math.max(best, gain);
        }
        const ours = sum(Array.from(plan.amounts).map((a, k) => (a > floors[k]! ? fitted[k]! - floors[k]! : 0)));
        expect(ours).toBeGreaterThanOrEqual(best - 1e-9);
        expect(rows).toBeGreaterThan(0);
      }),
    );
  });
});
