import fc from "fast-check";
import { funnelPlan, funnelRates, funnelTarget } from "../../../src/core/funnel";
import { thrown } from "../../support/core-error";

const COURSE_COUNTS = Object.freeze([2000, 800, 400, 100]); // N visitors, valid leads, followed up, deals

describe("observed conversion rates (FUNNEL.RATES)", () => {
  it("reads the course's dealership funnel 2000 → 800 → 400 → 100 as K 40%, F 50%, C 25%", () => {
    expect(funnelRates(COURSE_COUNTS)).toEqual([0.4, 0.5, 0.25]);
  });

  it("feeds FUNNEL.TARGET and FUNNEL.PLAN back to the counts: 100 deals need 2000 visitors", () => {
    const rates = funnelRates(COURSE_COUNTS) as number[];
    expect(funnelTarget(100, rates)).toBe(2000);
    expect(funnelPlan(100, rates)).toEqual([2000, 800, 400, 100]);
    // The course's what-if: 120 deals at the observed rates.
    expect(funnelTarget(120, rates)).toBe(2400);
  });

  it("keeps a rate of 1/3 as the full double, and the round trip still gives back 3000 exactly", () => {
    const rates = funnelRates([3000, 1000, 400, 100]) as number[];
    expect(rates).toEqual([1000 / 3000, 0.4, 0.25]);
    expect(rates[0]).not.toBe(0.333333333333333); // not cleaned to 15 digits: =B3/B2 in Excel keeps the double too
    expect(funnelTarget(100, rates)).toBe(3000);
    expect(funnelPlan(100, rates)).toEqual([3000, 1000, 400, 100]);
  });

  it("takes two stages, a step of 100%, and counts that are averages (decimals)", () => {
    expect(funnelRates([500, 60])).toEqual([0.12]);
    expect(funnelRates([80, 80, 20])).toEqual([1, 0.25]);
    expect(funnelRates([1666.7, 666.68])).toEqual([666.68 / 1666.7]);
  });

  it("gives a rate of 0 below a stage nobody left, and no rate (null: #DIV/0!) below a stage of 0", () => {
    expect(funnelRates([2000, 800, 0, 0])).toEqual([0.4, 0, null]);
    expect(funnelRates([0, 0])).toEqual([null]);
    expect(funnelRates([0, 0, 0])).toEqual([null, null]);
  });

  it.each([
    ["a count above the stage before it", [2000, 800, 900, 100], "COUNT_RISES", { arg: "counts", index: 2, value: 900, previous: 800 }],
    ["a count appearing below a stage of 0", [100, 0, 5], "COUNT_RISES", { arg: "counts", index: 2, value: 5, previous: 0 }],
    ["a negative count", [2000, -800, 0], "TOO_SMALL", { arg: "counts", index: 1, value: -800, min: 0 }],
    ["a negative top count", [-1, -2], "TOO_SMALL", { arg: "counts", index: 0, value: -1 }],
    ["one stage only", [2000], "TOO_FEW_STAGES", { arg: "counts" }],
    ["no stage", [], "EMPTY", { arg: "counts" }],
    ["a selected column of 1,002 counts", new Array<number>(1002).fill(1), "TOO_MANY_VALUES", { arg: "counts", length: 1002, max: 1001 }],
  ])("%s is an input error (%#)", (_, counts, code, details) => {
    const error = thrown(() => funnelRates(counts));
    expect(error.code).toBe(code);
    expect(error.kind).toBe("value");
    expect(error.details).toEqual(expect.objectContaining(details));
  });

  it("takes 1,001 stages (1,000 rates, as many as FUNNEL.TARGET takes)", () => {
    const counts = Array.from({ length: 1001 }, (_, k) => 1001 - k);
    const rates = funnelRates(counts) as number[];
    expect(rates).toHaveLength(1000);
    expect(funnelTarget(1, rates)).toBe(1001);
  });
});

/** Whole counts, top first and never rising, each at least 1: the counts a CRM report holds. */
const wholeCounts = fc
  .tuple(fc.integer({ min: 1, max: 1e12 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }))
  .map(([top, shares]) => {
    const counts = [top];
    for (const share of shares) counts.push(Math.max(1, Math.floor((counts.at(-1) as number) * share)));
    return counts;
  });

describe("properties of FUNNEL.RATES", () => {
  it("FUNNEL.PLAN(last count, FUNNEL.RATES(counts)) gives back every count exactly (whole counts up to 10¹², up to 41 stages)", () => {
    fc.assert(
      fc.property(wholeCounts, (counts) => {
        const rates = funnelRates(counts) as number[];
        expect(funnelPlan(counts.at(-1) as number, rates)).toEqual(counts);
        expect(funnelTarget(counts.at(-1) as number, rates)).toBe(counts[0]);
      }),
      { numRuns: 1000 },
    );
  });

  it("every rate lies in [0, 1], and the rates multiply to last ÷ first", () => {
    const counts = fc.array(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), { minLength: 2, maxLength: 12 }).map((xs) => xs.sort((a, b) => b - a));
    fc.assert(
      fc.property(counts, (c) => {
        const rates = funnelRates(c) as number[];
        expect(rates).toHaveLength(c.length - 1);
        let product = 1;
        for (const rate of rates) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
          product *= rate;
        }
        const expected = (c.at(-1) as number) / (c[0] as number);
        expect(Math.abs(product - expected)).toBeLessThanOrEqual(1e-13 * expected);
      }),
    );
  });

  it("scaling every count by the same factor leaves the rates as they were (to 1e-15)", () => {
    fc.assert(
      fc.property(wholeCounts, fc.integer({ min: 2, max: 1000 }), (counts, factor) => {
        const rates = funnelRates(counts) as number[];
        const scaled = funnelRates(counts.map((c) => c * factor)) as number[];
        scaled.forEach((rate, k) => expect(Math.abs(rate - (rates[k] as number))).toBeLessThanOrEqual(1e-15));
      }),
    );
  });
});
