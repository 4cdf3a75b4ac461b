import { readCsv } from "../../support/fixtures";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";
import { checkChoice, totalSeries, WRITABLE_METHODS, type WritableMethod } from "../../../src/taskpane/features/forecast/forecast-model";
import { forecastPlan, type ForecastInput } from "../../../src/taskpane/features/forecast/forecast-plan";

/**
 * The Forecast sheet evaluated with the real SALES functions (dist/, `npm run build`): no cell shows an
 * error, the bands are ordered (95% lower ≤ 80% lower ≤ forecast ≤ 80% upper ≤ 95% upper), the scenarios
 * follow the level cell, and every figure equals what the pane computed with the core.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions();
});
afterAll(() => registration.unregister());

const series = (file: string) => readCsv(`forecast2/${file}`).map((row) => Number(row.value));
const months = (n: number, startYear: number) => Array.from({ length: n }, (_, k) => `${startYear + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`);

const relative = (x: number, y: number) => Math.abs(x - y) / Math.max(1, Math.abs(y));

function input(values: readonly number[], method: WritableMethod, season: number, horizon: number): ForecastInput {
  return {
    source: "Data!A1:B73",
    labels: months(values.length, 1973),
    futureLabels: months(values.length + horizon, 1973).slice(values.length),
    series: [{ name: "Deaths", values, method }],
    season,
    horizon,
    level: 0.8,
  };
}

/** Rows of a block's forecast: [conservative, base, optimistic, lo80, f80, hi80, lo95, f95, hi95]. */
function forecastRows(sheet: ReturnType<typeof loadPlan>, firstRow: number, horizon: number): number[][] {
  return sheet.range(`C${firstRow}`, `L${firstRow + horizon - 1}`).map((row) => [row[0], row[1], row[2], ...row.slice(4)] as number[]);
}

describe("Forecast sheet in HyperFormula with the SALES functions", () => {
  const usAcc = series("input_usaccdeaths.csv");

  it.each(WRITABLE_METHODS)("USAccDeaths with %s: no error, bands ordered, figures equal to the core's", (method) => {
    const { plan, baseRange } = forecastPlan(input(usAcc, method, 12, 12), "en");
    const sheet = loadPlan(plan);
    expect(sheet.problems()).toEqual([]);
    // Block: title row 9, header 10, history 11–82, forecast 83–94.
    const first = 11 + usAcc.length;
    expect(baseRange).toBe(`D${first}:D${first + 11}`);
    const rows = forecastRows(sheet, first, 12);
    const core = checkChoice(method, usAcc, 12, 12);
    if (!core.ok) throw new Error("the core refused");
    rows.forEach(([low, base, high, lo80, f80, hi80, lo95, f95, hi95], k) => {
      expect(lo95).toBeLessThanOrEqual(lo80!);
      expect(lo80).toBeLessThan(f80!);
      expect(f80).toBeLessThan(hi80!);
      expect(hi80).toBeLessThanOrEqual(hi95!);
      expect(f95).toBe(f80);
      expect([low, base, high]).toEqual([Math.max(0, lo80!), f80, hi80]);
      // HyperFormula shows 11 significant digits of what the function returned.
      expect(relative(lo80!, core.bands[0.8].lower[k]!)).toBeLessThan(1e-10);
      expect(relative(hi95!, core.bands[0.95].upper[k]!)).toBeLessThan(1e-10);
    });
    expect(relative(sheet.at("B5") as number, core.bands[0.8].forecast.reduce((a, b) => a + b, 0))).toBeLessThan(1e-10);
    // The level cell moves the scenarios to the 95% band.
    sheet.set("B4", 0.95);
    const wider = forecastRows(sheet, first, 12);
    wider.forEach(([low, , high, , , , lo95, , hi95]) => expect([low, high]).toEqual([Math.max(0, lo95!), hi95]));
    // A history cell is an input: the forecast follows it.
    const before = sheet.at(`D${first}`);
    sheet.set("B82", usAcc[71]! * 1.5);
    expect(sheet.at(`D${first}`)).not.toBe(before);
  });

  it("writes R's LINEAR numbers for USAccDeaths (docs/functions.md: 6569.57, 7557.27, 8544.98 at 95%)", () => {
    const sheet = loadPlan(forecastPlan({ ...input(usAcc, "linear", 12, 12), level: 0.95 }, "zh").plan);
    const [low, base, high] = sheet.range("C83", "E83")[0] as number[];
    expect(low).toBeCloseTo(6569.57, 2);
    expect(base).toBeCloseTo(7557.27, 2);
    expect(high).toBeCloseTo(8544.98, 2);
  });

  it("many series: one block per series and a total whose history is the sum", () => {
    const gas = series("input_ukgas.csv").slice(-40);
    const a = gas.map((x) => x * 0.6);
    const b = gas.map((x) => x * 0.4 + 5);
    const list = [
      { name: "North", values: a, method: "hw-additive" as const },
      { name: "South", values: b, method: "linear" as const },
    ];
    const total = totalSeries(list, "Total");
    const labels = Array.from({ length: 40 }, (_, k) => `${1977 + Math.floor(k / 4)} Q${(k % 4) + 1}`);
    const { plan, baseRange } = forecastPlan(
      { source: "Data!A1:C41", labels, futureLabels: ["1987 Q1", "1987 Q2", "1987 Q3", "1987 Q4"], series: list, totalMethod: "hw-multiplicative", season: 4, horizon: 4, level: 0.8 },
      "zh",
    );
    expect(plan.charts).toHaveLength(3);
    expect(plan.names?.map((x) => x.name)).toEqual(["Forecast_Level", "Forecast_Total", "Forecast_History_1", "Forecast_History_2", "Forecast_History_3", "Forecast_Base"]);
    const sheet = loadPlan(plan);
    expect(sheet.problems()).toEqual([]);
    const totalHistory = plan.names!.find((x) => x.name === "Forecast_History_3")!.address;
    const [from, to] = totalHistory.split(":");
    const summed = sheet.range(from!, to!).map((row) => row[0] as number);
    summed.forEach((x, k) => expect(x).toBeCloseTo(total.values[k]!, 9));
    const core = checkChoice("hw-multiplicative", total.values, 4, 4);
    if (!core.ok) throw new Error("the core refused");
    const [start, end] = baseRange.split(":");
    const base = sheet.range(start!, end!).map((row) => row[0] as number);
    base.forEach((x, k) => expect(relative(x, core.bands[0.8].forecast[k]!)).toBeLessThan(1e-10));
    expect(relative(sheet.at("B5") as number, base.reduce((x, y) => x + y, 0))).toBeLessThan(1e-10);
  });
});
