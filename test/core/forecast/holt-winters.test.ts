import { decompose, holtFit, holtForecast, holtWintersFit, holtWintersForecast, recursionFor, runRecursion, seasonalStartValues, sesForecast, TraceRow } from "../../../src/core/forecast";
import { readCsv } from "../../support/fixtures";

/**
 * The Holt-Winters recursion against R 4.2.2's own output (fixtures in test/fixtures/forecast, see
 * its README): the NIST/SEMATECH quarterly example with α=0.5, β=0.3, γ=0.4, and R's `decompose()` start
 * values for the first 24 months of AirPassengers. Agreement is asked to 1e-9 relative.
 */

const NIST = readCsv("forecast/nist_quarterly_sales.csv").map((r) => Number(r.value));
const AIR = readCsv("forecast/airpassengers.csv").map((r) => Number(r.value));
const R_PARAMS = Object.fromEntries(readCsv("forecast/r_hw_add_fixed_nist_params.csv").map((r) => [r.key, r.value?.trim()]));
const R_TRACE = readCsv("forecast/r_hw_add_fixed_nist_trace.csv").map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])));
const R_FORECAST = readCsv("forecast/r_hw_add_fixed_nist_forecast.csv").map((r) => Number(r.forecast));

/** |actual − expected| ≤ 1e-9·|expected| (or 1e-9 absolute around 0). */
function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Number.isFinite(expected)).toBe(true);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1));
}

describe("additive Holt-Winters on the NIST quarterly sales, α=0.5 β=0.3 γ=0.4 (R 4.2.2)", () => {
  const given = { alpha: 0.5, beta: 0.3, gamma: 0.4 };

  it("reads the fixtures (20 traced steps from t = 5, 24 values, 8 forecasts)", () => {
    expect(NIST).toHaveLength(24);
    expect(R_TRACE).toHaveLength(20);
    expect(R_TRACE[0]?.t).toBe(5);
    expect(R_FORECAST).toHaveLength(8);
  });

  it("reproduces R's full state trace: one-step fit and the prior level, trend and season of every step", () => {
    const trace: TraceRow[] = [];
    runRecursion(NIST, recursionFor(NIST, "additive", 4), given, trace);
    expect(trace).toHaveLength(R_TRACE.length);
    trace.forEach((row, i) => {
      const r = R_TRACE[i]!;
      expect(row.index + 1).toBe(r.t);
      expect(row.y).toBe(r.y);
      expectClose(row.fitted, r.xhat!);
      expectClose(row.level, r.level!);
      expectClose(row.trend, r.trend!);
      expectClose(row.season, r.season!);
    });
  });

  it("ends with R's level a, trend b, seasonals s1–s4 and SSE", () => {
    const { state, smoothing } = holtWintersFit(NIST, 4, "additive", given);
    expect(smoothing).toEqual(given);
    expectClose(state.level, Number(R_PARAMS.a));
    expectClose(state.trend, Number(R_PARAMS.b));
    state.seasonals.forEach((s, i) => expectClose(s, Number(R_PARAMS[`s${i + 1}`])));
    expectClose(state.sse, Number(R_PARAMS.SSE));
  });

  it("forecasts R's 8 quarters", () => {
    const forecasts = holtWintersForecast(NIST, 8, 4, "additive", given);
    expect(forecasts).toHaveLength(8);
    forecasts.forEach((f, i) => expectClose(f, R_FORECAST[i]!));
  });
});

describe("R's start values (decompose of the first two seasons)", () => {
  const R_DECOMPOSE = readCsv("forecast/r_decompose_airpassengers_first24_additive.csv");

  it("match R's decompose() trend and seasonal figure for the first 24 months of AirPassengers", () => {
    const first24 = AIR.slice(0, 24);
    const { trend, figure } = decompose(first24, 12, "additive");
    R_DECOMPOSE.forEach((r, i) => {
      if (r.trend === "NA") expect(trend[i]).toBeNull();
      else expectClose(trend[i] as number, Number(r.trend));
      expectClose(figure[i % 12]!, Number(r.seasonal));
    });
    expect(trend.filter((t) => t !== null)).toHaveLength(12);
  });

  it("take l.start and b.start from a least-squares line through the 12 trend values, s.start from the figure", () => {
    const trendValues = R_DECOMPOSE.filter((r) => r.trend !== "NA").map((r) => Number(r.trend));
    // Independent closed form: slope = Σ(t − 6.5)(y − ȳ) / Σ(t − 6.5)², intercept = ȳ − 6.5·slope, t = 1..12.
    const mean = trendValues.reduce((a, b) => a + b, 0) / 12;
    const slope = trendValues.reduce((a, y, i) => a + (i + 1 - 6.5) * (y - mean), 0) / 143;
    const start = seasonalStartValues(AIR, 12, "additive");
    expectClose(start.trend, slope);
    expectClose(start.level, mean - 6.5 * slope);
    start.seasonals.forEach((s, i) => expectClose(s, Number(R_DECOMPOSE[i]!.seasonal)));
  });

  it("centre a multiplicative figure on a mean of 1", () => {
    const { figure } = decompose(AIR.slice(0, 24), 12, "multiplicative");
    expectClose(figure.reduce((a, b) => a + b, 0) / 12, 1);
    expect(Math.min(...figure)).toBeGreaterThan(0.8);
  });
});

describe("simple exponential smoothing and Holt", () => {
  it("SES with α = 0.3 starting from the first value forecasts 35.8409 after {30,25,35,25,20,30,35,40,30,45}", () => {
    const [next] = sesForecast([30, 25, 35, 25, 20, 30, 35, 40, 30, 45], 3, 0.3);
    expect(next!.toFixed(4)).toBe("35.8409");
    expect(sesForecast([30, 25, 35, 25, 20, 30, 35, 40, 30, 45], 3, 0.3)).toEqual([next, next, next]);
  });

  it("Holt with α = β = 0.5 on {10, 12, 15, 14}: l₂ = 12, b₂ = 2 → forecasts 16.9375, 18.5 and SSE 8.5625 (by hand)", () => {
    // t=3: ŷ = 14, e = 1, l = 14.5, b = 2.25; t=4: ŷ = 16.75, e = −2.75, l = 15.375, b = 1.5625.
    expect(holtForecast([10, 12, 15, 14], 2, 0.5, 0.5)).toEqual([16.9375, 18.5]);
    expect(holtFit([10, 12, 15, 14], 0.5, 0.5).state.sse).toBe(8.5625);
  });

  it("Holt follows a straight line exactly, whatever the parameters", () => {
    expect(holtForecast([3, 5, 7, 9, 11], 3)).toEqual([13, 15, 17]);
    expect(holtForecast([3, 5, 7, 9, 11], 2, 0.2, 0.9)).toEqual([13, 15]);
  });
});
