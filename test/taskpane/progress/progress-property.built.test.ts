import fc from "fast-check";
import type { CellValue } from "../../../src/excel/gateway";
import { adjustLayout, adjustPlan } from "../../../src/taskpane/features/progress/adjust-plan";
import { validateActuals, validateAdjust, validatePlan, validateReview, type ProgressDraft } from "../../../src/taskpane/features/progress/progress-schema";
import { reviewLayout, reviewPlan } from "../../../src/taskpane/features/progress/review-plan";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";

/**
 * A form never writes a sheet that would show an error: for generated target ranges (12 months or one
 * column of quotas, with zeros, text amounts, words and blanks), units, months done, bases and thresholds,
 * whatever the validator accepts gives a review sheet with no error and no negative number but the
 * ahead/behind columns, for any actuals ≥ 0 typed into it — and then a new version, by any method and with
 * leavers, with no error and no negative number but the gap (negative when the team is past the target);
 * its new year targets add up to the year target whenever the gap covers what leavers hand over.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const target: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 0, max: 400 }).map((k) => k * 1000) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(0, "1.2万", "¥3,000", 0.5, 1, 25) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, "abc", -5, "30%") },
);

const draft = fc
  .record({
    people: fc.integer({ min: 1, max: 6 }),
    quotas: fc.boolean(),
    header: fc.boolean(),
    unit: fc.constantFrom("1", "1000", "10000", "0.5"),
    cells: fc.array(fc.array(target, { minLength: 12, maxLength: 12 }), { minLength: 6, maxLength: 6 }),
    actuals: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.constant(0), fc.integer({ min: 0, max: 9_000_000 }).map((x) => x / 100)), { minLength: 12, maxLength: 12 }), {
      minLength: 6,
      maxLength: 6,
    }),
    monthsDone: fc.integer({ min: 1, max: 12 }),
    basis: fc.constantFrom("plan", "days"),
    thresholds: fc.constantFrom(["100", "90"], ["110%", "95"], ["0", "0"], ["50", "80"]),
    method: fc.constantFrom("remaining", "recent", "even"),
    leaver: fc.option(fc.tuple(fc.nat(5), fc.array(fc.nat(5), { minLength: 1, maxLength: 3 })), { nil: undefined }),
  })
  .map((x) => {
    const names = Array.from({ length: x.people }, (_, i) => `P${i + 1}`);
    const width = x.quotas ? 1 : 12;
    const body = names.map((name, i) => [name, ...x.cells[i]!.slice(0, width)]);
    const values = x.header ? [["Name", ...Array.from({ length: width }, (_, k) => `M${k + 1}`)], ...body] : body;
    const address = `Targets!A1:${String.fromCharCode(65 + width)}${values.length}`;
    const leavers =
      x.leaver === undefined || x.leaver[0] >= x.people ? [] : [{ leaver: names[x.leaver[0]]!, takers: x.leaver[1].filter((k) => k < x.people).map((k) => names[k]).join("，") }];
    const d: ProgressDraft = {
      source: "range",
      planAddress: address,
      planData: { address, values },
      year: "2025",
      unit: x.unit,
      actuals: "typed",
      ordersAddress: "",
      ordersData: undefined,
      monthsDone: String(x.monthsDone),
      basis: x.basis,
      green: x.thresholds[0]!,
      amber: x.thresholds[1]!,
      display: "yuan",
      reviewSheet: "Progress review",
      method: x.method,
      version: "2",
      reason: "Review",
      who: "Li",
      date: "2025-07-01",
      leavers,
    };
    return { draft: d, values, actuals: x.actuals };
  });

describe("Progress: a draft the form accepts writes sheets without an error", () => {
  it("property (fixed seed): no error and no negative target in the review sheet or the new version", () => {
    let reviews = 0;
    let versions = 0;
    fc.assert(
      fc.property(draft, ({ draft: d, values, actuals }) => {
        const plan = validatePlan(d);
        const actualsStep = validateActuals(d);
        const review = validateReview(d);
        if (!plan.ok || !actualsStep.ok || !review.ok) return;
        const people = plan.data.plan.names;
        const sheetPlan = reviewPlan({ plan: plan.data.plan, year: 2025, monthsDone: actualsStep.data.monthsDone, ...review.data, actuals: { kind: "typed" } }, "en");
        const sheet = loadPlan(sheetPlan, { Targets: values as unknown[][] });
        const L = reviewLayout(people.length);
        people.forEach((_, i) => actuals[i]!.forEach((x, k) => sheet.set(`${String.fromCharCode(66 + k)}${L.actualsFirst + i}`, x)));
        const behind = Array.from({ length: people.length + 1 }, (_, i) => [`H${L.reviewFirst + i}`, `I${L.reviewFirst + i}`]).flat();
        expect(sheet.problems(behind)).toEqual([]);
        reviews++;

        const adjust = validateAdjust(d, people);
        if (!adjust.ok || actualsStep.data.monthsDone >= 12) return;
        const version = adjustPlan(
          { review: sheetPlan.name, names: people, version: 2, monthsDone: actualsStep.data.monthsDone, method: adjust.data.method, leavers: adjust.data.leavers, log: [], display: "yuan" },
          "en",
        );
        const both = loadPlan(version, { [sheetPlan.name]: sheet.hf.getSheetSerialized(sheet.hf.getSheetId(sheetPlan.name)!) as unknown[][], Targets: values as unknown[][] });
        expect(both.problems(["B9"])).toEqual([]);
        const A = adjustLayout(people.length, 0);
        if ((both.at("B9") as number) >= (both.at("B10") as number)) expect(both.at(`M${A.peopleTotal}`)).toBe("✓");
        versions++;
      }),
      { numRuns: 120 },
    );
    expect(reviews).toBeGreaterThan(20);
    expect(versions).toBeGreaterThan(10);
  });
});
