import { forecastBacktest, forecastInterval, forecastLinear } from "../../src/functions/forecast";
import { backtest, forecastInterval as coreInterval, linearForecastInterval } from "../../src/core/forecast";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";
import { readCsv } from "../support/fixtures";

/** The adapters of FORECAST.INTERVAL, FORECAST.LINEAR and FORECAST.BACKTEST: shapes, defaults, language, messages. */

const NIST = readCsv("forecast/nist_quarterly_sales.csv").map((r) => Number(r.value));
const series = (name: string) => readCsv(`forecast2/input_${name}.csv`).map((r) => Number(r.value));
const USACC = series("usaccdeaths");
const UKGAS = series("ukgas");
const NILE = series("nile");

describe("=SALES.FORECAST.INTERVAL", () => {
  it("spills horizon rows of {lower, forecast, upper} for a column history; 3 rows across for a row", () => {
    const down = forecastInterval(column(...NIST), 8, 4, "additive", omitted, 0.5, 0.3, 0.4);
    const band = coreInterval(NIST, 8, { seasonLength: 4, model: "additive", alpha: 0.5, beta: 0.3, gamma: 0.4 });
    expect(down).toEqual(band.forecast.map((f, i) => [band.lower[i], f, band.upper[i]]));
    expect(down[0]!.map((v) => v.toFixed(2))).toEqual(["670.04", "746.53", "823.03"]);
    expect(forecastInterval(row(...NIST), 8, 4, omitted, 0.95, 0.5, 0.3, 0.4)).toEqual([band.lower, band.forecast, band.upper]);
  });

  it("reads the level as Excel writes it (95%, 0.8 or a cell) and models case-insensitively; Holt without a season", () => {
    const a = forecastInterval(column(...NIST), 4, 4, "Additive", "80%", 0.5, 0.3, 0.4);
    const b = forecastInterval(column(...NIST), 4, [[4]], omitted, [[0.8]], 0.5, 0.3, 0.4);
    expect(a).toEqual(b);
    const holt = forecastInterval(column(...NILE), 3, omitted, omitted, omitted, omitted, omitted, omitted);
    expect(holt).toEqual(forecastInterval(column(...NILE), 3, 1, "HOLT", 0.95, omitted, omitted, omitted));
  });

  it("explains a level outside (0, 1), in English and Chinese", () => {
    const one = () => forecastInterval(column(...NIST), 4, 4, omitted, 1, omitted, omitted, omitted);
    expect(excelError(one)).toEqual({ code: "#VALUE!", message: "level: 1 must be less than 1." });
    withOfficeLanguage("zh-CN", () => expect(excelError(one)).toEqual({ code: "#VALUE!", message: "参数“置信水平”：1 必须小于 1。" }));
    expect(excelError(() => forecastInterval(column(...NIST), 4, 4, omitted, 95, omitted, omitted, omitted)).message).toBe("level: 95 is not a rate. Enter 95% or 0.95.");
    expect(excelError(() => forecastInterval(column(...NIST), 4, 4, omitted, 0, omitted, omitted, omitted)).message).toBe("level: 0 must be greater than 0.");
  });

  it("explains a seasonal model without season_length, and an argument the model does not use", () => {
    const missing = () => forecastInterval(column(...NIST), 4, omitted, "multiplicative", omitted, omitted, omitted, omitted);
    expect(excelError(missing)).toEqual({
      code: "#VALUE!",
      message: 'season_length is needed when model is "multiplicative". Enter the periods per season (12 for months, 4 for quarters).',
    });
    withOfficeLanguage("zh-CN", () =>
      expect(excelError(missing).message).toBe("参数“季节周期”不能省略：“预测模型”为“multiplicative”时需要它。请填写每个周期的期数（月度数据 12，季度 4）。"),
    );
    const unused = () => forecastInterval(column(...NIST), 4, omitted, "ses", omitted, 0.3, 0.2, omitted);
    expect(excelError(unused).message).toBe('beta is not used when model is "ses". Leave it empty.');
    expect(excelError(() => forecastInterval(column(...NIST), 4, 4, "ets", omitted, omitted, omitted, omitted)).message).toBe(
      'model: "ets" is not one of "ses", "holt", "additive" or "multiplicative".',
    );
  });

  it("explains a history too short for the model", () => {
    const call = () => forecastInterval(column(3, 4, 5), 2, omitted, "holt", omitted, omitted, omitted, omitted);
    expect(excelError(call).message).toBe("history has 3 values but needs at least 4. Select a longer history.");
    withOfficeLanguage("zh-CN", () => expect(excelError(call).message).toBe("参数“历史数据”只有 3 个数值，至少需要 4 个。请选择更长的历史数据。"));
  });
});

describe("=SALES.FORECAST.LINEAR", () => {
  it("spills the regression band: USAccDeaths, 12 months (m = 12), as the core gives it; across for a row", () => {
    const band = linearForecastInterval(USACC, 12, 12);
    const down = forecastLinear(column(...USACC), 12, 12, omitted);
    expect(down).toEqual(band.forecast.map((f, i) => [band.lower[i], f, band.upper[i]]));
    expect(down[0]!.map((v) => v.toFixed(1))).toEqual(["6569.6", "7557.3", "8545.0"]);
    expect(forecastLinear(row(...USACC), 12, 12, 0.95)).toEqual([band.lower, band.forecast, band.upper]);
  });

  it("draws Excel's FORECAST.LINEAR line without a season: {1, 3, 5, 7} → 9, 11", () => {
    const result = forecastLinear(column(1, 3, 5, 7), 2, omitted, omitted);
    expect(result.map(([, f]) => f)).toEqual([9, 11]);
    // A perfect line: the band closes on it up to the rounding noise of the residuals (as R's lm shows too).
    expect(result.every(([lower, f, upper]) => Math.abs(upper! - f!) < 1e-12 && Math.abs(f! - lower!) < 1e-12)).toBe(true);
  });

  it("explains a history too short for a trend and m seasons (n ≤ p), in English and Chinese", () => {
    const call = () => forecastLinear(column(...USACC.slice(0, 13)), 1, 12, omitted);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: "history has 13 values but needs at least 14. Select a longer history." });
    withOfficeLanguage("zh-CN", () => expect(excelError(call).message).toBe("参数“历史数据”只有 13 个数值，至少需要 14 个。请选择更长的历史数据。"));
    expect(excelError(() => forecastLinear(column(...USACC), 1, 12, 1.5)).message).toBe("level: 1.5 is not a rate. Enter 1.5% or 0.015.");
  });
});

describe("=SALES.FORECAST.BACKTEST", () => {
  it("spills a header row and one row per method, best RMSE first, in the Office language", () => {
    const rows = backtest(UKGAS, 8, 4);
    const en = forecastBacktest(column(...UKGAS), 8, 4);
    expect(en[0]).toEqual(["method", "MAE", "RMSE", "MAPE %", "MASE"]);
    expect(en.slice(1).map((r) => r.slice(1))).toEqual(rows.map((r) => [r.metrics.mae, r.metrics.rmse, r.metrics.mape, r.metrics.mase]));
    expect(en.slice(1).map((r) => r[0])).toEqual(["Holt-Winters additive", "Holt-Winters multiplicative", "Linear trend + season", "Moving average (4)", "Holt linear trend", "Simple exponential smoothing"]);
    const zh = withOfficeLanguage("zh-CN", () => forecastBacktest(row(...UKGAS), 8, 4));
    expect(zh[0]).toEqual(["方法", "MAE", "RMSE", "MAPE %", "MASE"]);
    expect(zh.slice(1).map((r) => r[0])).toEqual(["霍尔特-温特斯（加法）", "霍尔特-温特斯（乘法）", "线性趋势 + 季节", "移动平均（4期）", "霍尔特线性趋势", "一次指数平滑"]);
  });

  it("names the moving average's window of 3 and the straight line without a season", () => {
    const labels = forecastBacktest(column(...NILE), 10, omitted).slice(1).map((r) => r[0]);
    expect([...labels].sort()).toEqual(["Holt linear trend", "Linear trend", "Moving average (3)", "Simple exponential smoothing"]);
  });

  it("shows a metric that cannot be computed as its own error: MAPE #DIV/0! for an actual of 0, MASE #N/A with its reason", () => {
    const table = forecastBacktest(column(12, 15, 11, 14, 13, 16, 12, 15, 11, 14, 13, 0), 6, 6);
    for (const r of table.slice(1)) {
      expect((r[3] as CustomFunctions.Error).code).toBe("#DIV/0!");
      expect(typeof r[2]).toBe("number");
      expect((r[4] as CustomFunctions.Error).code).toBe("#N/A");
      expect((r[4] as CustomFunctions.Error).message).toBe("history has 12 values but needs at least 13. Select a longer history.");
    }
  });

  it("explains a holdout that leaves too little to fit on, in English and Chinese", () => {
    const call = () => forecastBacktest(column(1, 2, 3, 4, 5), 4, omitted);
    expect(excelError(call)).toEqual({
      code: "#VALUE!",
      message: "holdout: holding out 4 periods leaves too little history to fit on; with this holdout the history needs at least 6 values (it has 5). Hold out fewer periods or select a longer history.",
    });
    withOfficeLanguage("zh-CN", () =>
      expect(excelError(call).message).toBe("参数“回测期数”：留出 4 期后剩下的历史数据太少，无法拟合；此时历史数据至少需要 6 个数值（现有 5 个）。请减少回测期数，或选择更长的历史数据。"),
    );
    expect(excelError(() => forecastBacktest(column(...NILE), 0, omitted)).message).toBe("holdout: 0 is below the minimum of 1.");
  });
});
