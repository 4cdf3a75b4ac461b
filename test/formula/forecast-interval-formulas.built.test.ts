import { DetailedCellError, HyperFormula } from "hyperformula";
import { backtest, forecastInterval, linearForecastInterval } from "../../src/core/forecast";
import { readCsv } from "../support/fixtures";
import { address, buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";

/**
 * Prediction intervals and the backtest in a sheet evaluated by HyperFormula through the built add-in:
 * four years of monthly history (USAccDeaths 1973–1976) in B2:B49 under a header, the band of
 * FORECAST.INTERVAL spilling 12 × 3 beside it, FORECAST.LINEAR and FORECAST.BACKTEST on the same range,
 * a chained SUM, and a recalculation after one history cell changes.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const HISTORY = readCsv("forecast2/input_usaccdeaths.csv")
  .map((r) => Number(r.value))
  .slice(0, 48);

function sheet(): HyperFormula {
  return buildSheet([["month", "deaths"], ...HISTORY.map((y, i) => [i + 1, y])], {
    D2: "=SALES.FORECAST.INTERVAL(B2:B49, 12, 12)",
    H2: "=SALES.FORECAST.LINEAR(B2:B49, 12, 12, 0.8)",
    L2: "=SALES.FORECAST.BACKTEST(B2:B49, 12, 12)",
    R2: "=SUM(SALES.FORECAST.INTERVAL(B2:B49, 12, 12))",
  });
}

const numbers = (hf: HyperFormula, range: string) => valuesOf(hf, range) as number[][];
/** HyperFormula shows numbers to 10 decimals. */
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe("FORECAST.INTERVAL, LINEAR and BACKTEST in a sheet", () => {
  it("spills 12 × 3 {lower, forecast, upper} of the additive Holt-Winters band (parameters fitted), and the SUM of it", () => {
    const hf = sheet();
    const shown = numbers(hf, "D2:F13");
    const band = forecastInterval(HISTORY, 12, { seasonLength: 12 });
    shown.forEach(([lower, f, upper], i) => {
      close(lower!, band.lower[i]!);
      close(f!, band.forecast[i]!);
      close(upper!, band.upper[i]!);
    });
    expect(valuesOf(hf, "D14:F14").flat()).toEqual([null, null, null]);
    expect(valuesOf(hf, "G2:G13").flat().every((v) => v === null)).toBe(true);
    const total = [...band.lower, ...band.forecast, ...band.upper].reduce((a, b) => a + b, 0);
    close(hf.getCellValue(address(hf, "R2")) as number, total);
  });

  it("spills the 80% regression band, and the backtest table under its header, best RMSE first", () => {
    const hf = sheet();
    const linear = linearForecastInterval(HISTORY, 12, 12, 0.8);
    numbers(hf, "H2:J13").forEach(([lower, f, upper], i) => {
      close(lower!, linear.lower[i]!);
      close(f!, linear.forecast[i]!);
      close(upper!, linear.upper[i]!);
    });
    const table = valuesOf(hf, "L2:P8");
    expect(table[0]).toEqual(["method", "MAE", "RMSE", "MAPE %", "MASE"]);
    const rows = backtest(HISTORY, 12, 12);
    expect(table.length - 1).toBe(rows.length); // 36 training months: every method runs
    rows.forEach((row, i) => close(table[i + 1]![2] as number, row.metrics.rmse as number));
    expect(table.slice(1).map((r) => r[0])).toContain("Holt-Winters multiplicative");
  });

  it("recalculates the band when a history value changes", () => {
    const hf = sheet();
    const before = numbers(hf, "D2:F13");
    hf.setCellContents(address(hf, "B49"), HISTORY[47]! + 2000);
    const after = numbers(hf, "D2:F13");
    const changed = [...HISTORY];
    changed[47] = HISTORY[47]! + 2000;
    const band = forecastInterval(changed, 12, { seasonLength: 12 });
    after.forEach(([lower, f, upper], i) => {
      close(lower!, band.lower[i]!);
      close(f!, band.forecast[i]!);
      close(upper!, band.upper[i]!);
    });
    expect(after[0]![1]).not.toBeCloseTo(before[0]![1]!, 3);
  });

  it("shows #VALUE! with the message when the level is typed as 95", () => {
    const hf = sheet();
    hf.setCellContents(address(hf, "D2"), "=SALES.FORECAST.INTERVAL(B2:B49, 12, 12, , 95)");
    const shown = hf.getCellValue(address(hf, "D2"));
    expect(shown).toBeInstanceOf(DetailedCellError);
    expect((shown as DetailedCellError).message).toBe("level: 95 is not a rate. Enter 95% or 0.95.");
  });
});
