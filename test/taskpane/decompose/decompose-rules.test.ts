import fc from "fast-check";
import { numberFromText } from "../../../src/core/shared/number-text";
import type { CellValue } from "../../../src/excel/gateway";
import { quotaAllocate, targetSeasonal, targetSplit } from "../../../src/functions/targets";
import { seasonalHistory } from "../../../src/taskpane/components/history-range";
import { validateWith } from "../../../src/taskpane/components/validation";
import { baseSchema, salespeopleSchema, weightedSchema } from "../../../src/taskpane/features/decompose/decompose-schema";
import { column } from "../../support/excel-call";

/**
 * One rule per question: the Decompose form refuses exactly what the formulas it writes would refuse
 * (#VALUE! in the sheet), because it calls the same core checks. Each property drives the form and the
 * SALES function with the same text. (A percentage is the one deliberate difference: a cell reads "30%"
 * as 0.3, while the form's amount fields refuse it — "30% is a percentage; enter an amount" — so the
 * inputs here hold none. And the form splits only a total above 0: TARGET.SPLIT splits a negative total
 * too, into negative parts, which a target never is.)
 */

const formAccepts = (total: string, unit: string) =>
  validateWith(baseSchema, { period: "", source: "typed", total, cell: "", cellValue: null, unit }).ok;

/** The total as a cell reads the text (the functions' own reader) is above 0. */
const positive = (total: string) => (numberFromText(total) ?? Number.NaN) > 0;

const splitAccepts = (total: string, unit: string) => {
  try {
    targetSplit(total as unknown as number, column(1, 1, 1), unit);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    return false;
  }
};

// An empty field is the form's own "required" (the sheet never sees it; an empty unit in a formula means 1).
const UNITS = ["1", "0.01", "0.05", "0.1", "0.5", "3", "100", "10000", "1万", "0.001", "1e-3", "7.5", "0", "-1", "abc"];

/** Totals near multiples of the units above, near the largest count of units, and as Chinese exports write them. */
const total = fc.oneof(
  fc.tuple(fc.integer({ min: -1_000_000, max: 10_000_000_000 }), fc.constantFrom("", ".0005", ".01", ".05", ".1", ".5", ".999", ".0000001", ".00000000001")).map(([whole, fraction]) => `${whole}${fraction}`),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9999 })).map(([whole, fraction]) => `${whole}.${String(fraction).padStart(4, "0")}万`),
  fc.constantFrom(
    "1,000,000.0005",
    "1000000.0005",
    "100.05",
    "0.3",
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
    "90071992547409.91",
    "90071992547409.92",
    "1e16",
    "1e15",
    "1e308",
    "1e400",
    "¥1,200,000",
    "1.2亿",
    "(1,200)",
    "１２０００",
    "abc",
    "",
  ),
);

describe("the Decompose form and TARGET.SPLIT agree on every total and unit", () => {
  it("1,000,000.0005 at a unit of 1: both refuse (Excel's 15 digits keep the .0005)", () => {
    expect(formAccepts("1,000,000.0005", "1")).toBe(false);
    expect(splitAccepts("1,000,000.0005", "1")).toBe(false);
    expect(formAccepts("1,000,000", "1")).toBe(true);
    expect(splitAccepts("1,000,000", "1")).toBe(true);
  });

  it("property (fixed seed): the form accepts ⇔ TARGET.SPLIT returns a split of a total above 0", () => {
    fc.assert(
      fc.property(total, fc.constantFrom(...UNITS), (t, u) => {
        expect(formAccepts(t, u)).toBe(splitAccepts(t, u) && positive(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("the Decompose form and the functions agree on weights and on salespeople", () => {
  const weight = fc.oneof(
    fc.constantFrom("0", "-0", "-1", "0.5", "30%", "1.2万", "¥300", "abc", "1e308", "1e400", "(5)"),
    fc.integer({ min: -3, max: 100 }).map(String),
  );

  it("property: a list of weights passes the form ⇔ TARGET.SPLIT splits by it", () => {
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 5 }), (weights) => {
        const rows = weights.map((w, i) => ({ name: `row ${i}`, weight: w }));
        const form = validateWith(weightedSchema, rows).ok;
        // The sheet writes the weights the form read (a weight field reads 30% as 30: proportions only).
        let split = true;
        try {
          targetSplit(100, column(...weights.map((w) => (w.endsWith("%") ? w.slice(0, -1) : w))), 1);
        } catch {
          split = false;
        }
        expect(form).toBe(split);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: salespeople pass the form ⇔ QUOTA.ALLOCATE allocates to them", () => {
    const percent = fc.constantFrom("0", "50", "100", "37.5", "-10", "150");
    const amount = fc.constantFrom("0", "1", "1.2万", "-5", "300000");
    fc.assert(
      fc.property(
        fc.tuple(percent, percent, percent),
        fc.array(fc.tuple(amount, amount, percent), { minLength: 1, maxLength: 4 }),
        ([history, potential, even], people) => {
          const draft = {
            parent: "total",
            blend: { history, potential, even },
            people: people.map(([h, p, ramp], i) => ({ name: `p${i}`, history: h, potential: p, ramp })),
          };
          const form = validateWith(salespeopleSchema, draft).ok;
          // The sheet holds the blend and ramps as fractions (the form's percent fields), the amounts as read.
          const fraction = (text: string) => Number(text) / 100;
          let allocated = true;
          try {
            quotaAllocate(
              1_000_000,
              column(...people.map(([h]) => h)),
              column(...people.map(([, p]) => p)),
              column(fraction(history), fraction(potential), fraction(even)),
              column(...people.map(([, , ramp]) => fraction(ramp))),
              1,
            );
          } catch {
            allocated = false;
          }
          expect(form).toBe(allocated);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("the Decompose form and TARGET.SEASONAL agree on a history range", () => {
  /** A cell of a history as Excel hands it over: mostly numbers, sometimes a blank, a word, a negative value, numeric text. */
  const cell = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 300 }) as fc.Arbitrary<CellValue> },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, "", "abc", -5, 0, "1.2万", "¥300", true) },
  );
  const periods = fc.constantFrom(4, 12);

  it("property: seasonalHistory accepts ⇔ TARGET.SEASONAL splits over it (blocks and single columns)", () => {
    fc.assert(
      fc.property(
        periods,
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        fc.array(cell, { minLength: 60, maxLength: 60 }),
        (count, block, seasons, pool) => {
          const values: CellValue[][] = block
            ? Array.from({ length: seasons }, (_, r) => pool.slice(r * count, (r + 1) * count))
            : pool.slice(0, seasons * count + 3).map((x) => [x]);
          const data = { address: `'Sales history'!B2:${block ? String.fromCharCode(65 + count) : "B"}${values.length + 1}`, values };
          const form = seasonalHistory(data, count).ok;
          let split = true;
          try {
            // As the sheet calls it: a single row or column with season_length = the periods (decompose-plan.ts).
            const list = values.length === 1 || !block;
            targetSeasonal(1_200_000, values as unknown[][], 1, list ? count : null);
          } catch (error) {
            expect(error).toBeInstanceOf(CustomFunctions.Error);
            split = false;
          }
          expect(form).toBe(split);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
