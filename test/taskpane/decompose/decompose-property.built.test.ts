import fc from "fast-check";
import type { CellValue } from "../../../src/excel/gateway";
import { decomposePlan } from "../../../src/taskpane/features/decompose/decompose-plan";
import { validateDecompose, type DecomposeDraft } from "../../../src/taskpane/features/decompose/decompose-schema";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";

/**
 * A form never writes a sheet that would show an error: for generated Decompose drafts the validator
 * accepts — totals typed or picked (negative ones too), units, every level, weights of 0, salespeople of a
 * channel or within their regions, typed period weights, a product mix per channel, the rows × periods plan, and seasonal histories with blanks, words, zeros and negative values as read at submit — the
 * written sheet, evaluated with the real SALES functions beside the sheets it refers to, holds no error and
 * no negative amount in any cell.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const UNITS = ["1", "100", "10000", "1万", "0.01"];
const total = fc.oneof(
  fc.tuple(fc.integer({ min: -3, max: 1_000_000 }), fc.constantFrom(1, 100, 10_000)).map(([k, unit]) => String(k * unit)),
  fc.constantFrom("-120,000,000", "120000000", "1.2亿", "30%", "0", "1e16", "9e15", "0.05"),
);
const weight = fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.constantFrom("0", "50%", "1.2万", "-1"));
/** Mostly acceptable weights, for the many cells of typed period weights and per-channel mixes. */
const cellWeight = fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: 100 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom("0", "50%", "1.2万", "-1", "") });
const names = (prefix: string) => fc.integer({ min: 1, max: 5 }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`));
const weighted = (prefix: string) => names(prefix).chain((list) => fc.tuple(...list.map(() => weight)).map((ws) => list.map((name, i) => ({ name, weight: ws[i]! }))));
const person = fc.record({
  history: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }).map(String), fc.constantFrom("0", "1.2万")),
  potential: fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.constantFrom("0")),
  ramp: fc.constantFrom("100", "37.5", "0", "50%"),
});
const historyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 60, arbitrary: fc.integer({ min: 0, max: 500 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, "", "abc", -5, 0, "1.2万", true) },
);
/** A history block (years × 12 months) or one column of 12–30 months, on 'Sales history' from B2. */
const history = fc.oneof(
  fc.array(fc.array(historyCell, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 3 }),
  fc.array(historyCell, { minLength: 12, maxLength: 30 }).map((column) => column.map((cell) => [cell])),
);

const draft = fc
  .record({
    levels: fc.record({ time: fc.boolean(), channels: fc.boolean(), products: fc.boolean(), regions: fc.boolean(), salespeople: fc.boolean() }),
    source: fc.constantFrom("typed", "cell"),
    total,
    unit: fc.constantFrom(...UNITS),
    display: fc.constantFrom("yuan", "wan"),
    method: fc.constantFrom("equal", "days", "typed", "seasonal", "seasonal"),
    periodWeights: fc.array(cellWeight, { minLength: 12, maxLength: 12 }),
    mix: fc.option(fc.array(fc.array(cellWeight, { minLength: 5, maxLength: 5 }), { minLength: 5, maxLength: 5 }), { nil: undefined }),
    regionOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
    grid: fc.option(fc.constantFrom("salespeople", "channels", "regions"), { nil: undefined }),
    periods: fc.constantFrom("months", "months", "quarters"),
    history,
    channels: weighted("ch"),
    products: weighted("p"),
    regions: weighted("r"),
    parent: fc.constantFrom("total", "0", "1", "regions", "regions"),
    blend: fc.tuple(fc.constantFrom("60", "0", "100"), fc.constantFrom("40", "0"), fc.constantFrom("0", "20")),
    people: fc.array(person, { minLength: 1, maxLength: 5 }),
  })
  .map((x) => {
    const rows = x.history.length;
    const columns = x.history[0]!.length;
    const address = `'Sales history'!B2:${String.fromCharCode(65 + columns)}${rows + 1}`;
    const cellValue = Number(x.total.replace(/,/g, ""));
    const d: DecomposeDraft = {
      levels: x.levels,
      base: { period: "2026", source: x.source as "typed" | "cell", total: x.total, cell: "'SMART target'!B8", cellValue: Number.isFinite(cellValue) ? cellValue : x.total, unit: x.unit, display: x.display as "yuan" | "wan" },
      time: { periods: x.periods as "months", custom: "", method: x.method as "equal", history: address, historyData: { address, values: x.history }, weights: x.periodWeights },
      channels: x.channels,
      products: x.products,
      productMix: { perChannel: x.mix !== undefined, cells: x.mix ?? [] },
      // As the form holds them (decompose-draft.ts): the period plan only with Time and its rows' level, people by region only with Regions.
      grid: x.grid === undefined || !x.levels.time || !x.levels[x.grid as "salespeople"] ? undefined : { on: true, rows: x.grid as "salespeople" },
      regions: x.regions,
      salespeople: {
        parent: x.parent === "regions" && !x.levels.regions ? "total" : x.parent,
        blend: { history: x.blend[0], potential: x.blend[1], even: x.blend[2] },
        people: x.people.map((p, i) => ({ name: `s${i + 1}`, region: `r${(x.regionOf[i]! % x.regions.length) + 1}`, ...p })),
      },
    };
    return { draft: d, history: x.history, cellValue };
  });

describe("Decompose: a draft the form accepts writes a sheet without an error", () => {
  it("property (fixed seed): no error and no negative amount in any cell of the written sheet", () => {
    let written = 0;
    let seasonal = 0;
    const seen = { typed: 0, grid: 0, mix: 0, regions: 0 };
    fc.assert(
      fc.property(draft, ({ draft: d, history: values, cellValue }) => {
        const result = validateDecompose(d);
        if (!result.ok) return;
        const sheet = loadPlan(decomposePlan(result.data, "en"), {
          "SMART target": [[], [], [], [], [], [], [], ["Total", cellValue]],
          "Sales history": [["Year"], ...values.map((row) => [null, ...row])],
        });
        written++;
        if (result.data.time?.method === "seasonal") seasonal++;
        if (result.data.time?.method === "typed") seen.typed++;
        if (result.data.grid !== undefined) seen.grid++;
        if (result.data.productMix !== undefined) seen.mix++;
        if (result.data.salespeople?.parent === "regions") seen.regions++;
        expect(sheet.problems()).toEqual([]);
      }),
      { numRuns: 800 },
    );
    expect(written).toBeGreaterThan(30);
    expect(seasonal).toBeGreaterThan(5);
    // The upgrades are reached too: typed period weights, the rows × periods plan, a mix per channel, people by region.
    expect(Math.min(seen.typed, seen.grid, seen.mix, seen.regions)).toBeGreaterThanOrEqual(3);
  });
});
