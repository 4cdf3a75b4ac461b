import fc from "fast-check";
import type { RangeData } from "../../../src/excel/gateway";
import { growthHistory } from "../../../src/taskpane/components/history-range";
import { growthStats } from "../../../src/taskpane/features/smart/milestones";
import { smartPlan } from "../../../src/taskpane/features/smart/smart-plan";
import { validateSmart, type SmartDraft } from "../../../src/taskpane/features/smart/smart-schema";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";
import { VALID_DRAFT } from "./fixture";

/**
 * A form never writes a sheet that would show an error: for generated SMART drafts the validator accepts,
 * the written sheet, evaluated with the real SALES functions, holds no error and no negative number but
 * the growth cells (a target below its baseline is a decline, not an error). Drafts mix plausible and
 * extreme text (1e25, 1.2万, amounts with fen, a baseline of 0 or 1e-9, long spans at every cadence), and
 * half of them read a history range as the wizard does at submit.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

// Tiny amounts stop at 1e-9: the engine holds 1e-300 as NaN (Excel holds it); the form's refusal of a
// growth beyond a cell (1e300 over 1e-300) is a test of its own in smart-model.test.ts.
const amount = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
  fc.constantFrom("0", "1", "4000万", "1.2万", "0.01", "1234.56", "1e15", "1e25", "1e-9", "9e307", "¥1,200,000", "-5"),
);
const roundTo = fc.constantFrom("1", "0.01", "100", "10000", "1万", "1e10", "0");
const date = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10));
const history = fc.array(fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })), { minLength: 2, maxLength: 8 });

/** A multiple of a rounding unit, as typed: most targets the form sees are. */
const UNITS = [
  { text: "1", scale: 1, decimals: 0 },
  { text: "100", scale: 100, decimals: 0 },
  { text: "10000", scale: 10_000, decimals: 0 },
  { text: "1万", scale: 10_000, decimals: 0 },
  { text: "0.01", scale: 1, decimals: 2 },
  { text: "1e10", scale: 1e10, decimals: 0 },
];
const multiple = fc.tuple(fc.constantFrom(...UNITS), fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(1e15, 9e15))).map(([unit, k]) => ({
  roundTo: unit.text,
  target: unit.decimals === 0 ? String(k * unit.scale) : `${Math.floor(k / 100)}.${String(k % 100).padStart(2, "0")}`,
}));
const DAY = 86_400_000;

const draft: fc.Arbitrary<{ draft: SmartDraft; values: number[] | undefined }> = fc
  .record({
    amounts: fc.oneof(multiple, fc.record({ target: amount, roundTo })),
    baseline: amount,
    display: fc.constantFrom("yuan", "wan"),
    unit: fc.constantFrom("元", "万元", "orders", ""),
    start: date,
    days: fc.oneof(fc.integer({ min: 1, max: 800 }), fc.integer({ min: -5, max: 20_000 })),
    cadence: fc.constantFrom("weekly", "monthly", "quarterly"),
    floorRatio: fc.constantFrom("90", "50%", "100", "0", "1"),
    challengeRatio: fc.constantFrom("120", "100", "1000%", "99"),
    customers: fc.constantFrom("", "18–35 岁女性"),
    occasion: fc.constantFrom("", "=SUM(A1)"),
    values: fc.option(history, { nil: undefined }),
  })
  .map(({ values, amounts, days, ...fields }) => ({
    draft: {
      ...VALID_DRAFT,
      ...fields,
      ...amounts,
      end: new Date(Date.parse(fields.start) + days * DAY).toISOString().slice(0, 10),
      historyAddress: values === undefined ? "" : `History!A1:A${values.length + 1}`,
    },
    values,
  }));

describe("SMART: a draft the form accepts writes a sheet without an error", () => {
  it("property (fixed seed): no error and no negative target in any cell of the written sheet", () => {
    let written = 0;
    fc.assert(
      fc.property(draft, ({ draft: d, values }) => {
        const result = validateSmart(d);
        if (!result.ok) return;
        let info;
        const others: Record<string, unknown[][]> = {};
        if (values !== undefined) {
          const data: RangeData = { address: d.historyAddress, values: [["Sales"], ...values.map((v) => [v])] };
          const read = growthHistory(data);
          if (!read.ok) return; // refused at submit, with the cells named
          info = { address: read.address, stats: growthStats(read.values) };
          others.History = [["Sales"], ...values.map((v) => [v])];
        }
        const sheet = loadPlan(smartPlan(result.data, "zh", info), others);
        written++;
        expect(sheet.problems(["B13", "B14", "B15"])).toEqual([]);
        expect(typeof sheet.at("A2")).toBe("string");
        expect(String(sheet.at("A2"))).not.toMatch(/NaN|Infinity|undefined|#/);
      }),
      { numRuns: 150 },
    );
    expect(written).toBeGreaterThan(20); // the property saw sheets, not only refusals
  });
});
