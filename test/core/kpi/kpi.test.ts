import fc from "fast-check";
import {
  averageOrderValue,
  churnRate,
  collectionRate,
  conversionRate,
  customerAcquisitionCost,
  customerLifetimeValue,
  kpiScore,
  profitMargin,
  repurchaseRate,
  returnOnAdSpend,
  returnOnInvestment,
} from "../../../src/core/kpi";
import { thrown } from "../../support/core-error";

describe("ratio KPIs", () => {
  it.each([
    ["conversion: 25 buyers of 1,000 visitors", conversionRate(25, 1000), 0.025],
    ["AOV: 50,000 over 200 orders", averageOrderValue(50_000, 200), 250],
    ["margin: 30,000 profit on 200,000", profitMargin(30_000, 200_000), 0.15],
    ["margin of a loss", profitMargin(-10_000, 200_000), -0.05],
    ["ROI: 150,000 back on 100,000", returnOnInvestment(150_000, 100_000), 0.5],
    ["ROI without float noise: 1.1 back on 1", returnOnInvestment(1.1, 1), 0.1],
    ["ROI of a loss", returnOnInvestment(80_000, 100_000), -0.2],
    ["ROAS: 80,000 on 20,000 of ads", returnOnAdSpend(80_000, 20_000), 4],
    ["CAC: 30,000 for 150 new customers", customerAcquisitionCost(30_000, 150), 200],
    ["repurchase: 300 of 1,200 buyers", repurchaseRate(300, 1200), 0.25],
    ["churn: 50 of 1,000", churnRate(50, 1000), 0.05],
    ["collection: 950,000 of 1,000,000", collectionRate(950_000, 1_000_000), 0.95],
    ["collection above 100% (earlier bills collected)", collectionRate(1_100_000, 1_000_000), 1.1],
    ["a zero numerator", conversionRate(0, 10), 0],
    ["all buyers converted", conversionRate(10, 10), 1],
  ])("%s", (_, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each([
    ["KPI.CONVERSION", () => conversionRate(5, 0), "visitors"],
    ["KPI.CONVERSION 0/0", () => conversionRate(0, 0), "visitors"],
    ["KPI.AOV", () => averageOrderValue(100, 0), "orders"],
    ["KPI.MARGIN", () => profitMargin(100, 0), "revenue"],
    ["KPI.ROI", () => returnOnInvestment(100, 0), "cost"],
    ["KPI.ROAS", () => returnOnAdSpend(100, 0), "ad_spend"],
    ["KPI.CAC", () => customerAcquisitionCost(100, 0), "new_customers"],
    ["KPI.REPURCHASE", () => repurchaseRate(0, 0), "buyers"],
    ["KPI.CHURN", () => churnRate(0, 0), "customers_at_start"],
    ["KPI.COLLECTION", () => collectionRate(100, 0), "billed"],
  ])("%s: a zero denominator is DIVISION_BY_ZERO (#DIV/0!)", (_, fn, arg) => {
    const error = thrown(fn);
    expect(error).toMatchObject({ code: "DIVISION_BY_ZERO", kind: "div0", details: { arg } });
  });

  it.each([
    ["negative buyers", () => conversionRate(-1, 10), "buyers"],
    ["negative visitors", () => conversionRate(1, -10), "visitors"],
    ["negative revenue (AOV)", () => averageOrderValue(-5, 10), "revenue"],
    ["negative revenue (margin)", () => profitMargin(5, -10), "revenue"],
    ["a negative return", () => returnOnInvestment(-5, 10), "return_amount"],
    ["a negative cost", () => returnOnInvestment(5, -10), "cost"],
    ["negative ad spend", () => returnOnAdSpend(5, -10), "ad_spend"],
    ["negative spend", () => customerAcquisitionCost(-5, 10), "spend"],
    ["negative new customers", () => customerAcquisitionCost(5, -1), "new_customers"],
    ["negative repeat buyers", () => repurchaseRate(-1, 10), "repeat_buyers"],
    ["negative lost customers", () => churnRate(-1, 10), "lost"],
    ["negative collections", () => collectionRate(-1, 10), "collected"],
  ])("%s is TOO_SMALL (#VALUE!)", (_, fn, arg) => {
    expect(thrown(fn)).toMatchObject({ code: "TOO_SMALL", kind: "value", details: { arg, min: 0 } });
  });

  it.each([
    ["buyers above visitors (swapped)", () => conversionRate(1000, 25), { arg: "buyers", value: 1000, otherArg: "visitors", otherValue: 25 }],
    ["repeat buyers above buyers", () => repurchaseRate(1300, 1200), { arg: "repeat_buyers", otherArg: "buyers" }],
    ["lost above customers at the start", () => churnRate(60, 50), { arg: "lost", otherArg: "customers_at_start" }],
  ])("%s is EXCEEDS_ARGUMENT (#VALUE!)", (_, fn, details) => {
    expect(thrown(fn)).toMatchObject({ code: "EXCEEDS_ARGUMENT", kind: "value", details });
  });

  it("overflows to RESULT_OUT_OF_RANGE (#NUM!), never Infinity", () => {
    expect(thrown(() => averageOrderValue(1e308, 1e-10))).toMatchObject({ code: "RESULT_OUT_OF_RANGE", kind: "num" });
  });
});

describe("KPI.CLV = m·r / (1 + d − r)", () => {
  it.each([
    [1000, 0.8, undefined, 2666.66666666667],
    [1000, 0.8, 0.1, 2666.66666666667],
    [1000, 0.8, 0, 4000],
    [1000, 0, 0.1, 0],
    [1000, 1, 0.1, 10000],
    [-200, 0.5, 0.1, -166.666666666667],
  ])("m %p, r %p, d %p → %p", (m, r, d, expected) => {
    expect(customerLifetimeValue(m, r, d)).toBe(expected);
  });

  it("is #NUM! when a customer is kept forever at no discount (1 + d − r = 0)", () => {
    expect(thrown(() => customerLifetimeValue(1000, 1, 0))).toMatchObject({ code: "RESULT_OUT_OF_RANGE", kind: "num" });
  });

  it.each([
    ["retention typed as a percentage", () => customerLifetimeValue(1000, 80), "RATE_AS_PERCENT", "retention"],
    ["negative retention", () => customerLifetimeValue(1000, -0.1), "TOO_SMALL", "retention"],
    ["discount typed as a percentage", () => customerLifetimeValue(1000, 0.8, 10), "RATE_AS_PERCENT", "discount"],
    ["a negative discount", () => customerLifetimeValue(1000, 0.8, -0.05), "TOO_SMALL", "discount"],
  ])("%s", (_, fn, code, arg) => {
    expect(thrown(fn)).toMatchObject({ code, kind: "value", details: { arg } });
  });
});

describe("KPI.SCORE: Σ wᵢ·min(attᵢ, cap) / Σ wᵢ", () => {
  it("scores a scorecard with a lower-is-better CAC", () => {
    const score = kpiScore([1_100_000, 95, 180], [1_000_000, 100, 200], [50, 30, 20], { lowerIsBetter: [false, false, true] });
    expect(score).toBe(1.05722222222222);
  });

  it("caps each attainment at 1.2 by default, or at the cap given", () => {
    expect(kpiScore([200, 100], [100, 100], [1, 1])).toBe(1.1);
    expect(kpiScore([200, 100], [100, 100], [1, 1], { cap: 1 })).toBe(1);
    expect(kpiScore([200, 100], [100, 100], [1, 1], { cap: 1.5 })).toBe(1.25);
  });

  it("takes weights that do not sum to 1, and leaves out a KPI weighted 0", () => {
    expect(kpiScore([90, 50], [100, 100], [0.4, 0])).toBe(0.9);
    expect(kpiScore([90, 110], [100, 100], [40, 60])).toBe(kpiScore([90, 110], [100, 100], [0.4, 0.6]));
  });

  it("scores the cap for an actual of 0 on a lower-is-better KPI (no complaints beats any target)", () => {
    expect(kpiScore([0], [5], [1], { lowerIsBetter: [true] })).toBe(1.2);
  });

  it("lets a loss against a profit target score below 0", () => {
    expect(kpiScore([-50], [100], [1])).toBe(-0.5);
  });

  it("stays between the lowest capped attainment and the cap", () => {
    const kpi = fc.record({
      actual: fc.double({ min: 0, max: 1e6, noNaN: true }),
      target: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      weight: fc.double({ min: 0, max: 100, noNaN: true }),
      lower: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(kpi, { minLength: 1, maxLength: 12 }), fc.double({ min: 1, max: 10, noNaN: true }), (kpis, cap) => {
        fc.pre(kpis.some((k) => k.weight > 0));
        const attainment = kpis.map((k) => Math.min(k.lower ? (k.actual === 0 ? cap : k.target / k.actual) : k.actual / k.target, cap));
        const score = kpiScore(
          kpis.map((k) => k.actual),
          kpis.map((k) => k.target),
          kpis.map((k) => k.weight),
          { cap, lowerIsBetter: kpis.map((k) => k.lower) },
        );
        // 1e-12 relative: the weighted mean is exact up to float rounding and the 15-digit cleaning.
        expect(score).toBeGreaterThanOrEqual(Math.min(...attainment) * (1 - 1e-12));
        expect(score).toBeLessThanOrEqual(cap * (1 + 1e-12));
      }),
    );
  });

  it.each([
    ["targets shorter than actuals", () => kpiScore([1, 2], [1], [1, 1]), "LENGTH_MISMATCH", { arg: "targets", length: 1, otherArg: "actuals", otherLength: 2 }],
    ["flags shorter than actuals", () => kpiScore([1, 2], [1, 1], [1, 1], { lowerIsBetter: [true] }), "LENGTH_MISMATCH", { arg: "lower_is_better" }],
    ["no KPIs", () => kpiScore([], [], []), "EMPTY", { arg: "actuals" }],
    ["a target of 0", () => kpiScore([1, 2], [1, 0], [1, 1]), "TOO_SMALL", { arg: "targets", index: 1, exclusive: true }],
    ["a negative weight", () => kpiScore([1, 2], [1, 1], [1, -1]), "TOO_SMALL", { arg: "weights", index: 1, min: 0 }],
    ["a negative actual on a lower-is-better KPI", () => kpiScore([-1], [1], [1], { lowerIsBetter: [true] }), "TOO_SMALL", { arg: "actuals", index: 0 }],
    ["a cap below 1", () => kpiScore([1], [1], [1], { cap: 0.8 }), "TOO_SMALL", { arg: "cap", min: 1 }],
    ["a cap typed as a percentage", () => kpiScore([1], [1], [1], { cap: 120 }), "RATE_AS_PERCENT", { arg: "cap", value: 120 }],
    ["a cap above 10", () => kpiScore([1], [1], [1], { cap: 50 }), "TOO_LARGE", { arg: "cap", max: 10 }],
  ])("%s", (_, fn, code, details) => {
    expect(thrown(fn)).toMatchObject({ code, kind: "value", details });
  });

  it("is DIVISION_BY_ZERO (#DIV/0!) when every weight is 0", () => {
    expect(thrown(() => kpiScore([1, 2], [1, 1], [0, 0]))).toMatchObject({ code: "DIVISION_BY_ZERO", kind: "div0", details: { arg: "weights" } });
  });

  it("stays finite for huge weights", () => {
    expect(kpiScore([1, 2], [1, 1], [1e308, 1e308])).toBe(1.1);
  });
});
