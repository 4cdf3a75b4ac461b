import fc from "fast-check";
import type { CellValue, RangeData } from "../../../src/excel/gateway";
import { WRITABLE_METHODS } from "../../../src/taskpane/features/forecast/forecast-model";
import { forecastPlan } from "../../../src/taskpane/features/forecast/forecast-plan";
import { EMPTY_FIELDS, runBacktests, validateBacktest, validateHistory } from "../../../src/taskpane/features/forecast/forecast-schema";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";

/**
 * A form never writes a sheet that would show an error: for generated histories (one to three series,
 * seasonal or not, flat, trending, noisy, with zeros) and choices (season, horizon, holdout, any method
 * for any series), every draft the validator accepts writes a sheet that, evaluated with the real SALES
 * functions, shows no error, no negative scenario, and bands in order.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const seriesOf = (length: number) =>
  fc
    .record({
      level: fc.integer({ min: 0, max: 100_000 }),
      trend: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      season: fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: 4, maxLength: 4 }),
      noise: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: length, maxLength: length }),
      zeros: fc.boolean(),
    })
    .map(({ level, trend, season, noise, zeros }) =>
      noise.map((e, k) => (zeros && k % 7 === 3 ? 0 : Math.max(0, Math.round(level * (1 + trend * k) * season[k % 4]! * (1 + e) * 100) / 100))),
    );

const draft = fc.integer({ min: 6, max: 30 }).chain((length) =>
  fc.record({
    series: fc.array(seriesOf(length), { minLength: 1, maxLength: 3 }),
    season: fc.constantFrom("1", "4", "12"),
    horizon: fc.integer({ min: 1, max: 12 }).map(String),
    holdout: fc.constantFrom("", "1", "2", "4"),
    level: fc.constantFrom("0.8", "0.95"),
    picks: fc.array(fc.constantFrom(...WRITABLE_METHODS), { minLength: 4, maxLength: 4 }),
  }),
);

describe("Forecast: a draft the form accepts writes a sheet without an error", () => {
  it("property (fixed seed): no error, no negative scenario, ordered bands", () => {
    let written = 0;
    fc.assert(
      fc.property(draft, ({ series, season, horizon, holdout, level, picks }) => {
        const length = series[0]!.length;
        const values: CellValue[][] = [["Quarter", ...series.map((_, i) => `R${i + 1}`)], ...Array.from({ length }, (_, k) => [`${2020 + Math.floor(k / 4)}Q${(k % 4) + 1}`, ...series.map((s) => s[k]!)])];
        const data: RangeData = { address: `Data!A1:${String.fromCharCode(65 + series.length)}${length + 1}`, values };
        const fields = { ...EMPTY_FIELDS, season, horizon, holdout, level };
        const history = validateHistory(fields, data, (n) => `S${n}`);
        if (!history.ok) return;
        const backtests = runBacktests(history.data, holdout, "Total");
        const keys = [...series.map((_, i) => String(i)), "total"];
        const chosen = Object.fromEntries(keys.map((key, i) => [key, picks[i]!]));
        // Half the drafts take the backtest's best methods, half a method picked for each series.
        const result = validateBacktest(history.data, fields, backtests, length % 2 === 0 ? chosen : {}, "Total", "en");
        if (!result.ok) return;
        const { plan } = forecastPlan(result.data, "en");
        const sheet = loadPlan(plan);
        written++;
        // Only the raw lower bounds (columns G and J) may be below 0; the scenarios are clamped at 0.
        expect(sheet.problems().filter((p) => !/^[GJ]\d+ -/.test(p))).toEqual([]);
        const h = result.data.horizon;
        for (const block of plan.names!.filter((name) => name.name.startsWith("Forecast_History_"))) {
          const last = Number(/:B(\d+)$/.exec(block.address)![1]);
          sheet.range(`C${last + 1}`, `L${last + h}`).forEach((row) => {
            const [low, base, high, , lo80, f80, hi80, lo95, , hi95] = row as number[];
            expect(low).toBeGreaterThanOrEqual(0);
            expect(base).toBeGreaterThanOrEqual(0);
            expect(lo95).toBeLessThanOrEqual(lo80! + 1e-9 * Math.abs(lo80!));
            expect(lo80).toBeLessThanOrEqual(f80!);
            expect(f80).toBeLessThanOrEqual(hi80!);
            expect(hi80).toBeLessThanOrEqual(hi95! + 1e-9 * Math.abs(hi95!));
            expect(low).toBeLessThanOrEqual(base!);
            expect(base).toBeLessThanOrEqual(high!);
          });
        }
      }),
      { numRuns: 60 },
    );
    expect(written).toBeGreaterThan(15); // the property saw sheets, not only refusals
  });
});
