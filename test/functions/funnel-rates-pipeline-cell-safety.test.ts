import fc from "fast-check";
import * as funnel from "../../src/functions/funnel";
import { toExcelPrecision } from "../../src/core/shared/rounding";
import { checkShown } from "../support/cell-checks";

/**
 * Whatever Excel hands FUNNEL.RATES and PIPELINE.WEIGHTED, a cell only ever gets a finite number or an
 * Excel error value — thrown for the whole call, or in one cell (FUNNEL.RATES' #DIV/0! below a stage of 0,
 * PIPELINE.WEIGHTED's #N/A for an unknown stage) — never NaN, Infinity, undefined, an uncaught exception or
 * the "Unexpected problem" message that marks a bug.
 */

const number = fc.oneof(fc.double(), fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: -1000, max: 1_000_000 }));
const text = fc.constantFrom("", " ", "　", "40%", "1,234.5", "1.2万", "abc", "TRUE", "¥1,200", "谈判", "赢单", " 谈判 ", "ＷＯＮ", "won", "60", "60%");
const cell = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 2, arbitrary: text },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, { code: "#N/A" }) },
);
const range = (cells: fc.Arbitrary<unknown>, maxLength: number) =>
  fc.oneof(
    fc.array(cells, { minLength: 1, maxLength }).map((cs) => cs.map((c) => [c])),
    fc.array(cells, { minLength: 1, maxLength }).map((cs) => [cs]),
    fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 })).chain(([r, c]) => fc.array(fc.array(cells, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
  );

/** Counts that go down (so the rates are computed), of every size, with zeros at the bottom now and then. */
const fallingCounts = fc
  .array(fc.oneof(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.constant(0), fc.double({ min: 0, max: 1e-300, noNaN: true })), { minLength: 2, maxLength: 12 })
  .map((xs) => xs.sort((a, b) => b - a).map((x) => [x]));

/** A valid pipeline at the extremes of double precision, a stage now and then missing from the table. */
const validPipeline = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(
    fc.array(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), { minLength: n, maxLength: n }).map((xs) => xs.map((x) => [x])),
    fc.array(fc.constantFrom("谈判", "赢单", "other"), { minLength: n, maxLength: n }).map((xs) => xs.map((x) => [x])),
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]) => [["谈判", a], ["赢单", b]]),
  ),
);

describe("no NaN, Infinity or undefined ever reaches a cell", () => {
  it("FUNNEL.RATES: arbitrary input gives finite rates, #DIV/0! in a cell, or a CustomFunctions.Error", () => {
    fc.assert(fc.property(range(cell, 12), (counts) => checkShown(funnel.funnelRates, [counts], { thrown: ["#VALUE!"], inCells: ["#DIV/0!"] })), { numRuns: 600 });
  });

  it("FUNNEL.RATES: falling counts at the extremes of double precision give rates in [0, 1] or #DIV/0! in a cell", () => {
    fc.assert(
      fc.property(fallingCounts, (counts) => {
        checkShown(funnel.funnelRates, [counts], { thrown: [], inCells: ["#DIV/0!"], array: true });
        for (const [rate] of funnel.funnelRates(counts) as unknown[][]) {
          if (typeof rate === "number") expect(rate >= 0 && rate <= 1).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("PIPELINE.WEIGHTED: arbitrary input gives finite amounts, #N/A in a cell, or a CustomFunctions.Error", () => {
    fc.assert(
      fc.property(range(cell, 10), range(cell, 10), range(cell, 6), (amounts, stages, table) =>
        checkShown(funnel.pipelineWeighted, [amounts, stages, table], { thrown: ["#VALUE!"], inCells: ["#N/A"] }),
      ),
      { numRuns: 600 },
    );
  });

  it("PIPELINE.WEIGHTED: valid input at the extremes of double precision gives amounts in [0, amount] (to 15 digits) or #N/A in a cell", () => {
    fc.assert(
      fc.property(validPipeline, ([amounts, stages, table]) => {
        checkShown(funnel.pipelineWeighted, [amounts, stages, table], { thrown: [], inCells: ["#N/A"], array: true });
        const weighted = funnel.pipelineWeighted(amounts, stages, table) as unknown[][];
        weighted.forEach(([value], i) => {
          // Both at Excel's 15 digits: 5.168425676687256e-190 × 100% shows as 5.16842567668726e-190.
          if (typeof value === "number") expect(value >= 0 && value <= toExcelPrecision(amounts[i]![0] as number)).toBe(true);
        });
      }),
      { numRuns: 600 },
    );
  });
});
