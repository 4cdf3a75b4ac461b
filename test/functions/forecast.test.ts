import { forecastAccuracy, forecastHolt, forecastHw, forecastHwParams, forecastMa, forecastSes } from "../../src/functions/forecast";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";
import { readCsv } from "../support/fixtures";

const NIST = readCsv("forecast/nist_quarterly_sales.csv").map((r) => Number(r.value));
const R_FORECAST = readCsv("forecast/r_hw_add_fixed_nist_forecast.csv").map((r) => Number(r.forecast));
const AIR = readCsv("forecast/airpassengers.csv").map((r) => Number(r.value));
const SES_EXAMPLE = [30, 25, 35, 25, 20, 30, 35, 40, 30, 45];

const within = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));

describe("=SALES.FORECAST.MA", () => {
  it("repeats the mean of the last window values: (35 + 40 + 30 + 45) / 4 = 37.5", () => {
    expect(forecastMa(column(...SES_EXAMPLE), 4, omitted)).toEqual([[37.5]]);
    expect(forecastMa(row(...SES_EXAMPLE), 4, 3)).toEqual([[37.5, 37.5, 37.5]]);
  });

  it("ignores trailing blank cells of the history range", () => {
    expect(forecastMa(column(...SES_EXAMPLE, "", null), 2, 2)).toEqual([[37.5], [37.5]]);
  });
});

describe("=SALES.FORECAST.SES", () => {
  it("forecasts 35.8409 after the textbook series with α = 0.3 (level starts at the first value)", () => {
    const [[next]] = forecastSes(column(...SES_EXAMPLE), 1, 0.3) as [[number]];
    expect(next.toFixed(4)).toBe("35.8409");
    expect(forecastSes(row(...SES_EXAMPLE), 2, "30%")).toEqual([[next, next]]);
  });
});

describe("=SALES.FORECAST.HOLT", () => {
  it("forecasts 16.9375 and 18.5 after {10, 12, 15, 14} with α = β = 0.5 (worked by hand)", () => {
    expect(forecastHolt(column(10, 12, 15, 14), 2, 0.5, 0.5)).toEqual([[16.9375], [18.5]]);
  });
});

describe("=SALES.FORECAST.HW", () => {
  it("gives R's 8 NIST forecasts with α = 0.5, β = 0.3, γ = 0.4 (additive, the default)", () => {
    const result = forecastHw(column(...NIST), 8, 4, omitted, 0.5, 0.3, 0.4);
    expect(result).toHaveLength(8);
    result.forEach(([f], i) => within(f!, R_FORECAST[i]!));
    const across = forecastHw(row(...NIST), 8, 4, "ADDITIVE", 0.5, 0.3, 0.4);
    expect(across).toEqual([result.map(([f]) => f)]);
  });

  it("fits omitted parameters: positive seasonal forecasts of AirPassengers, multiplicative", () => {
    const next = forecastHw(column(...AIR), 12, 12, "multiplicative", omitted, omitted, omitted).map(([f]) => f!);
    expect(next.every((f) => f > 300)).toBe(true);
    expect(next[6]!).toBeGreaterThan(next[10]! * 1.2); // July above November
  });
});

describe("=SALES.FORECAST.HW.PARAMS", () => {
  it("returns {alpha, beta, gamma, SSE} shaped like history, each parameter in [0, 1]; SSE no worse than R's 21860.18", () => {
    const result = forecastHwParams(column(...AIR), 12, omitted);
    expect(result).toHaveLength(4);
    const [alpha, beta, gamma, sse] = result.map(([v]) => v!);
    for (const p of [alpha!, beta!, gamma!]) expect(p >= 0 && p <= 1).toBe(true);
    expect(gamma).toBe(1); // R: γ = 1 for the additive fit
    expect(sse!).toBeLessThanOrEqual(21860.19);
    expect(forecastHwParams(row(...AIR), 12, "additive")).toEqual([[alpha, beta, gamma, sse]]);
  });
});

describe("=SALES.FORECAST.ACCURACY", () => {
  it("returns MAE, RMSE, MAPE %, sMAPE %, MASE down a column (worked by hand)", () => {
    const result = forecastAccuracy(column(100, 200, 300, 400), column(110, 190, 330, 400), column(10, 20, 40, 30, 50), omitted);
    expect(result).toHaveLength(5);
    const [mae, rmse, mape, smape, mase] = result.map(([v]) => v as number);
    expect(mae).toBe(12.5);
    expect(rmse).toBeCloseTo(Math.sqrt(275), 12);
    expect(mape).toBeCloseTo(6.25, 12);
    expect(smape).toBeCloseTo(550 / 91, 12);
    expect(mase).toBeCloseTo(12.5 / 15, 12);
  });

  it("shows #N/A in the MASE cell only when there is no training data, across a row for a row", () => {
    const [cells] = forecastAccuracy(row(100, 200, 300, 400), row(110, 190, 330, 400), omitted, omitted) as [unknown[]];
    expect(cells).toHaveLength(5);
    expect(cells.slice(0, 4).every((v) => typeof v === "number")).toBe(true);
    expect(cells[4]).toBeInstanceOf(CustomFunctions.Error);
    expect((cells[4] as CustomFunctions.Error).code).toBe("#N/A");
  });

  it("shows #DIV/0! in the MAPE cell only when an actual is 0", () => {
    const cells = forecastAccuracy(column(0, 100), column(5, 90), column(1, 3, 2), 1).map(([v]) => v);
    expect(cells[0]).toBe(7.5);
    expect(cells[2]).toBeInstanceOf(CustomFunctions.Error);
    expect((cells[2] as CustomFunctions.Error).code).toBe("#DIV/0!");
    expect(typeof cells[1]).toBe("number");
    expect(typeof cells[3]).toBe("number");
    expect(cells[4]).toBeCloseTo(7.5 / 1.5, 12); // training changes |3−1|, |2−3| → scale 1.5
  });
});

describe("forecast input errors: #VALUE! with a message naming the argument and row, in English and Chinese", () => {
  const QUARTERS = column(362, 385, 432, 341, 382, 409, 498, 387);

  it("a history shorter than two seasons for FORECAST.HW", () => {
    const call = () => forecastHw(column(362, 385, 432, 341, 382, 409, 498), 4, 4, omitted, omitted, omitted, omitted);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: "history has 7 values but needs at least 8. Select a longer history." });
    withOfficeLanguage("zh-CN", () => expect(excelError(call)).toEqual({ code: "#VALUE!", message: "参数“历史数据”只有 7 个数值，至少需要 8 个。请选择更长的历史数据。" }));
  });

  it("a non-numeric cell inside the history names its row", () => {
    const call = () => forecastHw(column(362, 385, "n/a", 341, 382, 409, 498, 387), 4, 4, omitted, omitted, omitted, omitted);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: 'history, row 3: "n/a" is not a number.' });
    withOfficeLanguage("zh-CN", () => expect(excelError(call)).toEqual({ code: "#VALUE!", message: "参数“历史数据”第 3 行：“n/a”不是数字。" }));
  });

  it("a blank cell inside the history names its row (a row of cells: its column)", () => {
    const call = () => forecastSes(column(30, 25, "", 25), 2, omitted);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: "history, row 3: the cell is blank. Fill it in or remove the row." });
    withOfficeLanguage("zh-CN", () => expect(excelError(call)).toEqual({ code: "#VALUE!", message: "参数“历史数据”第 3 行：单元格为空。请填写，或删除该行。" }));
    expect(excelError(() => forecastMa(row(30, null, 25), 2, omitted)).message).toBe("history, column 2: the cell is blank. Fill it in or remove the row.");
  });

  it("a season length below 2", () => {
    const call = () => forecastHw(QUARTERS, 4, 1, omitted, omitted, omitted, omitted);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: "season_length: 1 is below the minimum of 2." });
    withOfficeLanguage("zh-CN", () => expect(excelError(call)).toEqual({ code: "#VALUE!", message: "参数“季节周期”：1 小于最小值 2。" }));
    expect(excelError(() => forecastHwParams(QUARTERS, 2.5, omitted)).message).toBe("season_length: 2.5 must be a whole number.");
  });

  it("a horizon below 1", () => {
    const call = () => forecastHw(QUARTERS, 0, 4, omitted, omitted, omitted, omitted);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: "horizon: 0 is below the minimum of 1." });
    withOfficeLanguage("zh-CN", () => expect(excelError(call)).toEqual({ code: "#VALUE!", message: "参数“预测期数”：0 小于最小值 1。" }));
    expect(excelError(() => forecastSes(QUARTERS, -2, omitted)).message).toBe("horizon: -2 is below the minimum of 1.");
    expect(excelError(() => forecastHolt(QUARTERS, 1.5, omitted, omitted)).message).toBe("horizon: 1.5 must be a whole number.");
  });

  it("a value of 0 or below in a multiplicative history names its row", () => {
    const call = () => forecastHw(column(362, 385, 0, 341, 382, 409, 498, 387), 4, 4, "multiplicative", omitted, omitted, omitted);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: "history, row 3: 0 must be greater than 0." });
    withOfficeLanguage("zh-CN", () => expect(excelError(call)).toEqual({ code: "#VALUE!", message: "参数“历史数据”第 3 行：0 必须大于 0。" }));
    expect(excelError(() => forecastHwParams(column(362, 385, 432, -341, 382, 409, 498, 387), 4, "multiplicative")).message).toBe(
      "history, row 4: -341 must be greater than 0.",
    );
  });

  it("a smoothing parameter outside [0, 1], an unknown model, a window longer than the history", () => {
    expect(excelError(() => forecastSes(QUARTERS, 1, 1.5)).message).toBe("alpha: 1.5 is above the maximum of 1.");
    expect(excelError(() => forecastHolt(QUARTERS, 1, 0.5, -0.1)).message).toBe("beta: -0.1 is below the minimum of 0.");
    expect(excelError(() => forecastHw(QUARTERS, 1, 4, "seasonal", omitted, omitted, omitted)).message).toBe(
      'model: "seasonal" is not one of "additive" or "multiplicative".',
    );
    expect(excelError(() => forecastMa(QUARTERS, 9, omitted)).message).toBe("history has 8 values but needs at least 9. Select a longer history.");
  });

  it("actual and forecast of different lengths for FORECAST.ACCURACY", () => {
    expect(excelError(() => forecastAccuracy(column(1, 2, 3), column(1, 2), omitted, omitted)).message).toBe(
      "forecast has 2 cells but actual has 3. Select ranges of the same size.",
    );
  });
});
