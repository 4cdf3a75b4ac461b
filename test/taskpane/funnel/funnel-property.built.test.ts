import fc from "fast-check";
import { validateFunnel } from "../../../src/taskpane/features/funnel/funnel-model";
import { funnelPlan } from "../../../src/taskpane/features/funnel/funnel-plan";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";
import "../../support/fast-check-seed";
import { draftWith, withRows } from "./fixture";

/**
 * The form never writes a sheet that would show an error or a negative figure: for generated drafts —
 * 2 to 12 stages, rates typed (plausible and extreme, 1/3 too) or counts, targets in deals, revenue or a
 * top count from tiny to huge, any raise and cost, the pyramid on or off — every draft the validator
 * accepts gives a sheet that, evaluated with the real SALES functions, holds no error and no negative
 * number. Drafts it refuses are fine: the page names the field.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

// Mostly valid text, with the edge cases and some the form refuses mixed in.
const rate = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 100 }).map(String), weight: 12 }, { arbitrary: fc.constantFrom("0.5", "99.9", "100%", "1/3", "0.0001", "40%", "0", "150"), weight: 1 });
const amount = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map(String), weight: 8 }, { arbitrary: fc.constantFrom("0.5", "1e12", "1.2万", "1e300", "0", "-3", "7"), weight: 1 });
const raise = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 100 }).map(String), weight: 8 }, { arbitrary: fc.constantFrom("", "0", "500", "-5", "12.5%"), weight: 1 });

const draft = fc
  .record({
    stages: fc.array(fc.record({ rate, count: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 5000 }), weight: 20 }, { arbitrary: fc.constant(0), weight: 1 }) }), { minLength: 2, maxLength: 12 }),
    counts: fc.boolean(),
    kind: fc.constantFrom("deals", "revenue", "top"),
    target: amount,
    dealSize: amount,
    levers: fc.array(raise, { minLength: 12, maxLength: 12 }),
    costs: fc.array(fc.oneof(fc.constant(""), amount), { minLength: 12, maxLength: 12 }),
    mix: fc.constantFrom(["10", "20", "70"], ["0", "0", "100"], ["33.3", "33.3", "33.4"], null),
    pyramid: fc.option(fc.record({ revenue: amount, order: amount, rate }), { nil: undefined }),
  })
  .map((d) => {
    const sortedCounts = d.stages.map((s) => s.count).sort((a, b) => b - a);
    let form = draftWith({
      rateSource: d.counts ? "counts" : "typed",
      targetKind: d.kind,
      deals: d.target,
      revenue: d.target,
      top: d.target,
      dealSize: d.dealSize,
      mixOn: d.mix === null ? "false" : "true",
      mixA: d.mix?.[0] ?? "",
      mixB: d.mix?.[1] ?? "",
      mixC: d.mix?.[2] ?? "",
      pyramidOn: d.pyramid === undefined ? "false" : "true",
      pyramidRevenue: d.pyramid?.revenue ?? "",
      pyramidOrder: d.pyramid?.order ?? "",
      pyramidRate: d.pyramid?.rate ?? "",
      ...Object.fromEntries(d.levers.map((x, k) => [`lever.${k}`, x])),
      ...Object.fromEntries(d.costs.map((x, k) => [`cost.${k}`, x])),
    });
    form = withRows(
      form,
      "stages",
      d.stages.map((s, i) => ({ name: `Stage ${i + 1}`, rate: s.rate, count: String(sortedCounts[i]) })),
    );
    return form;
  });

it("every accepted draft gives a sheet with no error and no negative number", () => {
  let accepted = 0;
  fc.assert(
    fc.property(draft, (form) => {
      const all = validateFunnel(form);
      if (!all.ok) return;
      accepted++;
      const sheet = loadPlan(funnelPlan(all.data, "en"));
      expect(sheet.problems()).toEqual([]);
    }),
    { numRuns: 200 },
  );
  // The generator must reach the sheet often enough to mean something.
  expect(accepted).toBeGreaterThan(50);
}, 120_000);
