import fc from "fast-check";
import {
  forecastAccuracy,
  holtFit,
  holtWintersFit,
  holtWintersForecast,
  holtForecast,
  movingAverageForecast,
  recursionFor,
  runRecursion,
  sesFit,
  sesForecast,
} from "../../../src/core/forecast";

/** Properties of the forecasting core on generated series (fixed seed: test/support/fast-check-seed.ts). */

const level = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const positiveLevel = fc.double({ min: 0.5, max: 1e6, noNaN: true });
const series = (min: number, minLength: number, maxLength: number) =>
  fc.array(fc.double({ min, max: 1e5, noNaN: true }), { minLength, maxLength });
const close = (a: number, b: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

describe("forecasting properties", () => {
  it("the moving average of a constant series is that constant", () => {
    fc.assert(
      fc.property(level, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 12 }), (c, window, extra, horizon) => {
        const forecasts = movingAverageForecast(new Array<number>(window + extra).fill(c), window, horizon);
        expect(forecasts).toHaveLength(horizon);
        forecasts.forEach((f) => expect(close(f, c, 1e-12)).toBe(true));
      }),
    );
  });

  it("SES, Holt and both Holt-Winters models forecast a constant series as that constant, parameters fitted", () => {
    fc.assert(
      fc.property(positiveLevel, fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 12 }), (c, m, extra) => {
        const history = new Array<number>(2 * m + extra).fill(c);
        for (const f of [...sesForecast(history, 3), ...holtForecast(history, 3)]) expect(close(f, c)).toBe(true);
        for (const model of ["additive", "multiplicative"] as const) {
          for (const f of holtWintersForecast(history, m + 1, m, model)) expect(close(f, c)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("fitted parameters stay in [0, 1], the SSE is finite and no worse than at the start point", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain((m) => fc.tuple(fc.constant(m), series(1, 2 * m, 4 * m))), fc.constantFrom("additive", "multiplicative" as const), ([m, history], model) => {
        const fit = holtWintersFit(history, m, model);
        for (const key of ["alpha", "beta", "gamma"] as const) {
          expect(fit.smoothing[key]).toBeGreaterThanOrEqual(0);
          expect(fit.smoothing[key]).toBeLessThanOrEqual(1);
        }
        expect(Number.isFinite(fit.state.sse)).toBe(true);
        const atStart = runRecursion(history, recursionFor(history, model, m), { alpha: 0.3, beta: 0.1, gamma: 0.1 }).sse;
        if (Number.isFinite(atStart)) expect(fit.state.sse).toBeLessThanOrEqual(atStart);
      }),
      { numRuns: 100 },
    );
  });

  it("SES and Holt fits stay in [0, 1] on any finite series", () => {
    fc.assert(
      fc.property(series(-1e5, 3, 40), (history) => {
        const ses = sesFit(history);
        const holt = holtFit(history);
        for (const p of [ses.smoothing.alpha, holt.smoothing.alpha, holt.smoothing.beta]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("additive Holt-Winters with given parameters shifts its forecasts by a constant added to the history", () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(series(-1e3, 8, 20), level, unit, unit, unit, (history, shift, alpha, beta, gamma) => {
        const given = { alpha, beta, gamma };
        const base = holtWintersForecast(history, 5, 4, "additive", given);
        const shifted = holtWintersForecast(history.map((y) => y + shift), 5, 4, "additive", given);
        base.forEach((f, i) => expect(Math.abs(shifted[i]! - (f + shift))).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(shift) + Math.abs(f))));
      }),
    );
  });

  it("accuracy: 0 ≤ MAE ≤ RMSE, sMAPE ≤ 200 %, every metric a finite number or a cell error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }).chain((n) => fc.tuple(series(-1e5, n, n), series(-1e5, n, n))), ([actual, forecast]) => {
        const a = forecastAccuracy(actual, forecast, actual.length > 1 ? actual : undefined);
        for (const v of Object.values(a)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        if (typeof a.mae === "number" && typeof a.rmse === "number") {
          expect(a.mae).toBeGreaterThanOrEqual(0);
          expect(a.mae).toBeLessThanOrEqual(a.rmse * (1 + 1e-12));
        }
        if (typeof a.smape === "number") expect(a.smape).toBeLessThanOrEqual(200 + 1e-9);
      }),
    );
  });
});
