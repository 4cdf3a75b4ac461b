import fc from "fast-check";
import * as forecast from "../../src/functions/forecast";
import { checkShown, type Adapter } from "../support/cell-checks";

/**
 * Whatever Excel hands the forecasting functions, a cell only ever gets a finite number or an Excel error
 * value (a CustomFunctions.Error: thrown for the whole call, or in one cell of FORECAST.ACCURACY) — never
 * NaN, Infinity, undefined, an uncaught exception or the "Unexpected problem" message that marks a bug.
 */

const number = fc.oneof(fc.double(), fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: -1000, max: 1_000_000 }));
const cell = fc.oneof(
  { weight: 8, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "40%", "1,234.5", "abc", "TRUE", "¥1,200", "1e3", "-0.5") },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, { code: "#N/A" }) },
);
const range = (cells: fc.Arbitrary<unknown>, maxLength: number) =>
  fc.oneof(
    fc.array(cells, { minLength: 1, maxLength }).map((cs) => cs.map((c) => [c])),
    fc.array(cells, { minLength: 1, maxLength }).map((cs) => [cs]),
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 3 })).chain(([r, c]) => fc.array(fc.array(cells, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
  );
const anyRange = range(cell, 30);
/** Mostly clean numeric histories (so the fitting code runs), values of every size including extremes. */
const history = range(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -1e300, max: 1e300, noNaN: true }) }, { weight: 9, arbitrary: fc.double({ min: 0.001, max: 1e4, noNaN: true }) }, { weight: 1, arbitrary: cell }), 30);
const scalar = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -2, max: 14 }) }, { weight: 1, arbitrary: number }, { weight: 1, arbitrary: cell });
const unit = fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true }), scalar);
const model = fc.constantFrom(null, "additive", "multiplicative", "MULTIPLICATIVE", "other", "");
const intervalModel = fc.constantFrom(null, "ses", "holt", "additive", "multiplicative", "Holt", "other");
const level = fc.oneof(fc.constant(null), fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constantFrom(0.8, 0.95, "95%", 95), scalar);

const CASES: [string, Adapter, fc.Arbitrary<unknown[]>][] = [
  ["FORECAST.MA", forecast.forecastMa, fc.tuple(fc.oneof(history, anyRange), scalar, fc.oneof(fc.constant(null), scalar))],
  ["FORECAST.SES", forecast.forecastSes, fc.tuple(fc.oneof(history, anyRange), scalar, unit)],
  ["FORECAST.HOLT", forecast.forecastHolt, fc.tuple(fc.oneof(history, anyRange), scalar, unit, unit)],
  ["FORECAST.HW", forecast.forecastHw, fc.tuple(fc.oneof(history, anyRange), scalar, fc.integer({ min: 1, max: 8 }), model, unit, unit, unit)],
  ["FORECAST.HW.PARAMS", forecast.forecastHwParams, fc.tuple(fc.oneof(history, anyRange), fc.oneof(fc.integer({ min: 1, max: 8 }), scalar), model)],
  ["FORECAST.ACCURACY", forecast.forecastAccuracy, fc.tuple(fc.oneof(history, anyRange), fc.oneof(history, anyRange), fc.oneof(fc.constant(null), history), fc.oneof(fc.constant(null), scalar))],
  [
    "FORECAST.INTERVAL",
    forecast.forecastInterval,
    fc.tuple(fc.oneof(history, anyRange), scalar, fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 8 }), scalar), intervalModel, level, fc.oneof(fc.constant(null), unit), fc.oneof(fc.constant(null), unit), fc.oneof(fc.constant(null), unit)),
  ],
  ["FORECAST.LINEAR", forecast.forecastLinear, fc.tuple(fc.oneof(history, anyRange), scalar, fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 8 }), scalar), level)],
];

/** Thrown for the whole call; in one cell, FORECAST.ACCURACY's metrics that cannot be computed. */
const SHOWN = { thrown: ["#VALUE!", "#NUM!"], inCells: ["#N/A", "#DIV/0!", "#NUM!"], array: true } as const;

describe("forecasting: no NaN, Infinity or undefined ever reaches a cell", () => {
  it.each(CASES)("%s: arbitrary input gives finite numbers or Excel errors", (_, adapter, args) => {
    fc.assert(fc.property(args, (values) => checkShown(adapter, values, SHOWN)), { numRuns: 300 });
  });

  it("valid histories of any scale: SES, Holt and Holt-Winters (fitted or given) give finite forecasts, or #NUM! on overflow", () => {
    const scale = fc.constantFrom(1e-300, 1e-6, 1, 1e6, 1e150, 1e300);
    const valid = fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 10 }), scale).chain(([m, extra, k]) =>
      fc.tuple(
        fc.constant(m),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }).map((v) => v * k), { minLength: 2 * m + extra, maxLength: 2 * m + extra }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom(null, "additive", "multiplicative"),
        fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
      ),
    );
    let computed = 0;
    fc.assert(
      fc.property(valid, ([m, values, horizon, kind, alpha]) => {
        const h = values.map((v) => [v]);
        for (const call of [() => forecast.forecastSes(h, horizon, alpha), () => forecast.forecastHolt(h, horizon, alpha, null), () => forecast.forecastHw(h, horizon, m, kind, alpha, null, null)]) {
          try {
            const result = call();
            expect(result).toHaveLength(horizon);
            for (const [f] of result) expect(Number.isFinite(f)).toBe(true);
            computed++;
          } catch (error) {
            expect((error as CustomFunctions.Error).code).toBe("#NUM!");
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(computed).toBeGreaterThan(300); // most valid inputs give forecasts, not #NUM!
  });

  it("FORECAST.BACKTEST: a header row of text, then per method a label and finite numbers or the metric's own error", () => {
    const args = fc.tuple(fc.oneof(history, anyRange), fc.oneof(fc.integer({ min: 1, max: 12 }), scalar), fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 8 }), scalar));
    fc.assert(
      fc.property(args, (values) => {
        let table: unknown[][];
        try {
          table = forecast.forecastBacktest(...(values as [never, never, never]));
        } catch (error) {
          expect(error).toBeInstanceOf(CustomFunctions.Error);
          expect(["#VALUE!", "#NUM!"]).toContain((error as CustomFunctions.Error).code);
          expect((error as CustomFunctions.Error).message ?? "").not.toMatch(/^Unexpected problem/);
          return;
        }
        expect(table[0]).toEqual(["method", "MAE", "RMSE", "MAPE %", "MASE"]);
        expect(table.length).toBeGreaterThan(1);
        for (const [label, ...metrics] of table.slice(1)) {
          expect(typeof label).toBe("string");
          expect(metrics).toHaveLength(4);
          for (const m of metrics) {
            if (m instanceof CustomFunctions.Error) expect(["#N/A", "#DIV/0!", "#NUM!"]).toContain(m.code);
            else expect(Number.isFinite(m)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fitted parameters from FORECAST.HW.PARAMS stay in [0, 1]", () => {
    const seasonal = fc.integer({ min: 2, max: 6 }).chain((m) => fc.tuple(fc.constant(m), fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: 2 * m, maxLength: 5 * m })));
    fc.assert(
      fc.property(seasonal, fc.constantFrom("additive", "multiplicative"), ([m, values], kind) => {
        const [alpha, beta, gamma, sse] = forecast.forecastHwParams(values.map((v) => [v]), m, kind).map(([v]) => v!);
        for (const p of [alpha!, beta!, gamma!]) expect(p >= 0 && p <= 1).toBe(true);
        expect(sse!).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });
});
