import fc from "fast-check";
import { leverage, linearForecastInterval, regressionBand, seasonalRegression } from "../../../src/core/forecast";
import { studentTQuantile } from "../../../src/core/shared/student-t";
import { thrown } from "../../support/core-error";
import { readCsv } from "../../support/fixtures";

/**
 * FORECAST.LINEAR's core: R's lm(y ~ t + factor(season)) solved by Householder QR, with the prediction
 * interval of predict.lm. Checked against a 3×3 system solved by hand, Excel's FORECAST.LINEAR closed
 * form, the one-way analysis-of-covariance closed form (computed here with plain sums), and numpy 2.4's
 * LAPACK QR with scipy 1.17's t quantile on USAccDeaths.
 */

const series = (name: string) => readCsv(`forecast2/input_${name}.csv`).map((r) => Number(r.value));
const USACC = series("usaccdeaths");
const NILE = series("nile");
const HURON = series("lakehuron");

const expectClose = (actual: number, expected: number, tolerance = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

describe("a 2-season example solved by hand: y = 3, 8, 5, 11, 6, 13 (m = 2, n = 6)", () => {
  // X = [1, t, d₂] (d₂ = 1 in even periods). XᵀX = [[6, 21, 3], [21, 91, 12], [3, 12, 3]],
  // Xᵀy = [46, 186, 32]. Solution: intercept 5/3, slope 1, season-2 effect 5 —
  // check: 6·5/3 + 21 + 15 = 46; 21·5/3 + 91 + 60 = 186; 3·5/3 + 12 + 15 = 32.
  // Fitted 8/3, 26/3, 14/3, 32/3, 20/3, 38/3 → residuals 1/3, −2/3, 1/3, 1/3, −2/3, 1/3: RSS = 12/9 = 4/3,
  // n − p = 3, s = 2/3. At t = 7 (season 1) and t = 8 (season 2): forecasts 26/3 and 44/3;
  // x₀ᵀ(XᵀX)⁻¹x₀ = 1/3 + (7 − 3)²/16 = 4/3 and 1/3 + (8 − 4)²/16 = 4/3 (season means of t: 3 and 4;
  // within-season Σ(t − t̄)² = 16). t(0.975, 3) = 3.182446305283708 (mpmath).
  const y = [3, 8, 5, 11, 6, 13];

  it("finds R's coefficients 5/3, 1, 5 and RSS 4/3 on 3 degrees of freedom", () => {
    const fit = seasonalRegression(y, 2);
    fit.coefficients.forEach((c, i) => expectClose(c, [5 / 3, 1, 5][i]!, 1e-14));
    expectClose(fit.rss, 4 / 3, 1e-13);
    expect(fit.df).toBe(3);
    expectClose(leverage(fit, 7, 0), 4 / 3, 1e-14);
    expectClose(leverage(fit, 8, 1), 4 / 3, 1e-14);
  });

  it("forecasts 26/3 and 44/3 ± 3.182446305283708 · (2/3) · √(7/3)", () => {
    const half = 3.182446305283708 * (2 / 3) * Math.sqrt(7 / 3);
    const band = linearForecastInterval(y, 2, 2);
    expectClose(band.forecast[0]!, 26 / 3, 1e-14);
    expectClose(band.forecast[1]!, 44 / 3, 1e-14);
    expectClose(band.lower[0]!, 26 / 3 - half, 1e-13);
    expectClose(band.upper[1]!, 44 / 3 + half, 1e-13);
  });
});

describe("without a season: the straight line of Excel's FORECAST.LINEAR / TREND", () => {
  it.each([
    ["Nile", NILE],
    ["LakeHuron", HURON],
  ])("%s: forecasts ȳ + b(x₀ − x̄), b = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)², with ± t·s·√(1 + 1/n + (x₀ − x̄)²/Sxx)", (_, y) => {
    const n = y.length;
    const xBar = (n + 1) / 2;
    const yBar = y.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    y.forEach((v, i) => {
      sxy += (i + 1 - xBar) * (v - yBar);
      sxx += (i + 1 - xBar) ** 2;
    });
    const slope = sxy / sxx;
    const rss = y.reduce((a, v, i) => a + (v - (yBar + slope * (i + 1 - xBar))) ** 2, 0);
    const q = studentTQuantile(0.9, n - 2);
    const band = linearForecastInterval(y, 10, undefined, 0.8);
    for (let h = 1; h <= 10; h++) {
      const x0 = n + h;
      const f = yBar + slope * (x0 - xBar);
      const half = q * Math.sqrt(rss / (n - 2)) * Math.sqrt(1 + 1 / n + (x0 - xBar) ** 2 / sxx);
      expectClose(band.forecast[h - 1]!, f, 1e-12);
      expectClose(band.upper[h - 1]!, f + half, 1e-12);
      expectClose(band.lower[h - 1]!, f - half, 1e-12);
    }
    expect(linearForecastInterval(y, 3, 1)).toEqual(linearForecastInterval(y, 3));
  });
});

describe("USAccDeaths (m = 12, n = 72)", () => {
  // numpy.linalg.qr of X = [1, t, 11 dummies], solve(R, Qᵀy), scipy.stats.t.ppf(0.975, 59) = 2.000995378088267.
  const NUMPY: Array<[number, number, number, number]> = [
    [1, 6569.565328253827, 7557.274999999993, 8544.984671746159],
    [2, 5809.3986615871645, 6797.108333333331, 7784.818005079497],
    [6, 8120.898661587164, 9108.60833333333, 10096.318005079496],
    [12, 7246.231994920496, 8233.941666666662, 9221.651338412828],
    [13, 6415.260648917935, 7418.210714285708, 8421.16077965348],
    [24, 7091.927315584603, 8094.8773809523755, 9097.827446320149],
  ];

  it("matches numpy's QR and scipy's t quantile: coefficients, RSS and bands to 1e-10", () => {
    const fit = seasonalRegression(USACC, 12);
    expectClose(fit.coefficients[0]!, 8403.2494047619, 1e-12);
    expectClose(fit.coefficients[1]!, -11.588690476190504, 1e-10);
    expectClose(fit.coefficients[2]!, -748.577976190472, 1e-10);
    expectClose(fit.rss, 11734980.298809519, 1e-10);
    expect(fit.df).toBe(59);
    const band = linearForecastInterval(USACC, 24, 12);
    for (const [h, lower, forecast, upper] of NUMPY) {
      expectClose(band.lower[h - 1]!, lower, 1e-10);
      expectClose(band.forecast[h - 1]!, forecast, 1e-10);
      expectClose(band.upper[h - 1]!, upper, 1e-10);
    }
  });

  it("agrees with the analysis-of-covariance closed form: slope = pooled within-season slope, leverage = 1/n_k + (t₀ − t̄_k)²/S_tt", () => {
    const m = 12;
    const n = USACC.length;
    const means = Array.from({ length: m }, (_, k) => {
      const rows = USACC.map((v, i) => ({ t: i + 1, v })).filter((_, i) => i % m === k);
      return { count: rows.length, t: rows.reduce((a, r) => a + r.t, 0) / rows.length, y: rows.reduce((a, r) => a + r.v, 0) / rows.length };
    });
    let stt = 0;
    let sty = 0;
    USACC.forEach((v, i) => {
      const g = means[i % m]!;
      stt += (i + 1 - g.t) ** 2;
      sty += (i + 1 - g.t) * (v - g.y);
    });
    const slope = sty / stt;
    const fit = seasonalRegression(USACC, m);
    expectClose(fit.slope, slope, 1e-12);
    for (let k = 0; k < m; k++) expectClose(fit.seasonIntercepts[k]!, means[k]!.y - slope * means[k]!.t, 1e-12);
    for (const t0 of [73, 80, 100]) {
      const k = (t0 - 1) % m;
      expectClose(leverage(fit, t0, k), 1 / means[k]!.count + (t0 - means[k]!.t) ** 2 / stt, 1e-12);
    }
    expect(fit.n).toBe(n);
  });
});

describe("properties", () => {
  it("reproduces an exact trend-plus-season series exactly, with a band of width 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((m) =>
          fc.record({
            m: fc.constant(m),
            a: fc.integer({ min: -1000, max: 1000 }),
            b: fc.integer({ min: -20, max: 20 }),
            pattern: fc.array(fc.integer({ min: -100, max: 100 }), { minLength: m, maxLength: m }),
            extra: fc.integer({ min: 0, max: 3 * m }),
          }),
        ),
        ({ m, a, b, pattern, extra }) => {
          const n = m + 2 + extra;
          const y = Array.from({ length: n }, (_, i) => a + b * (i + 1) + pattern[i % m]!);
          const band = linearForecastInterval(y, m + 1, m);
          band.forecast.forEach((f, i) => {
            const t = n + i + 1;
            expect(Math.abs(f - (a + b * t + pattern[(t - 1) % m]!))).toBeLessThan(1e-8 * (1 + Math.abs(a) + 100 * t));
            expect(band.upper[i]! - band.lower[i]!).toBeLessThan(1e-7 * (1 + Math.abs(a) + 100 * t));
          });
        },
      ),
      { numRuns: 80 },
    );
  });

  it("gives a constant series (with season dummies) as the constant with a closed band", () => {
    const band = linearForecastInterval(new Array<number>(30).fill(250), 6, 12);
    band.forecast.forEach((f) => expect(f).toBe(250));
    expect(band.lower).toEqual(band.forecast);
    expect(band.upper).toEqual(band.forecast);
  });

  it("is unchanged in shape by scale: 1e250 × the series gives 1e250 × the band (no square overflows)", () => {
    const small = regressionBand(seasonalRegression(USACC, 12), 5, 0.95);
    const big = regressionBand(
      seasonalRegression(
        USACC.map((v) => v * 1e250),
        12,
      ),
      5,
      0.95,
    );
    big.upper.forEach((u, i) => expectClose(u / 1e250, small.upper[i]!, 1e-12));
  });

  it("80% bands sit inside 95% bands, symmetric around the forecast, widening away from the data", () => {
    const wide = linearForecastInterval(USACC, 36, 12, 0.95);
    const narrow = linearForecastInterval(USACC, 36, 12, 0.8);
    for (let i = 0; i < 36; i++) {
      expect(wide.lower[i]!).toBeLessThan(narrow.lower[i]!);
      expect(narrow.upper[i]!).toBeLessThan(wide.upper[i]!);
      expectClose(wide.upper[i]! - wide.forecast[i]!, wide.forecast[i]! - wide.lower[i]!, 1e-12);
      if (i >= 12) expect(wide.upper[i]! - wide.forecast[i]!).toBeGreaterThan(wide.upper[i - 12]! - wide.forecast[i - 12]!);
    }
  });

  it("fits 100,000 periods with a weekly season (m = 52) in one pass", () => {
    const y = Array.from({ length: 100_000 }, (_, i) => 1000 + 0.01 * i + 50 * Math.sin((2 * Math.PI * i) / 52) + ((i * 7919) % 13));
    const band = linearForecastInterval(y, 52, 52);
    expect(band.forecast).toHaveLength(52);
    expect(band.upper.every((u, i) => u > band.forecast[i]!)).toBe(true);
  });
});

describe("FORECAST.LINEAR's checks", () => {
  it("needs n > p: m + 2 values with a season (13 values for m = 12 leave no degree of freedom), 3 without", () => {
    expect(thrown(() => linearForecastInterval(USACC.slice(0, 13), 1, 12))).toMatchObject({ code: "TOO_FEW_VALUES", details: { arg: "history", length: 13, needed: 14 } });
    expect(thrown(() => linearForecastInterval(USACC.slice(0, 11), 1, 12))).toMatchObject({ code: "TOO_FEW_VALUES", details: { needed: 14 } });
    expect(thrown(() => linearForecastInterval([1, 2], 1))).toMatchObject({ code: "TOO_FEW_VALUES", details: { length: 2, needed: 3 } });
    expect(linearForecastInterval(USACC.slice(0, 14), 1, 12).forecast).toHaveLength(1);
  });

  it("refuses a level outside (0, 1), a season length outside 1…366 or not whole, a bad horizon", () => {
    expect(thrown(() => linearForecastInterval(USACC, 1, 12, 1))).toMatchObject({ code: "TOO_LARGE", details: { arg: "level", exclusive: true } });
    expect(thrown(() => linearForecastInterval(USACC, 1, 12, -0.5))).toMatchObject({ code: "TOO_SMALL", details: { arg: "level" } });
    expect(thrown(() => linearForecastInterval(USACC, 1, 12, 80))).toMatchObject({ code: "RATE_AS_PERCENT" });
    expect(thrown(() => linearForecastInterval(USACC, 1, 0))).toMatchObject({ code: "TOO_SMALL", details: { arg: "season_length", min: 1 } });
    expect(thrown(() => linearForecastInterval(USACC, 1, 400))).toMatchObject({ code: "TOO_LARGE", details: { arg: "season_length", max: 366 } });
    expect(thrown(() => linearForecastInterval(USACC, 1, 2.5))).toMatchObject({ code: "NOT_INTEGER" });
    expect(thrown(() => linearForecastInterval(USACC, 10_001, 12))).toMatchObject({ code: "TOO_LARGE", details: { arg: "horizon" } });
  });
});
