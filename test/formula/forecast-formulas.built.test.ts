import { DetailedCellError, HyperFormula } from "hyperformula";
import { readCsv } from "../support/fixtures";
import { address, buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";

/**
 * A forecasting sheet evaluated by HyperFormula through the real adapters: the NIST quarterly sales in
 * A1:A24, R's additive Holt-Winters forecasts beside them, accuracy metrics with one error cell.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const NIST = readCsv("forecast/nist_quarterly_sales.csv").map((r) => Number(r.value));
const R_FORECAST = readCsv("forecast/r_hw_add_fixed_nist_forecast.csv").map((r) => Number(r.forecast));

function forecastSheet(): HyperFormula {
  return buildSheet(
    NIST.map((y) => [y]),
    {
      C1: '=SALES.FORECAST.HW(A1:A24,8,4,"additive",0.5,0.3,0.4)',
      D1: "=SUM(SALES.FORECAST.HW(A1:A24,4,4,,0.5,0.3,0.4))",
      E1: "=SALES.FORECAST.MA(A21:A24,4)",
      F1: "=SALES.FORECAST.ACCURACY({0;100},{5;90})",
    },
  );
}

const numbers = (hf: HyperFormula, range: string) => valuesOf(hf, range).flat() as number[];
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));

describe("a forecasting sheet", () => {
  it("spills R's 8 forecasts, sums the first four, averages the last year", () => {
    const hf = forecastSheet();
    numbers(hf, "C1:C8").forEach((f, i) => close(f, R_FORECAST[i]!));
    close(hf.getCellValue(address(hf, "D1")) as number, R_FORECAST.slice(0, 4).reduce((a, b) => a + b, 0));
    expect(hf.getCellValue(address(hf, "E1"))).toBe((NIST[20]! + NIST[21]! + NIST[22]! + NIST[23]!) / 4);
  });

  it("recalculates the forecasts when the last history cell changes", () => {
    const hf = forecastSheet();
    const before = numbers(hf, "C1:C8");
    hf.setCellContents(address(hf, "A24"), NIST[23]! + 100);
    const after = numbers(hf, "C1:C8");
    // By hand: y_T + δ moves l_T by αδ = 50, b_T by βαδ = 15 and s_T by γ(1 − α)δ = 20, so the h-step
    // forecast moves by 50 + 15h, plus 20 when h is a multiple of the season (4). (HyperFormula shows 10 decimals.)
    after.forEach((f, i) => {
      const h = i + 1;
      expect(f - before[i]!).toBeCloseTo(50 + 15 * h + (h % 4 === 0 ? 20 : 0), 6);
    });
  });

  it("shows a metric that cannot be computed as an error in its own cell", () => {
    const hf = forecastSheet();
    const [mae, rmse, mape, smape, mase] = valuesOf(hf, "F1:F5").flat();
    expect(mae).toBe(7.5);
    expect(rmse).toBeCloseTo(Math.sqrt(62.5), 9); // HyperFormula shows 10 decimals
    expect(mape).toBeInstanceOf(DetailedCellError);
    expect((mape as DetailedCellError).value).toBe("#DIV/0!");
    expect(typeof smape).toBe("number");
    expect((mase as DetailedCellError).value).toBe("#N/A");
  });

  it("shows #VALUE! naming the row when a history cell holds text", () => {
    const hf = forecastSheet();
    hf.setCellContents(address(hf, "A7"), "n/a");
    const shown = hf.getCellValue(address(hf, "C1"));
    expect(shown).toBeInstanceOf(DetailedCellError);
    expect((shown as DetailedCellError).message).toBe('history, row 7: "n/a" is not a number.');
  });
});
