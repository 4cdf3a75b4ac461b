import { readCsv } from "../support/fixtures";
import { loadBundle } from "../support/functions-bundle";

/**
 * The FORECAST.* functions as Excel runs them: from the production bundle dist/functions.js, loaded in a
 * fresh global with only what the functions runtime provides (needs `npm run build`).
 */
const NIST = readCsv("forecast/nist_quarterly_sales.csv").map((r) => [Number(r.value)]);
const R_FORECAST = readCsv("forecast/r_hw_add_fixed_nist_forecast.csv").map((r) => Number(r.forecast));

describe("FORECAST.* in the built bundle", () => {
  it("computes R's NIST Holt-Winters forecasts", () => {
    const { fn } = loadBundle({ displayLanguage: "en-US" });
    const result = fn("FORECAST.HW")(NIST, 8, 4, null, 0.5, 0.3, 0.4) as number[][];
    result.forEach(([f], i) => expect(Math.abs(f! - R_FORECAST[i]!)).toBeLessThanOrEqual(1e-9 * R_FORECAST[i]!));
  });

  it("puts an error value in one cell of FORECAST.ACCURACY and keeps the others", () => {
    const { fn, ExcelError } = loadBundle({ displayLanguage: "en-US" });
    const [mae, , mape, , mase] = (fn("FORECAST.ACCURACY")([[0], [100]], [[5], [90]], null, null) as unknown[][]).map(([v]) => v);
    expect(mae).toBe(7.5);
    expect(mape).toBeInstanceOf(ExcelError);
    expect((mape as { code: string }).code).toBe("#DIV/0!");
    expect((mase as { code: string }).code).toBe("#N/A");
  });

  it("reports a short history in Chinese for a Chinese Office", () => {
    const { fn, ExcelError } = loadBundle({ displayLanguage: "zh-CN" });
    let thrown: unknown;
    try {
      fn("FORECAST.HW")(NIST.slice(0, 7), 4, 4, null, null, null, null);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExcelError);
    expect((thrown as InstanceType<typeof ExcelError>).code).toBe("#VALUE!");
    expect((thrown as Error).message).toBe("参数“历史数据”只有 7 个数值，至少需要 8 个。请选择更长的历史数据。");
  });
});
