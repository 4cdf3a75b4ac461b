import fc from "fast-check";
import { MARKET_STRINGS } from "../../../src/i18n/market";
import { bcgPlan } from "../../../src/taskpane/features/market/bcg-plan";
import { bcgSchema, pestSchema, riskSchema, swotSchema, validate } from "../../../src/taskpane/features/market/market-schema";
import { pestPlan } from "../../../src/taskpane/features/market/pest-plan";
import { riskPlan } from "../../../src/taskpane/features/market/risk-plan";
import { swotPlan } from "../../../src/taskpane/features/market/swot-plan";
import { loadPlan } from "../../support/plan-engine";

/**
 * A form never writes a sheet that would show an error: for generated SWOT, PEST, BCG and risk drafts the
 * validators accept (weights as typed — 30, 30%, 0.5 —, ratings, shares and growth rates at their limits,
 * text that looks like a formula), the written sheet evaluated in the engine holds no error, and no negative
 * number but where the analysis means one (S − W and O − T, a market that shrinks).
 */

const weight = fc.oneof(fc.integer({ min: 1, max: 100 }).map(String), fc.constantFrom("30%", "0.5", "100", "0", "101"));
const rating = fc.constantFrom("1", "3", "5", "0", "6", "2.5");
const text = fc.constantFrom("品牌", "=HYPERLINK(\"x\")", "-降本", "@mention", "618");
/** Factors whose weights add up to 100 (mostly), typed as percent points or with a percent sign. */
const factors = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), text, rating, fc.boolean()), { minLength: 1, maxLength: 4 }).map((rows) => {
    const sum = rows.reduce((a, [w]) => a + w, 0);
    let left = 100;
    return rows.map(([w, factor, r, sign], i) => {
      const share = i === rows.length - 1 ? left : Math.floor((w / sum) * 100);
      left -= share;
      return { factor, weight: sign ? `${share}%` : String(share), rating: r };
    });
  }) },
  { weight: 1, arbitrary: fc.array(fc.record({ factor: text, weight, rating }), { minLength: 1, maxLength: 4 }) },
);

describe("Market analysis: a draft the form accepts writes a sheet without an error", () => {
  it("property (fixed seed): SWOT and PEST", () => {
    let written = 0;
    fc.assert(
      fc.property(factors, factors, factors, factors, fc.constantFrom("P", "E", "S", "T"), (s, w, o, t, dimension) => {
        const swot = validate(swotSchema, { strengths: s, weaknesses: w, opportunities: o, threats: t, strategies: { so: "", st: "=1", wo: "", wt: "" } });
        if (swot.ok) {
          written++;
          const plan = swotPlan(swot.data, "zh");
          // S − W and O − T may be negative: the rows under the assessment title.
          const row = plan.rows.findIndex((cells) => JSON.stringify(cells[0]) === JSON.stringify({ value: MARKET_STRINGS.zh.cellInternal })) + 1;
          expect(loadPlan(plan).problems([`B${row}`, `B${row + 1}`])).toEqual([]);
        }
        const pest = validate(pestSchema, { factors: s.map((f) => ({ ...f, dimension })) });
        if (pest.ok) {
          written++;
          expect(loadPlan(pestPlan(pest.data, "en")).problems()).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
    expect(written).toBeGreaterThan(10);
  });

  it("property (fixed seed): BCG and the risk matrix", () => {
    let written = 0;
    const growth = fc.constantFrom("10", "-100", "1000", "-5%", "0", "-101", "abc");
    const share = fc.constantFrom("1.5", "0", "150%", "1000", "-1");
    const scale = fc.constantFrom("1", "5", "3", "0", "6");
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: text, share, growth }), { minLength: 1, maxLength: 5 }),
        growth,
        share,
        fc.array(fc.record({ risk: text, probability: scale, impact: scale, response: text }), { minLength: 1, maxLength: 5 }),
        (products, growthThreshold, shareThreshold, risks) => {
          const bcg = validate(bcgSchema, { growthThreshold, shareThreshold, products });
          if (bcg.ok) {
            written++;
            const plan = bcgPlan(bcg.data, "zh");
            const last = plan.rows.length;
            // Growth (column C) and its threshold (B2) may be negative: a shrinking market.
            const growthCells = ["B2", ...Array.from({ length: last - 5 }, (_, i) => `C${i + 6}`)];
            expect(loadPlan(plan).problems(growthCells)).toEqual([]);
          }
          const risk = validate(riskSchema, { risks });
          if (risk.ok) {
            written++;
            expect(loadPlan(riskPlan(risk.data, "en")).problems()).toEqual([]);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(written).toBeGreaterThan(10);
  });
});
