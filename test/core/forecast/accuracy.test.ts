import { forecastAccuracy } from "../../../src/core/forecast";
import { thrown } from "../../support/core-error";

/** Accuracy metrics on small vectors worked by hand (e = actual − forecast). */

const ACTUAL = [100, 200, 300, 400];
const FORECAST = [110, 190, 330, 400];
// |e| = 10, 10, 30, 0.

describe("forecast accuracy", () => {
  it("MAE 12.5, RMSE √275, MAPE 6.25 %, sMAPE 550/91 %", () => {
    const a = forecastAccuracy(ACTUAL, FORECAST);
    expect(a.mae).toBe(12.5);
    expect(a.rmse).toBeCloseTo(Math.sqrt(275), 12); // (100 + 100 + 900 + 0) / 4
    expect(a.mape).toBeCloseTo(6.25, 12); // (10/100 + 10/200 + 30/300 + 0) / 4
    expect(a.smape).toBeCloseTo(550 / 91, 12); // (20/210 + 20/390 + 60/630 + 0) / 4 = 22/91 / 4
  });

  it("MASE scales MAE by the training series' mean change over one period, or over a season", () => {
    const training = [10, 20, 40, 30, 50];
    // naive (m = 1): |20−10|, |40−20|, |30−40|, |50−30| → mean 15; 12.5 / 15
    expect(forecastAccuracy(ACTUAL, FORECAST, training).mase).toBeCloseTo(12.5 / 15, 12);
    // m = 2: |40−10|, |30−20|, |50−40| → mean 50/3; 12.5 / (50/3) = 0.75
    expect(forecastAccuracy(ACTUAL, FORECAST, training, 2).mase).toBeCloseTo(0.75, 12);
  });

  it("MASE is #N/A without training data, and #DIV/0! when training never changes", () => {
    expect(forecastAccuracy(ACTUAL, FORECAST).mase).toMatchObject({ error: "na", because: { code: "NEEDED_FOR", details: { arg: "training", result: "MASE" } } });
    expect(forecastAccuracy(ACTUAL, FORECAST, [5, 5, 5]).mase).toEqual({ error: "div0" });
  });

  it("a zero actual makes MAPE #DIV/0! and leaves the other metrics", () => {
    const a = forecastAccuracy([0, 100], [5, 90]);
    expect(a.mape).toEqual({ error: "div0" });
    expect(a.mae).toBe(7.5);
    expect(a.rmse).toBeCloseTo(Math.sqrt(62.5), 12);
    expect(a.smape).toBeCloseTo(((2 * 5) / 5 + (2 * 10) / 190) * 50, 12);
  });

  it("sMAPE is #DIV/0! only when an actual and its forecast are both 0", () => {
    const a = forecastAccuracy([0, 100], [0, 90]);
    expect(a.smape).toEqual({ error: "div0" });
    expect(a.mape).toEqual({ error: "div0" });
    expect(a.mae).toBe(5);
  });

  it("a perfect forecast scores 0 everywhere", () => {
    expect(forecastAccuracy(ACTUAL, ACTUAL, [1, 2, 3])).toEqual({ mae: 0, rmse: 0, mape: 0, smape: 0, mase: 0 });
  });

  it("an overflowing metric is #NUM! in its own cell", () => {
    const a = forecastAccuracy([1e308, -1e308], [-1e308, 1e308]);
    expect(a.mae).toEqual({ error: "num" });
    expect(a.rmse).toEqual({ error: "num" });
    expect(forecastAccuracy([1e308, 1], [-1e308, 1]).mae).toEqual({ error: "num" });
    expect(forecastAccuracy([1e308, 1], [1e308, 2]).mae).toBe(0.5);
  });

  it("rejects training data shorter than a season plus one", () => {
    const error = thrown(() => forecastAccuracy(ACTUAL, FORECAST, [1, 2, 3], 3));
    expect(error.code).toBe("TOO_FEW_VALUES");
    expect(error.details).toEqual({ arg: "training", length: 3, needed: 4 });
  });
});
