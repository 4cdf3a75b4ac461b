import { holtFit, holtWintersFit, holtWintersForecast, holtWintersParams, minimiseInUnitBox, recursionFor, runRecursion, sesFit } from "../../../src/core/forecast";
import { readCsv } from "../../support/fixtures";

/**
 * Fitting omitted parameters: the optimiser must do at least as well as R's L-BFGS-B from the same start
 * (α=0.3, β=0.1, γ=0.1). R 4.2.2's published `HoltWinters(AirPassengers)` results:
 * - additive:        α = 0.2479595, β = 0.0345373,  γ = 1,         a = 477.827781, b = 3.127627, SSE ≈ 21860.18
 * - multiplicative:  α = 0.2755925, β = 0.03269295, γ = 0.8707292, a = 469.3232206, b = 3.0215391, SSE ≈ 16570.78
 * Our SSE at R's (7-digit) parameters, computed by the recursion that matches R's NIST trace to 1e-9, is
 * the bar: the fitted SSE must not be above it.
 */

const AIR = readCsv("forecast/airpassengers.csv").map((r) => Number(r.value));

const R_FITS = {
  additive: { alpha: 0.2479595, beta: 0.0345373, gamma: 1, a: 477.827781, b: 3.127627, sse: 21860.18 },
  multiplicative: { alpha: 0.2755925, beta: 0.03269295, gamma: 0.8707292, a: 469.3232206, b: 3.0215391, sse: 16570.78 },
} as const;

describe.each(["additive", "multiplicative"] as const)("fitting %s Holt-Winters to AirPassengers (144 months)", (model) => {
  const r = R_FITS[model];
  const fit = holtWintersFit(AIR, 12, model);

  it("reaches an SSE no worse than R's L-BFGS-B", () => {
    const atR = runRecursion(AIR, recursionFor(AIR, model, 12), r).sse;
    expect(Math.abs(atR - r.sse)).toBeLessThan(0.01); // the published SSE, to its printed digits
    expect(fit.state.sse).toBeLessThanOrEqual(atR + 1e-9 * atR);
  });

  it("finds R's parameters (same basin), each in [0, 1]", () => {
    for (const key of ["alpha", "beta", "gamma"] as const) {
      expect(fit.smoothing[key]).toBeGreaterThanOrEqual(0);
      expect(fit.smoothing[key]).toBeLessThanOrEqual(1);
      expect(Math.abs(fit.smoothing[key] - r[key])).toBeLessThan(0.002);
    }
    expect(Math.abs(fit.state.level - r.a) / r.a).toBeLessThan(1e-4);
    expect(Math.abs(fit.state.trend - r.b) / r.b).toBeLessThan(1e-3);
  });

  it("reports α, β, γ and the SSE (FORECAST.HW.PARAMS)", () => {
    const [alpha, beta, gamma, sse] = holtWintersParams(AIR, 12, model);
    expect(alpha).toBeCloseTo(fit.smoothing.alpha, 12);
    expect(beta).toBeCloseTo(fit.smoothing.beta, 12);
    expect(gamma).toBeCloseTo(fit.smoothing.gamma, 12);
    expect(sse).toBeLessThanOrEqual(r.sse + 0.01);
  });

  it("forecasts positive, seasonal values: the July peak above the November trough every year, rising year on year", () => {
    const next = holtWintersForecast(AIR, 24, 12, model);
    expect(next.every((v) => v > 0)).toBe(true);
    // 1961: Jan = index 0; July = 6, November = 10. AirPassengers peaks in July and August.
    for (const year of [0, 12]) {
      expect(next[year + 6]!).toBeGreaterThan(next[year + 10]! * 1.2);
      expect(Math.max(...next.slice(year, year + 12))).toBe(Math.max(next[year + 6]!, next[year + 7]!));
    }
    for (let i = 0; i < 12; i++) expect(next[i + 12]!).toBeGreaterThan(next[i]!);
  });
});

describe("fitting only what is omitted", () => {
  it("keeps given parameters and fits the rest", () => {
    const fit = holtWintersFit(AIR, 12, "additive", { gamma: 0.5 });
    expect(fit.smoothing.gamma).toBe(0.5);
    // With γ pinned, the fitted SSE cannot beat the free fit, and it beats the start point.
    const start = runRecursion(AIR, recursionFor(AIR, "additive", 12), { alpha: 0.3, beta: 0.1, gamma: 0.5 }).sse;
    expect(fit.state.sse).toBeLessThan(start);
    expect(fit.state.sse).toBeGreaterThanOrEqual(holtWintersFit(AIR, 12, "additive").state.sse);
  });

  it("fits SES's α and Holt's α, β to at least a fine grid's best", () => {
    const y = [30, 25, 35, 25, 20, 30, 35, 40, 30, 45, 41, 38, 50, 47, 52];
    const ses = sesFit(y);
    const holt = holtFit(y);
    let bestSes = Infinity;
    let bestHolt = Infinity;
    for (let i = 0; i <= 100; i++) {
      bestSes = Math.min(bestSes, sesFit(y, i / 100).state.sse);
      for (let j = 0; j <= 20; j++) bestHolt = Math.min(bestHolt, holtFit(y, i / 100, j / 20).state.sse);
    }
    expect(ses.state.sse).toBeLessThanOrEqual(bestSes);
    expect(holt.state.sse).toBeLessThanOrEqual(bestHolt);
    expect(ses.smoothing.beta).toBe(0);
    expect(ses.smoothing.gamma).toBe(0);
  });
});

describe("the bounded optimiser", () => {
  it("finds an interior minimum and minima on the bounds exactly", () => {
    const interior = minimiseInUnitBox((x) => (x[0]! - 0.37) ** 2 + 3 * (x[1]! - 0.81) ** 2 + 0.5 * (x[2]! - 0.05) ** 2, [0.3, 0.1, 0.1]);
    expect(interior.x[0]).toBeCloseTo(0.37, 6);
    expect(interior.x[1]).toBeCloseTo(0.81, 6);
    expect(interior.x[2]).toBeCloseTo(0.05, 6);
    const bounds = minimiseInUnitBox((x) => (x[0]! - 1.4) ** 2 + (x[1]! + 0.3) ** 2 + (x[0]! - x[2]!) ** 2, [0.3, 0.1, 0.1]);
    expect(bounds.x).toEqual([1, 0, 1]);
  });

  it("leaves the basin of the start point for a lower one found on its coarse grid", () => {
    const a = [0.3, 0.1, 0.1];
    const b = [0.9, 0.8, 0.05];
    const distance = (x: readonly number[], c: number[]) => x.reduce((sum, v, i) => sum + (v - c[i]!) ** 2, 0);
    const found = minimiseInUnitBox((x) => Math.min(0.1 + distance(x, a), distance(x, b)), a);
    expect(found.value).toBeLessThan(1e-12);
    found.x.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 5));
  });

  it("never returns worse than the start, even when the function is NaN almost everywhere", () => {
    const f = (x: readonly number[]) => (x[0]! > 0.29 && x[0]! < 0.31 ? x[0]! : NaN);
    const found = minimiseInUnitBox(f, [0.3]);
    expect(found.value).toBeLessThanOrEqual(0.3);
    expect(found.x[0]).toBeGreaterThan(0.29);
  });
});
