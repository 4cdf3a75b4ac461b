import { compensatedSum, scaledSum } from "../../src/core/shared/sum";
import { toExcelPrecision } from "../../src/core/shared/rounding";
import { forecastAccuracy } from "../../src/functions/forecast";
import { kpiClv } from "../../src/functions/kpi";
import { formatNumber } from "../../src/functions/shared/edge";
import { quotaAllocate, quotaReconcile, targetPace, targetSeasonal, targetSplit } from "../../src/functions/targets";
import { column, excelError, omitted, withOfficeLanguage } from "../support/excel-call";

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
    expect(mase("zh-CN")).toMatchObject({ code: "#N/A", message: "计算 MASE 需要 training。请选择该参数后查看 MASE。" });
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
      message: "total：-1.7e+308 不是单位 1e+308 的整数倍。请改为 -1e+308，或使用更小的单位。",
    });
    expect(excelError(() => targetSplit(105, column(1), 10)).message).toBe("total: 105 is not a multiple of the unit 10. Use 100 or 110, or a smaller unit.");
  });
});
