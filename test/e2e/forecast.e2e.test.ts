import type { CellValue } from "../../src/excel/gateway";
import { backtestMethodLabel } from "../../src/i18n/forecast";
import { DECOMPOSE_STRINGS } from "../../src/i18n/decompose";
import { FORECAST_WIZARD_STRINGS } from "../../src/i18n/forecast-wizard";
import { UI_STRINGS } from "../../src/i18n/ui";
import { readCsv } from "../support/fixtures";
import { type Language, sessionForFile, WorkbenchPage } from "./workbench-harness";

/**
 * The Forecast wizard in the workbench (the built pane, HyperFormula calculating the sheet with the real
 * SALES functions), in both languages:
 * - English: one quarterly series (NIST's quarterly sales) with its quarters in column A; the backtest's
 *   best method preselected; the sheet's bands ordered and free of errors; "Use it" then Decompose splits a
 *   year by the forecast's shape (its quarters in the forecast's proportions).
 * - Chinese: three regions' monthly sales with Chinese months, one block per region and a total.
 */

const nist = readCsv("forecast/nist_quarterly_sales.csv").map((row) => Number(row.value));

const session = sessionForFile();

/** Cells typed into the grid's Sheet1 as a user types them (through the workbench's cell entry). */
async function typeCells(wb: WorkbenchPage, rows: readonly (readonly string[])[]): Promise<void> {
  await wb.page.evaluate((data) => {
    const workbook = window.salesPlannerWorkbench!;
    data.forEach((row, r) => row.forEach((text, c) => workbook.enterCell(`Sheet1!${String.fromCharCode(65 + c)}${r + 1}`, text)));
  }, rows as string[][]);
}

/** Every cell of the sheet that shows an error. */
async function errorCells(wb: WorkbenchPage, sheet: string): Promise<string[]> {
  const values = await wb.values(sheet, "A1:L400");
  return values.flatMap((row, r) => row.flatMap((cell, c) => (typeof cell === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(cell) ? [`${String.fromCharCode(65 + c)}${r + 1} ${cell}`] : [])));
}

/** The forecast rows of a block (columns C–L) from its first forecast row: ordered bands, scenarios from them. */
function expectOrdered(rows: readonly (readonly CellValue[])[]): void {
  for (const row of rows) {
    const [low, base, high, , lo80, f80, hi80, lo95, , hi95] = row as number[];
    expect(lo95!).toBeLessThanOrEqual(lo80!);
    expect(lo80!).toBeLessThan(f80!);
    expect(f80!).toBeLessThan(hi80!);
    expect(hi80!).toBeLessThanOrEqual(hi95!);
    expect(base).toBe(f80);
    expect(low).toBe(Math.max(0, lo80!));
    expect(high).toBe(hi80);
  }
}

async function walk(wb: WorkbenchPage, language: Language): Promise<void> {
  const t = UI_STRINGS[language];
  const w = FORECAST_WIZARD_STRINGS[language];
  await wb.openTab(t.pageForecast);
  await wb.press(w.useSelection);
}

describe("Forecast, in English: one quarterly series", () => {
  it("backtests, writes live bands and hands the shape to Decompose", async () => {
    const wb = await session.open("en-US");
    const t = UI_STRINGS.en;
    const w = FORECAST_WIZARD_STRINGS.en;
    const d = DECOMPOSE_STRINGS.en;
    await typeCells(wb, [["Quarter", "Sales"], ...nist.map((x, k) => [`${2019 + Math.floor(k / 4)} Q${(k % 4) + 1}`, String(x)])]);
    await wb.selectRange("Sheet1", "A1", `B${nist.length + 1}`);
    await walk(wb, "en");
    await wb.waitForText(w.readSummary(1, 24, `Sheet1!A1:B25`));
    await wb.waitForText(w.detected(4));
    expect(await wb.pane.getByLabel(w.fieldSeason, { exact: true }).inputValue()).toBe("4");
    await wb.press(t.wizardNext);

    const table = wb.pane.getByRole("table");
    await table.waitFor();
    const first = table.getByRole("row").nth(1);
    expect(await first.getByRole("radio").isChecked()).toBe(true);
    expect(await first.innerText()).toContain(w.best);
    const bestLabel = (await first.getByRole("cell").first().innerText()).replace(` · ${w.best}`, "").trim();
    await wb.press(t.wizardNext);
    await wb.press(w.finishWrite);
    await wb.waitForSheet(w.sheetName);
    await wb.pane.getByRole("heading", { name: t.wizardStep(4, 4, w.stepUse) }).waitFor();

    expect(await errorCells(wb, w.sheetName)).toEqual([]);
    // Block: title 9 (name · the method chosen), header 10, history 11–34, forecast 35–38.
    expect(await wb.value(w.sheetName, "A9")).toBe(`Sales · ${bestLabel}`);
    expect(await wb.value(w.sheetName, "A35")).toBe("2025 Q1");
    expectOrdered(await wb.values(w.sheetName, "C35:L38"));
    const base = (await wb.values(w.sheetName, "D35:D38")).map((row) => row[0] as number);
    expect(await wb.value(w.sheetName, "B5")).toBeCloseTo(base.reduce((a, b) => a + b, 0), 6);
    const charts = await wb.page.evaluate((sheet) => window.salesPlannerWorkbench!.record(sheet).charts.map((c) => ({ kind: c.kind, source: c.source })), w.sheetName);
    expect(charts).toEqual([{ kind: "line", source: "A10:E38" }]);
    await wb.screenshot("workbench-forecast-en");

    // A history cell is an input: the forecast follows it.
    await wb.editCell(w.sheetName, "B34", String(nist[23]! + 200));
    await wb.page.waitForFunction((sheet) => window.salesPlannerWorkbench!.valuesAt(`'${sheet}'!D35`)[0]![0] !== null, w.sheetName);
    expect(await wb.value(w.sheetName, "D35")).not.toBe(base[0]);
    await wb.editCell(w.sheetName, "B34", String(nist[23]!));

    await wb.press(w.useButton);
    await wb.waitForText(w.useDecompose(`Forecast!D35:D38`));

    // Decompose now splits a year by the forecast's quarters.
    await wb.openTab(t.pageDecompose);
    expect(await wb.pane.getByLabel(d.fieldTimeMethod, { exact: true }).inputValue()).toBe("seasonal");
    await wb.setChecked(d.levelChannels, false);
    await wb.fillField(d.fieldPeriod, "2025");
    await wb.fillField(d.fieldTotal, "4000000");
    await wb.fillField(d.fieldUnit, "1");
    await wb.press(t.writeButton);
    await wb.waitForSheet(d.sheetName);
    const values = await wb.values(d.sheetName, "A1:D20");
    const quarters = values.filter((row) => typeof row[0] === "string" && (d.quarters as readonly string[]).includes(row[0])).map((row) => row[1] as number);
    expect(quarters).toHaveLength(4);
    expect(quarters.reduce((a, b) => a + b, 0)).toBe(4_000_000);
    const sum = base.reduce((a, b) => a + b, 0);
    quarters.forEach((amount, k) => expect(Math.abs(amount - (4_000_000 * base[k]!) / sum)).toBeLessThanOrEqual(1));
    wb.expectCleanRun();
  });
});

describe("Forecast, in Chinese: three regions by month", () => {
  it("writes one block per region and a total, each with ordered bands and no error", async () => {
    const wb = await session.open("zh-CN");
    const t = UI_STRINGS.zh;
    const w = FORECAST_WIZARD_STRINGS.zh;
    const months = 36;
    const season = [0.8, 0.85, 1, 1.05, 1.1, 1.2, 1.15, 1.1, 1, 0.95, 0.9, 1.3];
    const noise = (k: number, r: number) => Math.round(30 * Math.sin(k * 1.7 + r));
    const rows = Array.from({ length: months }, (_, k) => [
      `${2022 + Math.floor(k / 12)}年${(k % 12) + 1}月`,
      ...[1000, 600, 400].map((level, r) => String(Math.round(level * (1 + k / 60) * season[k % 12]!) + noise(k, r))),
    ]);
    await typeCells(wb, [["月份", "华北", "华东", "华南"], ...rows]);
    await wb.selectRange("Sheet1", "A1", `D${months + 1}`);
    await walk(wb, "zh");
    await wb.waitForText(w.readSummary(3, months, `Sheet1!A1:D${months + 1}`));
    await wb.waitForText(w.detected(12));
    await wb.press(t.wizardNext);
    await wb.pane.getByRole("table").waitFor();
    await wb.pane.getByLabel(w.fieldSeries, { exact: true }).selectOption({ label: w.total });
    await wb.pane.getByRole("table", { name: w.backtestCaption(w.total, 12) }).waitFor();
    // The manager prefers the seasonal regression for the total.
    await wb.pane.getByRole("radio", { name: new RegExp(`^${backtestMethodLabel("zh", "linear", 0, true).replace(/[+()（）]/g, "\\$&")}`) }).check();
    await wb.press(t.wizardNext);
    await wb.press(w.finishWrite);
    await wb.waitForSheet(w.sheetName);
    await wb.pane.getByRole("heading", { name: t.wizardStep(4, 4, w.stepUse) }).waitFor();

    expect(await errorCells(wb, w.sheetName)).toEqual([]);
    const charts = await wb.page.evaluate((sheet) => window.salesPlannerWorkbench!.record(sheet).charts.map((c) => c.title), w.sheetName);
    expect(charts).toEqual(["华北", "华东", "华南", "合计"].map(w.chartTitle));
    const cells = await wb.values(w.sheetName, "A1:L400");
    const titles = cells.map((row, r) => ({ r, text: row[0] })).filter(({ text }) => typeof text === "string" && text.includes(" · "));
    expect(titles.map(({ text }) => String(text).split(" · ")[0])).toEqual(["华北", "华东", "华南", "合计"]);
    expect(String(titles[3]!.text)).toBe(`合计 · ${backtestMethodLabel("zh", "linear", 0, true)}`);
    for (const { r } of titles) {
      const firstForecast = r + 2 + months; // title, header, history
      expect(cells[firstForecast]![0]).toBe("2025年1月");
      expectOrdered(cells.slice(firstForecast, firstForecast + 12).map((row) => row.slice(2, 12)));
    }
    await wb.showSheet(w.sheetName);
    await wb.screenshot("workbench-forecast-zh");
    wb.expectCleanRun();
  });
});
