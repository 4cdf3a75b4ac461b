import fc from "fast-check";
import { serialFromYmd } from "../../../src/core/shared/excel-date";
import { detectColumns } from "../../../src/taskpane/features/segment/columns";
import { EMPTY_DRAFT, validateSettings, type SegmentDraft } from "../../../src/taskpane/features/segment/segment-draft";
import { schemeSegments } from "../../../src/taskpane/features/segment/segment-model";
import { segmentPlan } from "../../../src/taskpane/features/segment/segment-plan";
import { readSource } from "../../../src/taskpane/features/segment/source-data";
import "../../support/fast-check-seed";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";

/**
 * A form never writes a sheet that would show an error: for generated order exports (dates as date cells or
 * text, amounts as numbers or ¥ text, 1 to 40 orders of up to 8 customers) and generated settings the validator
 * accepts — an analysis date typed (before the latest order too, which it refuses), windows of any length
 * (some leave customers with no order in them), every scoring method with bands and cut points typed, every
 * scheme, both label languages, both charts — the segments sheet evaluated with the real SALES functions holds
 * no error and no negative number in any cell, and its summary counts every customer once.
 */
let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const FIRST_DAY = serialFromYmd(2023, 1, 1)!;
const order = fc.record({
  customer: fc.constantFrom("A001", "A002", "A003", "B1", "B2", "会员7", "Zhang", "C9"),
  day: fc.integer({ min: 0, max: 730 }),
  asText: fc.boolean(),
  amount: fc.oneof(fc.integer({ min: 0, max: 9000 }), fc.double({ min: 0.01, max: 20000, noNaN: true }).map((x) => Math.round(x * 100) / 100)),
  amountAsText: fc.boolean(),
});
const cuts = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 9 }).map((xs) => xs.sort((a, b) => a - b).join(", ")),
  fc.constantFrom("30, 20", "", "a, b", "1，2，3"),
);
const settings = fc.record({
  analysis: fc.constantFrom("latest", "chosen"),
  analysisDate: fc.integer({ min: 600, max: 1100 }).map((day) => {
    const date = new Date(Date.UTC(2023, 0, 1 + day));
    return date.toISOString().slice(0, 10);
  }),
  window: fc.constantFrom("all", "year", "custom"),
  windowDays: fc.oneof(fc.integer({ min: 1, max: 800 }).map(String), fc.constantFrom("0", "x", "")),
  method: fc.constantFrom("seed", "quantile", "custom", "rfm-r"),
  bands: fc.oneof(fc.integer({ min: 2, max: 10 }).map(String), fc.constantFrom("1", "11")),
  cutsR: cuts,
  cutsF: cuts,
  cutsM: cuts,
  scheme: fc.constantFrom("course", "cn8", "rfm-r"),
  labels: fc.constantFrom("zh", "en"),
  chart: fc.constantFrom("bar", "pie"),
});

describe("Segment customers: every accepted draft", () => {
  it("writes a segments sheet with no error and no negative number, whose summary counts every customer", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 40 }), settings, (orders, fields) => {
        const rows = [
          ["客户", "下单日期", "金额"],
          ...orders.map((o) => {
            const serial = FIRST_DAY + o.day;
            const iso = new Date(Date.UTC(1899, 11, 30 + serial)).toISOString().slice(0, 10);
            return [o.customer, o.asText ? iso : serial, o.amountAsText ? `¥${o.amount}` : o.amount];
          }),
        ];
        const address = `'订单'!A1:C${rows.length}`;
        const detection = detectColumns(rows);
        const source = readSource(rows, address, detection.kind, detection.columns, detection.hasHeader);
        if (source.data.kind !== "orders") throw new Error("not read as orders");
        const draft: SegmentDraft = { ...EMPTY_DRAFT, ...fields };
        const checked = validateSettings(draft, source.data.latest);
        if (!checked.ok) return;
        accepted++;
        const data = checked.data;
        const datesAreNumbers = orders.every((o) => !o.asText);
        const { plan, layout } = segmentPlan(
          {
            kind: "orders",
            sourceAddress: address,
            ranges: source.ranges,
            orders: source.rows,
            customers: source.customers,
            analysis: data.analysisDate !== undefined ? { kind: "fixed", serial: data.analysisDate, chosen: true } : datesAreNumbers ? { kind: "latestFormula" } : { kind: "fixed", serial: Math.floor(source.data.latest), chosen: false },
            windowDays: data.windowDays,
            method: data.method,
            scheme: data.scheme,
            segments: schemeSegments({ name: data.scheme }, data.labels),
            labels: data.labels,
            clv: false,
            chart: data.chart,
          },
          "zh",
        );
        const sheet = loadPlan(plan, { 订单: rows });
        expect(sheet.problems()).toEqual([]);
        // The summary's total row, found by its label between the summary's first row and the table.
        const summary = sheet.range("A15", `B${layout.firstRow - 1}`);
        const totalRow = summary.find((row) => row[0] === "合计");
        expect(totalRow?.[1]).toBe(source.customers);
      }),
      { numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(20);
  }, 300_000);
});
