/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { CellSpec } from "../../../src/excel/gateway";
import { linearForecastInterval } from "../../../src/core/forecast/linear";
import { formatAmount } from "../../../src/i18n/format";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { DraftStore } from "../../../src/taskpane/drafts/draft-store";
import { readCsv } from "../../support/fixtures";
import { openTab } from "../open-tab";

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};
const enter = async (label: string) => {
  await act(async () => {
    fireEvent.keyDown(screen.getByLabelText(label), { key: "Enter", code: "Enter" });
  });
};

const deaths = readCsv("forecast2/input_usaccdeaths.csv").map((row) => Number(row.value));

/** US accidental deaths 1973–1978, its months written as Chinese text in column A, selected. */
function monthlyWorkbook() {
  const gateway = new MemoryGateway(true, ["Sheet1"]);
  const rows: CellSpec[][] = [[{ value: "月份" }, { value: "死亡人数" }]];
  deaths.forEach((value, k) => rows.push([{ value: `${1973 + Math.floor(k / 12)}年${(k % 12) + 1}月` }, { value }]));
  gateway.setCells("Sheet1!A1", rows);
  gateway.selection = `Sheet1!A1:B${deaths.length + 1}`;
  return gateway;
}

/** Three regions' quarterly sales (UKgas shares) with a header and quarters "1977 Q1"…, selected. */
function regionsWorkbook() {
  const gas = readCsv("forecast2/input_ukgas.csv").map((row) => Number(row.value)).slice(-40);
  const gateway = new MemoryGateway(true, ["Data"]);
  const rows: CellSpec[][] = [[{ value: "季度" }, { value: "华北" }, { value: "华东" }, { value: "华南" }]];
  gas.forEach((x, k) => rows.push([{ value: `${1977 + Math.floor(k / 4)}年第${(k % 4) + 1}季度` }, { value: Math.round(x * 5) }, { value: Math.round(x * 3 + 20) }, { value: Math.round(x * 2) }]));
  gateway.setCells("Data!A1", rows);
  gateway.selection = "Data!A1:D41";
  return gateway;
}

async function openForecast(gateway: MemoryGateway, language: "en" | "zh" = "en", drafts?: DraftStore) {
  const view = render(<App gateway={gateway} initialLanguage={language} drafts={drafts} />);
  await openTab(language === "en" ? "Forecast" : "销售预测");
  return view;
}

describe("Forecast wizard", () => {
  it("reads a monthly history with Chinese months, backtests, writes the sheet and hands the forecast to SMART and Decompose", async () => {
    const gateway = monthlyWorkbook();
    const drafts = new DraftStore();
    await openForecast(gateway, "en", drafts);
    expect(screen.getByRole("heading", { name: "Step 1 of 4: History" })).toBeTruthy();
    await click("Use the selection");
    expect(screen.getByText("Read 1 series of 72 periods from Sheet1!A1:B73.")).toBeTruthy();
    expect(screen.getByText("Periods: 1973年1月 to 1978年12月.")).toBeTruthy();
    expect(screen.getByText("Season length from the dates: 12 (monthly).")).toBeTruthy();
    expect((screen.getByLabelText("Season length") as HTMLInputElement).value).toBe("12");
    expect((screen.getByLabelText("Periods to forecast") as HTMLInputElement).value).toBe("12");
    await click("Next");

    expect(screen.getByRole("heading", { name: "Step 2 of 4: Backtest" })).toBeTruthy();
    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    // Every method but the moving average, best RMSE first, the best one chosen.
    expect(rows).toHaveLength(5);
    const radios = within(table).getAllByRole("radio") as HTMLInputElement[];
    expect(radios[0]!.checked).toBe(true);
    expect(within(rows[0]!).getByText("· best")).toBeTruthy();
    // The manager picks the seasonal regression instead.
    await act(async () => {
      fireEvent.click(within(table).getByLabelText(/^Linear trend \+ season/));
    });
    await click("Next");

    expect(screen.getByRole("heading", { name: "Step 3 of 4: Write" })).toBeTruthy();
    expect(screen.getByText("死亡人数: Linear trend + season")).toBeTruthy();
    type("Scenarios at the level", "0.95");
    await click("Write the forecast sheet");

    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "Forecast"]);
    // History 11–82, forecast 83–94: the regression's bands live in G83 and J83, the scenarios are cells of them.
    expect(gateway.valueAt("Forecast!A11")).toBe("1973-01");
    expect(gateway.valueAt("Forecast!A83")).toBe("1979-01");
    expect(gateway.valueAt("Forecast!B82")).toBe(deaths[71]);
    expect(gateway.formulaAt("Forecast!G83")).toBe("=SALES.FORECAST.LINEAR($B$11:$B$82,12,12,0.8)");
    expect(gateway.formulaAt("Forecast!J83")).toBe("=SALES.FORECAST.LINEAR($B$11:$B$82,12,12,0.95)");
    expect(gateway.formulaAt("Forecast!C83")).toBe("=MAX(0,IF($B$4=0.8,G83,IF($B$4=0.95,J83,NA())))");
    expect(gateway.valueAt("Forecast!B4")).toBe(0.95);
    expect(gateway.formulaAt("Forecast!B5")).toBe("=SUM(D83:D94)");
    const chart = gateway.sheet("Forecast")!.charts[0]!;
    expect(chart).toMatchObject({ kind: "line", source: "A10:E94" });

    expect(screen.getByRole("heading", { name: "Step 4 of 4: Use it" })).toBeTruthy();
    // USAccDeaths' seasonal regression for 1979 (R's lm(y ~ t + season); its January, 7557.27, in docs/functions.md), summed.
    const total = linearForecastInterval(deaths, 12, 12, 0.8).forecast.reduce((a, b) => a + b, 0);
    expect(linearForecastInterval(deaths, 1, 12).forecast[0]).toBeCloseTo(7557.27, 2);
    expect(screen.getByText(`Forecast total of the next 12 periods: ${formatAmount(Math.round(total * 100) / 100, "en")} (sheet “Forecast”).`)).toBeTruthy();
    await click("Use in SMART and Decompose");
    expect(screen.getByText(`SMART target: the baseline is now ${formatAmount(Math.round(total * 100) / 100, "en")}.`)).toBeTruthy();
    expect(screen.getByText("Decompose: time split seasonally by the forecast's shape (Forecast!D83:D94).")).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByText("Open SMART target"));
    });
    expect(screen.getByRole("heading", { name: "Step 1 of 5: Specific" })).toBeTruthy(); // the SMART page, opened by the link
    // Its baseline (on the Measurable step) is the total, as a form reads a typed amount.
    expect((drafts.getState().drafts.smart as { baseline: string }).baseline).toBe(String(Math.round(total * 100) / 100));

    await openTab("Decompose");
    expect((screen.getByLabelText("Sales history range (years × periods, or one column)") as HTMLInputElement).value).toBe("Forecast!D83:D94");
    expect((screen.getByRole("combobox", { name: "Split over time" }) as HTMLSelectElement).value).toBe("seasonal");
  });

  it("many series: one block per region and a total, each with its own method", async () => {
    const gateway = regionsWorkbook();
    await openForecast(gateway, "zh");
    await click("使用所选区域");
    expect(screen.getByText("已从 Data!A1:D41 读取 3 个序列，每个 40 期。")).toBeTruthy();
    expect(screen.getByText("序列：华北、华东、华南。")).toBeTruthy();
    expect(screen.getByText("由日期识别的季节长度：4（按季度）。")).toBeTruthy();
    await click("下一步");
    const series = screen.getByLabelText("序列") as HTMLSelectElement;
    expect([...series.options].map((o) => o.text)).toEqual(["华北", "华东", "华南", "合计"]);
    fireEvent.change(series, { target: { value: "total" } });
    expect(screen.getByRole("table", { name: /合计最后 4 期/ })).toBeTruthy();
    await click("下一步");
    await click("写入预测工作表");
    const sheet = gateway.sheet("销售预测")!;
    expect(sheet.charts).toHaveLength(4);
    expect(sheet.charts.map((c) => c.title)).toEqual(["华北：历史与预测", "华东：历史与预测", "华南：历史与预测", "合计：历史与预测"]);
    // Block 1: rows 9–…; history rows 11–50; the total's history is the sum of the three blocks' cells of that row.
    const names = sheet.names.map((n) => n.name);
    expect(names).toContain("Forecast_History_4");
    const totalFirst = Number(/B(\d+):/.exec(sheet.names.find((n) => n.name === "Forecast_History_4")!.address)![1]);
    const firsts = [1, 2, 3].map((i) => Number(/B(\d+):/.exec(sheet.names.find((n) => n.name === `Forecast_History_${i}`)!.address)![1]));
    expect(gateway.formulaAt(`'销售预测'!B${totalFirst}`)).toBe(`=${firsts.map((r) => `B${r}`).join("+")}`);
    expect(gateway.valueAt(`'销售预测'!A${firsts[0]! + 40}`)).toBe("1987年第1季度");
    expect(screen.getByRole("heading", { name: /应用$/ })).toBeTruthy();
  });

  it("names what is wrong: no range read, a word among the numbers, a season that is not a whole number", async () => {
    const gateway = monthlyWorkbook();
    gateway.setCells("Sheet1!B5", [[{ value: "n/a" }]]);
    await openForecast(gateway);
    await click("Next");
    expect(screen.getByText("Read a range first: select the history and choose “Use the selection”.")).toBeTruthy();
    await click("Use the selection");
    expect(screen.getByText("Not numbers: B5 “n/a”. Fill in or remove these cells.")).toBeTruthy();
    type("Season length", "0");
    await enter("Season length"); // Enter does what Next does
    expect(screen.getByText("Enter a whole number from 1 to 366.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Step 1 of 4: History" })).toBeTruthy();
  });

  it("refuses a method whose forecast falls below 0, naming the series and the period", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    // A steady decline: Holt's trend takes the forecast below 0 within 12 periods.
    gateway.setCells("Sheet1!A1", [[{ value: "Sales" }], ...[105, 95, 85, 75, 65, 55, 45, 35, 25, 15].map((value) => [{ value }])]);
    gateway.selection = "Sheet1!A1:A11";
    await openForecast(gateway);
    await click("Use the selection");
    type("Season length", "1");
    type("Periods to forecast", "6");
    await click("Next");
    await act(async () => {
      fireEvent.click(screen.getByLabelText(/^Holt linear trend/));
    });
    await click("Next");
    expect(screen.getByText("Sales: the forecast falls below 0 at period 2 ahead. Choose another method.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Step 2 of 4: Backtest" })).toBeTruthy();
    expect(gateway.sheets).toHaveLength(1);
  });

  it("keeps the read range, the step and the choice when the pane is closed and opened again", async () => {
    const storage = new Map<string, string>();
    const shim = { get length() { return storage.size; }, key: (i: number) => [...storage.keys()][i] ?? null, getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
    const gateway = monthlyWorkbook();
    const first = await openForecast(gateway, "en", new DraftStore({ storage: shim, slot: "wb-test", delayMs: 0 }));
    await click("Use the selection");
    await click("Next");
    await act(async () => {
      fireEvent.click(screen.getByLabelText(/^Holt-Winters multiplicative/));
    });
    await act(async () => new Promise((done) => setTimeout(done, 10)));
    first.unmount();
    await openForecast(gateway, "en", new DraftStore({ storage: shim, slot: "wb-test" }));
    expect(screen.getByRole("heading", { name: "Step 2 of 4: Backtest" })).toBeTruthy();
    expect((screen.getByLabelText(/^Holt-Winters multiplicative/) as HTMLInputElement).checked).toBe(true);
  });
});
