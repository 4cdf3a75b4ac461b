import fc from "fast-check";
import { bgnbdPurchasesIfAlive } from "../../src/core/clv";
import { rfmScore as scoreCustomers } from "../../src/core/rfm";
import { compensatedSum, scaledSum } from "../../src/core/shared/sum";
import { toExcelPrecision } from "../../src/core/shared/rounding";
import { clvPurchases, clvValue } from "../../src/functions/clv";
import { forecastAccuracy, forecastHolt, forecastHw, forecastHwParams, forecastSes } from "../../src/functions/forecast";
import { funnelLevers, funnelPlan } from "../../src/functions/funnel";
import { rfmScore, rfmSegment } from "../../src/functions/rfm";
import { kpiClv } from "../../src/functions/kpi";
import { formatNumber } from "../../src/functions/shared/edge";
import { quotaAllocate, quotaReconcile, targetPace, targetSeasonal, targetSplit } from "../../src/functions/targets";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

/**
 * The bugs `npm run fuzz` found (test/support/fuzz), one regular test each, so that they stay fixed
 * whatever seed the fuzzer runs from.
 */

const MAX = Number.MAX_VALUE;

describe("numbers near the largest double", () => {
  it("are shown with their digits in a message, not as Infinity (15-digit rounding overflowed)", () => {
    expect(formatNumber(MAX)).toBe("1.7976931348623157e+308");
    expect(formatNumber(1e308)).toBe("1e+308");
    expect(excelError(() => kpiClv(0, MAX, omitted))).toEqual({ code: "#VALUE!", message: "retention: 1.7976931348623157e+308 is above the maximum of 1." });
  });

  it("stay finite when cleaned to Excel's 15 digits", () => {
    expect(toExcelPrecision(MAX)).toBe(MAX);
    expect(toExcelPrecision(-MAX)).toBe(-MAX);
    expect(toExcelPrecision(1.7976931348623e308)).toBe(1.7976931348623e308);
  });
});

describe("sums beyond the largest double", () => {
  it("overflow to Infinity, not NaN (Infinity − Infinity in the compensation)", () => {
    expect(compensatedSum([1e308, 1e308])).toBe(Infinity);
    expect(compensatedSum([-1e308, -1e308])).toBe(-Infinity);
    expect(compensatedSum([0.1, 0.2, 0.3])).toBe(0.6);
    const { sum, scale } = scaledSum([1e308, 1e308, 2e307]);
    expect([1e308, 1e308, 2e307].map((v) => (v * scale) / sum)).toEqual([5 / 11, 5 / 11, 1 / 11].map((x) => expect.closeTo(x, 15)));
    expect(scaledSum([1, 2, 3])).toEqual({ sum: 6, scale: 1 });
  });

  it("TARGET.SEASONAL splits by a history of twelve months of 1e308 evenly (was: \"history, row 1: NaN is below the minimum of 0\")", () => {
    expect(targetSeasonal(1200, column(...new Array(12).fill(1e308)), omitted, omitted)).toEqual(new Array(12).fill([100]));
  });

  it("QUOTA.ALLOCATE splits by a history of 1e308 each evenly", () => {
    expect(quotaAllocate(100, column(1e308, 1e308), omitted, omitted, omitted, omitted)).toEqual([[50], [50]]);
  });

  it("TARGET.PACE reads a plan of 1e308 per period as equal periods", () => {
    expect(targetPace(1000, 500, 1, column(1e308, 1e308))).toEqual([[500, 1, 1000, 500, 1]]);
  });

  it('QUOTA.RECONCILE with commitments adding up beyond a cell is #NUM! (was: #VALUE! "NaN" is not a number)', () => {
    expect(excelError(() => quotaReconcile(0, column(1e308, 1e308), column(1, 0), omitted))).toEqual({ code: "#NUM!", message: undefined });
    expect(excelError(() => quotaReconcile(1e308, column(-1e308), column(1), omitted))).toEqual({ code: "#NUM!", message: undefined });
  });
});

describe("QUOTA.ALLOCATE's blend weights", () => {
  it("count only in proportion, also at 1e308 and 5e-324 (was: \"weights, row 1: Infinity is above the maximum\")", () => {
    const quotas = (weights: number) => quotaAllocate(1000, column(3, 1, 0), column(1, 1, 2), column(weights, weights, weights), omitted, omitted);
    const expected = quotas(1);
    expect(quotas(1e308)).toEqual(expected);
    expect(quotas(5e-324)).toEqual(expected);
    expect(quotas(2 ** 60)).toEqual(expected);
  });
});

describe("FORECAST.ACCURACY's MASE without training", () => {
  it("is #N/A with a message saying what it needs, in the Office language (had none)", () => {
    const mase = (tag: string) => withOfficeLanguage(tag, () => (forecastAccuracy(column(100, 200), column(110, 190), omitted, omitted)[4] as [unknown])[0]);
    expect(mase("en-US")).toBeInstanceOf(CustomFunctions.Error);
    expect(mase("en-US")).toMatchObject({ code: "#N/A", message: "MASE needs training. Select it to see MASE." });
    expect(mase("zh-CN")).toMatchObject({ code: "#N/A", message: "计算 MASE 需要参数“训练数据”。请选择该参数后查看 MASE。" });
  });
});

describe("a total that is not a multiple of a huge unit", () => {
  it("proposes only the nearest multiple that is a number (was: \"Use 1e+308 or Infinity\")", () => {
    expect(excelError(() => targetSplit(MAX, column(1, 0), 1e308))).toEqual({
      code: "#VALUE!",
      message: "total: 1.7976931348623157e+308 is not a multiple of the unit 1e+308. Use 1e+308, or a smaller unit.",
    });
    expect(withOfficeLanguage("zh-CN", () => excelError(() => targetSplit(-1.7e308, column(1), 1e308)))).toEqual({
      code: "#VALUE!",
      message: "参数“总目标”：-1.7e+308 不是取整单位 1e+308 的整数倍。请改为 -1e+308，或使用更小的单位。",
    });
    expect(excelError(() => targetSplit(105, column(1), 10)).message).toBe("total: 105 is not a multiple of the unit 10. Use 100 or 110, or a smaller unit.");
  });
});

/** Arguments that used to keep Excel busy for seconds to hours: refused at once with a message, or made fast. */
describe("worst cases for time", () => {
  const rates = (n: number) => column(...new Array(n).fill(0.99));

  it("FUNNEL.LEVERS (quadratic in the steps: 30,000 rates took 7 s) and the other funnels take at most 1,000 rates", () => {
    expect(excelError(() => funnelLevers(1000, rates(1001), column(1000, ...new Array(1001).fill(0.995))))).toEqual({
      code: "#VALUE!",
      message: "rates has 1001 entries but at most 1000 can be used. Select fewer cells.",
    });
    expect(withOfficeLanguage("zh-CN", () => excelError(() => funnelPlan(100, rates(5000))))).toEqual({
      code: "#VALUE!",
      message: "参数“转化率”有 5000 项，最多只能使用 1000 项。请少选一些单元格。",
    });
    expect(funnelLevers(1000, rates(1000), column(1000, ...new Array(1000).fill(0.99)))).toHaveLength(1001);
  });

  it("the fitted forecasts take at most 100,000 values of history (a million took 25–40 s)", () => {
    const history = column(...Array.from({ length: 100_001 }, (_, i) => 100 + (i % 12)));
    const message = "history has 100001 entries but at most 100000 can be used. Select fewer cells.";
    expect(excelError(() => forecastSes(history, 1, omitted))).toEqual({ code: "#VALUE!", message });
    expect(excelError(() => forecastHolt(history, 1, 0.5, 0.5))).toEqual({ code: "#VALUE!", message });
    expect(excelError(() => forecastHw(history, 1, 12, omitted, 0.5, 0.5, 0.5))).toEqual({ code: "#VALUE!", message });
    expect(excelError(() => forecastHwParams(history, 12, omitted))).toEqual({ code: "#VALUE!", message });
    expect(forecastSes(column(...Array.from({ length: 100_000 }, () => 7)), 1, 0.5)).toEqual([[7]]);
  });

  it("RFM.SEGMENT takes at most 100 rules (O(customers × rules): 10,000 rules on 100,000 customers took 10 s)", () => {
    const rules = (n: number) => Array.from({ length: n }, (_, i) => [`rule ${i + 1}`, 1, 5, 1, 5, 1, 5]);
    expect(excelError(() => rfmSegment([[5, 5, 5]], rules(101), omitted, omitted))).toEqual({
      code: "#VALUE!",
      message: "scheme has 101 entries but at most 100 can be used. Select fewer cells.",
    });
    expect(rfmSegment([[5, 5, 5]], rules(100), omitted, omitted)).toEqual([["rule 1"]]);
  });

  it("RFM.SCORE finds a score among thousands of custom cut points by binary search, ties as before", () => {
    const cuts = Array.from({ length: 5000 }, (_, i) => i * 2); // 0, 2, …, 9998
    const scores = rfmScore(column(0, 1, 2, 10_000), column(0, 1, 2, 10_000), column(-1, 1, 2, 10_000), "custom", [cuts, cuts, cuts]);
    // R: 5001 − #(cuts < r); F and M: 1 + #(cuts ≤ value).
    expect(scores).toEqual([
      [5001, 2, 1],
      [5000, 2, 2],
      [5000, 3, 3],
      [1, 5001, 5001],
    ]);
    expect(rfmScore(row(10, 180), row(12, 1), row(8000, 200), omitted, omitted)).toEqual([
      [5, 5, 5],
      [3, 2, 2],
    ]); // the course's 555 and 322
  });

  it("RFM.SCORE's custom scores count the cut points below (R) or at and below (F, M) a value, for any number of cut points", () => {
    const ascending = fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 60 }).map((c) => c.sort((a, b) => a - b));
    fc.assert(
      fc.property(ascending, ascending, fc.array(fc.integer({ min: 0, max: 210 }), { minLength: 1, maxLength: 20 }), (r, f, values) => {
        const scores = scoreCustomers(values, values, values, { method: "custom", cuts: { recency: r, frequency: f, monetary: f } });
        values.forEach((v, i) => {
          expect(scores.recency[i]).toBe(r.length + 1 - r.filter((c) => c < v).length);
          expect(scores.frequency[i]).toBe(1 + f.filter((c) => c <= v).length);
        });
      }),
    );
  });
});

describe("customer value at parameters no fit gives", () => {
  const customers = [column(1, 0, 3, 8), column(12.857142857142858, 0, 11, 10.857142857142858), column(33.42857142857143, 51.285714285714285, 21.857142857142858, 49.857142857142854)] as const;

  it("CLV.PURCHASES at r, α, a, b near 1e299 returns at once (a form that could not stop summed a million terms per customer: over 5 s)", () => {
    const params = column(1.51e299, 5e299, 5e298, 1e299);
    const values = clvPurchases(params, 0.5, ...customers).flat();
    expect(values).toHaveLength(4);
    expect(values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  it("CLV.VALUE at parameters of 1e308 returns at once", () => {
    const params = column(1e308, 1e308, 1e308, 1e308);
    const values = clvValue(params, column(0.5, 1.11, 1), column(1), column(12.857142857142858), column(33.42857142857143), column(23.22), omitted, omitted, omitted).flat();
    expect(values).toHaveLength(1);
    expect(Number.isFinite(values[0])).toBe(true);
  });

  it("expected purchases at r = 100,005 come from the direct series (an overflowing form's NaN error bound hid it: NOT_CONVERGED)", () => {
    // mpmath 1.3.0, 40 digits: c/(a−1)·(1 − (α/(α+t))^r·hyp2f1(r, b; c; t/(α+t))) with c = a + b − 1.
    const reference = Number("224.8649461793972556670893274948209148688");
    expect(Math.abs(bgnbdPurchasesIfAlive(100_005, 40, 0.8, 7.5, 52)! - reference) / reference).toBeLessThan(1e-10);
  });
});
