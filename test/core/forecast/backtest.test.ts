import {
  backtest,
  BacktestMethod,
  forecastAccuracy,
  holtForecast,
  holtWintersForecast,
  linearForecastInterval,
  Metric,
  movingAverageForecast,
  sesForecast,
} from "../../../src/core/forecast";
import { thrown } from "../../support/core-error";
import { readCsv } from "../../support/fixtures";

/**
 * FORECAST.BACKTEST's core: every method that can run, fitted on all but the last `holdout` values,
 * scored on them as FORECAST.ACCURACY scores, best RMSE first. Each row is checked against the product's
 * own single-method functions run on the training part (FORECAST.MA/SES/HOLT/HW/LINEAR), scored by
 * FORECAST.ACCURACY with the training part as MASE's scale.
 */

const series = (name: string) => readCsv(`forecast2/input_${name}.csv`).map((r) => Number(r.value));
const UKGAS = series("ukgas");
const NILE = series("nile");

const value = (metric: Metric): number => {
  if (typeof metric !== "number") throw new Error(`expected a number, got ${JSON.stringify(metric)}`);
  return metric;
};
const expectClose = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

/** The forecasts each method's own function gives for the held-out periods. */
function separately(method: BacktestMethod, training: number[], holdout: number, m: number): number[] {
  switch (method) {
    case "ma":
      return movingAverageForecast(training, m > 1 ? m : 3, holdout);
    case "ses":
      return sesForecast(training, holdout);
    case "holt":
      return holtForecast(training, holdout);
    case "hw-additive":
      return holtWintersForecast(training, holdout, m, "additive");
    case "hw-multiplicative":
      return holtWintersForecast(training, holdout, m, "multiplicative");
    case "linear":
      return linearForecastInterval(training, holdout, m).forecast;
  }
}

describe.each([
  ["UKgas", UKGAS, 8, 4, ["ma", "ses", "holt", "hw-additive", "hw-multiplicative", "linear"]],
  ["Nile", NILE, 10, 1, ["ma", "ses", "holt", "linear"]],
])("%s, holdout %p, season %p", (_, history, holdout, m, methods) => {
  const rows = backtest(history, holdout, m);
  const training = history.slice(0, history.length - holdout);
  const actual = history.slice(history.length - holdout);

  it(`runs ${methods.length} methods: ${methods.join(", ")}`, () => {
    expect(rows.map((r) => r.method).sort()).toEqual([...methods].sort());
    expect(rows.find((r) => r.method === "ma")?.window).toBe(m > 1 ? m : 3);
  });

  it("scores each method as its own function and FORECAST.ACCURACY would (MASE on the training part)", () => {
    for (const row of rows) {
      const expected = forecastAccuracy(actual, separately(row.method, training, holdout, m), training, m);
      expectClose(value(row.metrics.mae), value(expected.mae), 1e-12);
      expectClose(value(row.metrics.rmse), value(expected.rmse), 1e-12);
      expectClose(value(row.metrics.mape), value(expected.mape), 1e-12);
      expectClose(value(row.metrics.mase), value(expected.mase), 1e-12);
    }
  });

  it("lists the best RMSE first", () => {
    const rmse = rows.map((r) => value(r.metrics.rmse));
    expect(rmse).toEqual([...rmse].sort((a, b) => a - b));
  });
});

describe("ties, cells that cannot be computed, methods left out", () => {
  it("keeps the stated order on equal RMSE: a constant series is forecast exactly by every method", () => {
    const rows = backtest(new Array<number>(12).fill(40), 3);
    expect(rows.map((r) => r.method)).toEqual(["ma", "ses", "holt", "linear"]);
    for (const row of rows) {
      expect(row.metrics.rmse).toBe(0);
      expect(row.metrics.mape).toBe(0);
      expect(row.metrics.mase).toEqual({ error: "div0" }); // the training series never changes
    }
  });

  it("shows MAPE #DIV/0! when a held-out actual is 0, the other metrics still", () => {
    const rows = backtest([5, 7, 6, 8, 7, 9, 0], 1);
    for (const row of rows) {
      expect(row.metrics.mape).toEqual({ error: "div0" });
      expect(typeof row.metrics.rmse).toBe("number");
    }
  });

  it("shows MASE #N/A, saying how long a history would do, when the training part is no longer than a season", () => {
    // 12 values, holdout 6, m = 4: training 6 > 4 has a scale. m = 6: training 6 is not > 6.
    const history = [12, 15, 11, 14, 13, 16, 12, 15, 11, 14, 13, 16];
    const rows = backtest(history, 6, 6);
    expect(rows.map((r) => r.method).sort()).toEqual(["holt", "ma", "ses"]);
    for (const row of rows) expect(row.metrics.mase).toMatchObject({ error: "na", because: { code: "TOO_FEW_VALUES", details: { arg: "history", length: 12, needed: 13 } } });
    expect(typeof backtest(history, 6, 4)[0]!.metrics.mase).toBe("number");
  });

  it("leaves out what cannot run: Holt-Winters before two seasons of training, multiplicative with a value ≤ 0, LINEAR before m + 2", () => {
    const seasonal = [10, 14, 9, 12, 11, 15, 10, 13, 12, 16, 11, 14];
    expect(backtest(seasonal, 5, 4).map((r) => r.method).sort()).toEqual(["holt", "linear", "ma", "ses"]); // training 7 < 8
    expect(backtest(seasonal, 4, 4).map((r) => r.method).sort()).toEqual(["holt", "hw-additive", "hw-multiplicative", "linear", "ma", "ses"]);
    const withZero = [...seasonal];
    withZero[2] = 0;
    expect(backtest(withZero, 4, 4).map((r) => r.method)).not.toContain("hw-multiplicative");
    expect(backtest(seasonal, 7, 4).map((r) => r.method).sort()).toEqual(["holt", "ma", "ses"]); // training 5 < m + 2
    expect(backtest(seasonal, 10, 4).map((r) => r.method)).toEqual(["ses"]);
  });

  it("scores a method whose fit overflows as #NUM! in every cell, after the methods that scored", () => {
    const rows = backtest([3e307, 5e307, 4e307, 6e307, 5e307, 7e307, 6e307, 8e307], 2);
    const last = rows[rows.length - 1]!;
    expect(last.metrics).toEqual({ mae: { error: "num" }, rmse: { error: "num" }, mape: { error: "num" }, mase: { error: "num" } });
    expect(typeof rows[0]!.metrics.rmse).toBe("number");
    expect(rows.map((r) => r.method)).toContain("linear");
  });
});

describe("FORECAST.BACKTEST's checks", () => {
  it("refuses a holdout that leaves fewer than 2 values to fit on, saying how long a history is needed", () => {
    expect(thrown(() => backtest([1, 2, 3, 4, 5], 4))).toMatchObject({ code: "HOLDOUT_TOO_LONG", details: { arg: "holdout", value: 4, length: 5, needed: 6 } });
    expect(thrown(() => backtest([1, 2, 3], 3, 12))).toMatchObject({ code: "HOLDOUT_TOO_LONG", details: { needed: 5 } });
    expect(backtest([1, 2, 3, 4, 5], 3).map((r) => r.method)).toEqual(["ses"]);
  });

  it("refuses a holdout or season length that is not a whole number in range", () => {
    expect(thrown(() => backtest(NILE, 0))).toMatchObject({ code: "TOO_SMALL", details: { arg: "holdout", min: 1 } });
    expect(thrown(() => backtest(NILE, 2.5))).toMatchObject({ code: "NOT_INTEGER", details: { arg: "holdout" } });
    expect(thrown(() => backtest(NILE, 10, 0))).toMatchObject({ code: "TOO_SMALL", details: { arg: "season_length" } });
    expect(thrown(() => backtest(NILE, 10, 367))).toMatchObject({ code: "TOO_LARGE", details: { arg: "season_length" } });
    expect(thrown(() => backtest(new Array<number>(100_001).fill(1), 10))).toMatchObject({ code: "TOO_MANY_VALUES" });
  });
});
