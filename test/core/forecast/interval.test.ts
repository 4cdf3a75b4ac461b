import fc from "fast-check";
import { Fit, forecastInterval, holtWintersFit, predictionBand, psiWeight, residualSd, varianceFactors } from "../../../src/core/forecast";
import { thrown } from "../../support/core-error";
import { readCsv } from "../../support/fixtures";

/**
 * FORECAST.INTERVAL's core against R's `predict.HoltWinters(…, prediction.interval = TRUE)` formula
 * (R's stats/R/HoltWinters.R, `vars(h)`): pieces worked by hand on small cases, and the NIST quarterly
 * sales at α = 0.5, β = 0.3, γ = 0.4. R's printed intervals are not among the fixtures: the NIST case
 * builds the expected band from R's own one-step residuals (the trace fixture), R's forecasts and the
 * published formula, independently of the implementation — it checks our implementation of R's formula
 * against R's residuals, not against R's printed intervals.
 */

const NIST = readCsv("forecast/nist_quarterly_sales.csv").map((r) => Number(r.value));
const R_TRACE = readCsv("forecast/r_hw_add_fixed_nist_trace.csv").map((r) => ({ y: Number(r.y), xhat: Number(r.xhat) }));
const R_FORECAST = readCsv("forecast/r_hw_add_fixed_nist_forecast.csv").map((r) => Number(r.forecast));
const series = (name: string) => readCsv(`forecast2/input_${name}.csv`).map((r) => Number(r.value));
const AIR = series("airpassengers");
const USACC = series("usaccdeaths");
const UKGAS = series("ukgas");
const NILE = series("nile");
const HURON = series("lakehuron");

/** R's qnorm(0.975), as R prints it. */
const Z95 = 1.959963984540054;

const expectClose = (actual: number, expected: number, tolerance = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

describe("R's interval formula, piece by piece, on cases worked by hand", () => {
  it("SES on {10, 12, 11, 13}, α = 0.5: residuals 2, 0, 2 → σ² = 4/3; Var(h) = σ²(1 + (h−1)·0.25)", () => {
    // l = 10; t=2: ŷ 10, e 2, l 11; t=3: ŷ 11, e 0, l 11; t=4: ŷ 11, e 2, l 12. Mean residual 4/3,
    // squared deviations 4/9 + 16/9 + 4/9 = 8/3, over n − 1 = 2: σ² = 4/3. ψ_j = α = 0.5.
    const band = forecastInterval([10, 12, 11, 13], 3, { model: "ses", alpha: 0.5 });
    const variances = [4 / 3, (4 / 3) * 1.25, (4 / 3) * 1.5];
    expect(band.forecast).toEqual([12, 12, 12]);
    band.lower.forEach((lower, i) => expectClose(lower, 12 - Z95 * Math.sqrt(variances[i]!), 1e-14));
    band.upper.forEach((upper, i) => expectClose(upper, 12 + Z95 * Math.sqrt(variances[i]!), 1e-14));
  });

  it("Holt on {10, 12, 15, 14, 18}, α = β = 0.5: residuals 1, −2.75, 1.0625 → σ² = 21966/4608; ψ₁ = 0.75, ψ₂ = 1", () => {
    // l = 12, b = 2. t=3: ŷ 14, e 1, l 14.5, b 2.25; t=4: ŷ 16.75, e −2.75, l 15.375, b 1.5625;
    // t=5: ŷ 16.9375, e 1.0625, l 17.46875, b 1.828125. In sixteenths the residuals are 16, −44, 17: mean
    // −11/3, deviations 59/3, −121/3, 62/3, squares 21966/9 → σ² = 21966/(9·256·2) = 21966/4608.
    const sigma2 = 21966 / 4608;
    const factors = [1, 1 + 0.75 ** 2, 1 + 0.75 ** 2 + 1];
    const forecasts = [19.296875, 21.125, 22.953125];
    const band = forecastInterval([10, 12, 15, 14, 18], 3, { model: "holt", alpha: 0.5, beta: 0.5 });
    expect(band.forecast).toEqual(forecasts);
    band.upper.forEach((upper, i) => expectClose(upper, forecasts[i]! + Z95 * Math.sqrt(sigma2 * factors[i]!), 1e-14));
    band.lower.forEach((lower, i) => expectClose(lower, forecasts[i]! - Z95 * Math.sqrt(sigma2 * factors[i]!), 1e-14));
  });

  it("ψ_j = α(1 + jβ) + [j mod m = 0]·γ(1 − α): α .5, β .2, γ .4, m 2 → 0.7, 0.6, 0.9, 0.8, 1.1", () => {
    expect([0, 1, 2, 3, 4].map((j) => psiWeight(j, 0.5, 0.2, 0.4, 2))).toEqual([0.7, 0.6, 0.9, 0.8, 1.1].map((x, j) => expect.closeTo(x, 15 - (j > 3 ? 1 : 0))));
    // Without season (m = 1, γ = 0) and without trend (β = 0): ψ_j = α.
    expect(psiWeight(7, 0.3, 0, 0, 1)).toBe(0.3);
  });

  const synthetic = (season: "additive" | "multiplicative"): Fit => ({
    recursion: { season, trend: true, period: 2, start: 2, level0: 0, trend0: 0, seasonals0: [0, 0] },
    smoothing: { alpha: 0.5, beta: 0.2, gamma: 0.4 },
    state: { sse: 0, level: 100, trend: 4, seasonals: [0.8, 1.25] },
  });

  it("additive variance sum: 1, 1 + ψ₁², … = 1, 1.36, 2.17, 2.81, 4.02 (α .5, β .2, γ .4, m 2)", () => {
    varianceFactors(synthetic("additive"), 5).forEach((f, i) => expectClose(f, [1, 1.36, 2.17, 2.81, 4.02][i]!, 1e-15));
  });

  it("multiplicative variance with R's index quirk: the divisor is the trend b_T when (rel − j) mod m = 0", () => {
    // a = 100, b = 4, s₁ = 0.8, s₂ = 1.25; ψ₀ = 0.7, ψ₁ = 0.6, ψ₂ = 0.9, ψ₃ = 0.8.
    // h=1, rel 1: j=0 → k=1, d = s₁: (0.7·s₁/s₁)² = 0.49.
    // h=2, rel 2: j=0 → k=0, d = b = 4: (0.7·1.25/4)² = 0.0478515625; j=1 → k=1: (0.6·1.25/0.8)² = 0.87890625.
    // h=3, rel 1: 0.49 + (0.6·0.8/4)² [k=0] + (0.9·0.8/0.8)² [k=1] = 0.49 + 0.0144 + 0.81.
    // h=4, rel 2: 0.0478515625 + 0.87890625 + (0.9·1.25/4)² [k=0] + (0.8·1.25/0.8)² [k=1] = … + 0.0791015625 + 1.5625.
    const expected = [0.49, 0.0478515625 + 0.87890625, 0.49 + 0.0144 + 0.81, 0.0478515625 + 0.87890625 + 0.0791015625 + 1.5625];
    varianceFactors(synthetic("multiplicative"), 4).forEach((f, i) => expectClose(f, expected[i]!, 1e-15));
    // Were d = s_m at k = 0 (no quirk), h = 2 would start with (0.7·1.25/1.25)² = 0.49 instead.
    expect(varianceFactors(synthetic("multiplicative"), 2)[1]).not.toBeCloseTo(0.49 + 0.87890625, 3);
  });

  it("multiplicative horizons beyond the season reuse each rel's running sum exactly as a fresh sum would", () => {
    const fit = synthetic("multiplicative");
    const factors = varianceFactors(fit, 9);
    for (let h = 1; h <= 9; h++) {
      const rel = 1 + ((h - 1) % 2);
      let sum = 0;
      for (let j = 0; j < h; j++) {
        const k = (((rel - j) % 2) + 2) % 2;
        const d = k === 0 ? 4 : [0.8, 1.25][k - 1]!;
        sum += ((psiWeight(j, 0.5, 0.2, 0.4, 2) * [0.8, 1.25][rel - 1]!) / d) ** 2;
      }
      expect(factors[h - 1]).toBe(sum);
    }
  });

  it("σ² is the sample variance (n − 1) of the residuals, mean subtracted, without overflow", () => {
    const rows = [3, -1, 4, 0].map((e, index) => ({ index, y: 10 + e, fitted: 10, level: 0, trend: 0, season: 0 }));
    // mean 1.5; deviations 1.5, −2.5, 2.5, −1.5; squares 2.25 + 6.25 + 6.25 + 2.25 = 17; /3.
    expect(residualSd(rows) ** 2).toBeCloseTo(17 / 3, 14);
    const huge = rows.map((r) => ({ ...r, y: r.y * 1e300, fitted: r.fitted * 1e300 }));
    expectClose(residualSd(huge), 1e300 * Math.sqrt(17 / 3), 1e-14);
  });
});

describe("the NIST quarterly sales, additive, α = 0.5, β = 0.3, γ = 0.4 (R's residuals and forecasts)", () => {
  // Expected band built here, from the fixtures and the formula only: σ² = var(y − xhat) over R's 20
  // traced steps (n − 1 = 19), ψ_j = 0.5(1 + 0.3j) + [j mod 4 = 0]·0.4·0.5, Var(h) = σ²(1 + Σ_{j<h} ψ_j²).
  const residuals = R_TRACE.map((r) => r.y - r.xhat);
  const mean = residuals.reduce((a, b) => a + b, 0) / residuals.length;
  const sigma2 = residuals.reduce((a, e) => a + (e - mean) ** 2, 0) / (residuals.length - 1);
  const psi = (j: number) => 0.5 * (1 + 0.3 * j) + (j % 4 === 0 ? 0.2 : 0);
  const variance = (h: number) => sigma2 * (1 + Array.from({ length: h - 1 }, (_, i) => psi(i + 1) ** 2).reduce((a, b) => a + b, 0));

  it("reads R's 20 one-step residuals (σ² ≈ 1,529 from SSE 29,049.96)", () => {
    expect(residuals).toHaveLength(20);
    expect(sigma2).toBeGreaterThan(1400);
    expect(sigma2).toBeLessThan(1600);
  });

  for (const level of [0.95, 0.8]) {
    it(`gives R's forecasts ± qnorm(${(1 + level) / 2})·√Var(h) for 8 quarters to 1e-9 relative`, () => {
      const z = level === 0.95 ? Z95 : 1.2815515655446004; // R: qnorm(0.9)
      const band = forecastInterval(NIST, 8, { seasonLength: 4, model: "additive", level, alpha: 0.5, beta: 0.3, gamma: 0.4 });
      for (let h = 1; h <= 8; h++) {
        expectClose(band.forecast[h - 1]!, R_FORECAST[h - 1]!);
        expectClose(band.lower[h - 1]!, R_FORECAST[h - 1]! - z * Math.sqrt(variance(h)));
        expectClose(band.upper[h - 1]!, R_FORECAST[h - 1]! + z * Math.sqrt(variance(h)));
      }
    });
  }

  it("defaults to the additive model and level 0.95 when a season length is given", () => {
    const band = forecastInterval(NIST, 2, { seasonLength: 4, alpha: 0.5, beta: 0.3, gamma: 0.4 });
    expectClose(band.upper[1]!, R_FORECAST[1]! + Z95 * Math.sqrt(variance(2)));
  });
});

describe("properties of the band (fixtures and generated series)", () => {
  const cases: Array<[string, number[], number, "ses" | "holt" | "additive" | "multiplicative"]> = [
    ["AirPassengers", AIR, 12, "multiplicative"],
    ["AirPassengers", AIR, 12, "additive"],
    ["USAccDeaths", USACC, 12, "additive"],
    ["UKgas", UKGAS, 4, "multiplicative"],
    ["Nile", NILE, 1, "holt"],
    ["Nile", NILE, 1, "ses"],
    ["LakeHuron", HURON, 1, "holt"],
  ];

  it.each(cases)("%s (m = %p, %s, parameters fitted): symmetric around the forecast, 80%% inside 95%%", (_, values, m, model) => {
    const seasonLength = m > 1 ? m : undefined;
    const wide = forecastInterval(values, 24, { seasonLength, model });
    const narrow = forecastInterval(values, 24, { seasonLength, model, level: 0.8 });
    expect(narrow.forecast).toEqual(wide.forecast);
    for (let i = 0; i < 24; i++) {
      const f = wide.forecast[i]!;
      expectClose(wide.upper[i]! - f, f - wide.lower[i]!, 1e-12);
      expect(wide.lower[i]!).toBeLessThan(narrow.lower[i]!);
      expect(narrow.lower[i]!).toBeLessThan(f);
      expect(narrow.upper[i]!).toBeLessThan(wide.upper[i]!);
      // Half-widths scale with the quantile: z(0.9)/z(0.975).
      expectClose((narrow.upper[i]! - f) / (wide.upper[i]! - f), 1.2815515655446004 / Z95, 1e-9);
    }
  });

  it.each(cases.filter((c) => c[3] !== "multiplicative"))("%s (m = %p, %s): the band widens with every step (additive models)", (_, values, m, model) => {
    const band = forecastInterval(values, 36, { seasonLength: m > 1 ? m : undefined, model });
    for (let i = 1; i < 36; i++) expect(band.upper[i]! - band.forecast[i]!).toBeGreaterThanOrEqual(band.upper[i - 1]! - band.forecast[i - 1]!);
  });

  it("on generated seasonal series: additive half-widths never shrink and match √(σ²·factor)·z", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((m) => fc.tuple(fc.constant(m), fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2 * m + 2, maxLength: 5 * m }))),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        ([m, values], level) => {
          const given = { alpha: 0.4, beta: 0.1, gamma: 0.3 };
          const band = predictionBand(holtWintersFit(values, m, "additive", given), values, 2 * m + 1, level);
          for (let i = 1; i < band.forecast.length; i++) {
            expect(band.upper[i]! - band.forecast[i]!).toBeGreaterThanOrEqual(band.upper[i - 1]! - band.forecast[i - 1]! - 1e-9);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("collapses onto the forecast when the fit is perfect (a straight line, Holt with α = β = 1)", () => {
    const band = forecastInterval([5, 7, 9, 11, 13, 15], 3, { model: "holt", alpha: 1, beta: 1 });
    expect(band.forecast).toEqual([17, 19, 21]);
    expect(band.lower).toEqual(band.forecast);
    expect(band.upper).toEqual(band.forecast);
  });
});

describe("FORECAST.INTERVAL's checks", () => {
  it("refuses a level outside (0, 1) and reads 95 as a percentage typed as a number", () => {
    expect(thrown(() => forecastInterval(NIST, 4, { seasonLength: 4, level: 0 }))).toMatchObject({ code: "TOO_SMALL", details: { arg: "level", exclusive: true } });
    expect(thrown(() => forecastInterval(NIST, 4, { seasonLength: 4, level: 1 }))).toMatchObject({ code: "TOO_LARGE", details: { arg: "level", max: 1, exclusive: true } });
    expect(thrown(() => forecastInterval(NIST, 4, { seasonLength: 4, level: 95 }))).toMatchObject({ code: "RATE_AS_PERCENT", details: { arg: "level", value: 95 } });
    expect(thrown(() => forecastInterval(NIST, 4, { seasonLength: 4, level: 101 }))).toMatchObject({ code: "TOO_LARGE", details: { arg: "level" } });
    expect(thrown(() => forecastInterval(NIST, 4, { seasonLength: 4, level: NaN }))).toMatchObject({ code: "TOO_SMALL" });
  });

  it("needs a history long enough for the model: SES 3, Holt 4, Holt-Winters two seasons", () => {
    expect(thrown(() => forecastInterval([1, 2], 1, { model: "ses" }))).toMatchObject({ code: "TOO_FEW_VALUES", details: { length: 2, needed: 3 } });
    expect(thrown(() => forecastInterval([1, 2, 3], 1))).toMatchObject({ code: "TOO_FEW_VALUES", details: { needed: 4 } });
    expect(thrown(() => forecastInterval(NIST.slice(0, 7), 1, { seasonLength: 4 }))).toMatchObject({ code: "TOO_FEW_VALUES", details: { length: 7, needed: 8 } });
    expect(forecastInterval([1, 2, 4], 1, { model: "ses" }).forecast).toHaveLength(1);
  });

  it("needs season_length for a seasonal model, and refuses a season or γ (or β for SES) the model does not use", () => {
    expect(thrown(() => forecastInterval(NIST, 4, { model: "additive" }))).toMatchObject({ code: "NEEDED_WITH_OPTION", details: { arg: "season_length", because: "model", value: "additive" } });
    expect(thrown(() => forecastInterval(NIST, 4, { model: "holt", seasonLength: 4 }))).toMatchObject({ code: "UNUSED_ARGUMENT", details: { arg: "season_length", value: "holt" } });
    expect(thrown(() => forecastInterval(NIST, 4, { model: "holt", gamma: 0.2 }))).toMatchObject({ code: "UNUSED_ARGUMENT", details: { arg: "gamma" } });
    expect(thrown(() => forecastInterval(NIST, 4, { model: "ses", beta: 0.2 }))).toMatchObject({ code: "UNUSED_ARGUMENT", details: { arg: "beta" } });
    expect(thrown(() => forecastInterval(NIST, 4, { seasonLength: 1, model: "multiplicative" }))).toMatchObject({ code: "TOO_SMALL", details: { arg: "season_length", min: 2 } });
    // season_length 1 means no season: Holt by default.
    expect(forecastInterval(NIST, 2, { seasonLength: 1 })).toEqual(forecastInterval(NIST, 2, { model: "holt" }));
  });

  it("refuses smoothing parameters outside [0, 1], a bad horizon, a 0 in a multiplicative history", () => {
    expect(thrown(() => forecastInterval(NIST, 4, { seasonLength: 4, alpha: 1.5 }))).toMatchObject({ code: "TOO_LARGE", details: { arg: "alpha" } });
    expect(thrown(() => forecastInterval(NIST, 0, { seasonLength: 4 }))).toMatchObject({ code: "TOO_SMALL", details: { arg: "horizon" } });
    const withZero = [...NIST];
    withZero[5] = 0;
    expect(thrown(() => forecastInterval(withZero, 4, { seasonLength: 4, model: "multiplicative" }))).toMatchObject({ code: "TOO_SMALL", details: { arg: "history", index: 5 } });
  });

  it("shows the quirk on AirPassengers (multiplicative, fitted; b_T ≈ 3.02): the band at h = 12 is narrower than at h = 11 and 13", () => {
    const band = forecastInterval(AIR, 13, { seasonLength: 12, model: "multiplicative" });
    const half = band.upper.map((u, i) => u - band.forecast[i]!);
    expect(half[11]!).toBeLessThan(half[10]!);
    expect(half[11]!).toBeLessThan(half[12]!);
    expect(half.slice(10, 13).map((h) => h.toFixed(1))).toEqual(["26.7", "22.3", "36.4"]); // as docs/functions.md says
  });

  it("is #NUM! when R's quirk divides by a trend of exactly 0 (multiplicative, from h = m on)", () => {
    const flat = [10, 20, 10, 20, 10, 20, 10, 20];
    // β = 0 keeps the start trend, which is 0 for this series; up to h = m − 1 the band is finite.
    expect(forecastInterval(flat, 1, { seasonLength: 2, model: "multiplicative", alpha: 0.5, beta: 0, gamma: 0.5 }).upper[0]).toBeGreaterThan(0);
    expect(thrown(() => forecastInterval(flat, 2, { seasonLength: 2, model: "multiplicative", alpha: 0.5, beta: 0, gamma: 0.5 }))).toMatchObject({ code: "RESULT_OUT_OF_RANGE", kind: "num" });
  });
});
