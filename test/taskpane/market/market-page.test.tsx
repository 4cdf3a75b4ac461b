/**
 * @jest-environment jsdom
 */
import { act, fireEvent, getByRole, render, screen, within } from "@testing-library/react";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { findDialog } from "../../support/dialog";
import { openTab } from "../open-tab";

type NotifyDocument = Document & { ariaNotify?: jest.Mock };

async function openMarket(gateway: MemoryGateway, language: "en" | "zh" = "en") {
  render(<App gateway={gateway} initialLanguage={language} />);
  await openTab(language === "en" ? "Market analysis" : "市场分析");
}

/** Types into the cells of a row, named "<row> <column>": fill("Strengths (S) 1", { Factor: "Brand" }). */
function fill(group: string, values: Record<string, string>) {
  const row = screen.getByRole("group", { name: group });
  for (const [label, value] of Object.entries(values)) {
    const control = within(row).getByLabelText(`${group} ${label}`);
    fireEvent.change(control, { target: { value } });
  }
}

const click = async (name: string, container: HTMLElement = document.body) => {
  await act(async () => {
    fireEvent.click(getByRole(container, "button", { name, hidden: container !== document.body }));
  });
};

const choiceDialog = () => findDialog("Update the sheet or write a new version?");

afterEach(() => {
  delete (document as NotifyDocument).ariaNotify;
});

describe("market analysis: SWOT", () => {
  async function fillSwot() {
    fill("Strengths (S) 1", { Factor: "Brand awareness", "Weight (%)": "60", "Rating (1–5)": "4" });
    await click("Add row to Strengths (S)");
    fill("Strengths (S) 2", { Factor: '=HYPERLINK("http://evil.example","click")', "Weight (%)": "40%", "Rating (1–5)": "5" });
    fill("Weaknesses (W) 1", { Factor: "High cost", "Weight (%)": "100", "Rating (1–5)": "2" });
    fill("Opportunities (O) 1", { Factor: "Live commerce", "Weight (%)": "100", "Rating (1–5)": "5" });
    fill("Threats (T) 1", { Factor: "Price war", "Weight (%)": "100", "Rating (1–5)": "4" });
  }

  it("writes the weighted tables, formulas and strategy grid to a new sheet, text that looks like a formula as text", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await openMarket(gateway);
    await fillSwot();
    await click("Next");
    expect(screen.getByRole("heading", { name: "Step 2 of 2: Strategies" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("SO: use strengths to seize opportunities"), { target: { value: "Brand-led live commerce" } });
    fireEvent.change(screen.getByLabelText("WT: reduce weaknesses and avoid threats"), { target: { value: "-10% cost programme" } });
    await click("Write to a new sheet");

    expect(screen.getByText("Sheet “SWOT analysis” is ready.")).toBeTruthy();
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "SWOT analysis"]);
    const grid = gateway.grid("SWOT analysis");
    expect(grid.slice(0, 7)).toEqual([
      ["SWOT analysis", "", "", ""],
      ["", "", "", ""],
      ["Strengths (S)", "", "", ""],
      ["Factor", "Weight", "'Rating (1–5)", "Weighted score"],
      ["Brand awareness", 0.6, 4, "=B5*C5"],
      ['\'=HYPERLINK("http://evil.example","click")', 0.4, 5, "=B6*C6"],
      ["Total", "=SUM(B5:B6)", "", "=SUM(D5:D6)"],
    ]);
    expect(gateway.valueAt("'SWOT analysis'!A6")).toBe('=HYPERLINK("http://evil.example","click")');
    expect(gateway.formulaAt("'SWOT analysis'!B25")).toBe("=D7-D12");
    expect(gateway.formulaAt("'SWOT analysis'!B27")).toBe('=IF(B25>=0,IF(B26>=0,"SO (growth)","ST (diversification)"),IF(B26>=0,"WO (turnaround)","WT (defensive)"))');
    expect(grid.slice(28)).toEqual([
      ["Strategies", "Opportunities (O)", "Threats (T)", ""],
      ["Strengths (S)", "Brand-led live commerce", "", ""],
      ["Weaknesses (W)", "", "'-10% cost programme", ""],
    ]);
    const sheet = gateway.sheet("SWOT analysis")!;
    expect(sheet.tables.map((table) => `${table.name} ${table.address}`)).toEqual(["SWOT_S A4:D6", "SWOT_W A10:D11", "SWOT_O A15:D16", "SWOT_T A20:D21"]);
    expect(sheet.names.map((name) => name.name)).toEqual(["SWOT_Internal", "SWOT_External", "SWOT_Strategy"]);
  });

  it("writing again asks: a new version is named (“SWOT analysis (2)”) and leaves the first as it was", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await openMarket(gateway);
    await fillSwot();
    await click("Next");
    await click("Write to a new sheet");
    const first = gateway.grid("SWOT analysis");
    await click("Write to a new sheet");
    const dialog = await choiceDialog();
    expect(within(dialog).getByText(/Your last result is on sheet “SWOT analysis”\. Updating replaces everything on it — its \d+ filled cells/)).toBeTruthy();
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "SWOT analysis"]);
    await click("Write a new version", dialog);
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "SWOT analysis", "SWOT analysis (2)"]);
    expect(screen.getByText("New version on sheet “SWOT analysis (2)”; “SWOT analysis” is as it was.")).toBeTruthy();
    expect(gateway.grid("SWOT analysis")).toEqual(first);
    expect(gateway.sheet("SWOT analysis (2)")!.tables.map((t) => t.name)).toEqual(["SWOT_S_2", "SWOT_W_2", "SWOT_O_2", "SWOT_T_2"]);
  });

  it("writing again can update the earlier sheet in place: same sheet, new content, the old rows gone", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await openMarket(gateway);
    await fillSwot();
    await click("Next");
    await click("Write to a new sheet");
    expect(gateway.valueAt("'SWOT analysis'!A6")).toBe('=HYPERLINK("http://evil.example","click")');
    // The message goes as soon as the user edits again.
    await click("Back");
    expect(screen.queryByText("Sheet “SWOT analysis” is ready.")).toBeTruthy();
    await click("Remove Strengths (S) 2");
    expect(screen.queryByText("Sheet “SWOT analysis” is ready.")).toBeNull();
    fill("Strengths (S) 1", { "Weight (%)": "100" });
    await click("Next");
    await click("Write to a new sheet");
    await click("Update “SWOT analysis”", await choiceDialog());
    expect(screen.getByText("Sheet “SWOT analysis” is updated.")).toBeTruthy();
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "SWOT analysis"]);
    expect(gateway.grid("SWOT analysis").slice(4, 6)).toEqual([
      ["Brand awareness", 1, 4, "=B5*C5"],
      ["Total", "=SUM(B5:B5)", "", "=SUM(D5:D5)"],
    ]);
    expect(gateway.sheet("SWOT analysis")!.tables.map((t) => `${t.name} ${t.address}`)).toEqual(["SWOT_S A4:D5", "SWOT_W A9:D10", "SWOT_O A14:D15", "SWOT_T A19:D20"]);
  });

  it("writes a new sheet, and says so, when the earlier one was deleted or renamed", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await openMarket(gateway);
    await fillSwot();
    await click("Next");
    await click("Write to a new sheet");
    gateway.sheet("SWOT analysis")!.name = "My SWOT";
    await click("Write to a new sheet");
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "My SWOT", "SWOT analysis"]);
    expect(screen.getByText("Sheet “SWOT analysis” is no longer in the workbook (deleted or renamed), so the result is on a new sheet “SWOT analysis”.")).toBeTruthy();
  });

  it("shows each problem at its field, focuses the first one and announces how many", async () => {
    const notify = jest.fn();
    (document as NotifyDocument).ariaNotify = notify;
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await openMarket(gateway);
    fill("Strengths (S) 1", { Factor: "Brand", "Weight (%)": "90", "Rating (1–5)": "4" });
    fill("Weaknesses (W) 1", { Factor: "Cost", "Weight (%)": "100", "Rating (1–5)": "7" });
    fill("Opportunities (O) 1", { Factor: "Live", "Weight (%)": "abc", "Rating (1–5)": "5" });
    fill("Threats (T) 1", { "Weight (%)": "100", "Rating (1–5)": "4" });
    await click("Next");

    const threatFactor = within(screen.getByRole("group", { name: "Threats (T) 1" })).getByLabelText("Threats (T) 1 Factor");
    const strengths = screen.getByRole("group", { name: "Strengths (S)" });
    const total = within(strengths).getByLabelText("Total weight");
    expect(document.activeElement).toBe(total);
    expect(total.getAttribute("aria-invalid")).toBe("true");
    expect(within(strengths).getByText("Weights add up to 90%; they must add up to 100%.")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Weaknesses (W) 1" })).getByText("Rating (1–5): Enter a whole number from 1 to 5.")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Opportunities (O) 1" })).getByText("Weight (%): Enter a number, e.g. 25 or 12.5.")).toBeTruthy();
    expect(threatFactor.getAttribute("aria-invalid")).toBe("true");
    expect(notify).toHaveBeenCalledWith("4 fields need attention.", { priority: "normal" });
    // still on step 1, nothing written
    expect(screen.getByRole("heading", { name: "Step 1 of 2: Factors" })).toBeTruthy();
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1"]);

    // Corrections clear the messages as the user types.
    fill("Strengths (S) 1", { "Weight (%)": "100" });
    expect(within(strengths).queryByText(/Weights add up to/)).toBeNull();
  });
});

describe("market analysis: PEST, BCG, risk", () => {
  it("PEST: writes factors under their dimensions with the SUMIF summary and a chart", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await openMarket(gateway, "zh");
    fireEvent.click(screen.getByRole("tab", { name: "PEST" }));
    fill("PEST 因素 第 1 行", { 维度: "E", 因素: "消费降级", "权重（%）": "70", "评分（1–5）": "4" });
    await click("在“PEST 因素”中添加一行");
    fill("PEST 因素 第 2 行", { 维度: "T", 因素: "AI 导购", "权重（%）": "30", "评分（1–5）": "5" });
    await click("写入新工作表");
    expect(screen.getByText("工作表“PEST 分析”已创建。")).toBeTruthy();
    expect(gateway.grid("PEST 分析").slice(2, 6)).toEqual([
      ["维度", "因素", "权重", "'评分（1–5）", "加权得分"],
      ["经济（E）", "消费降级", 0.7, 4, "=C4*D4"],
      ["技术（T）", "AI 导购", 0.3, 5, "=C5*D5"],
      ["合计", "", "=SUM(C4:C5)", "", "=SUM(E4:E5)"],
    ]);
    expect(gateway.formulaAt("'PEST 分析'!B9")).toBe("=SUMIF($A$4:$A$5,A9,$E$4:$E$5)");
    expect(gateway.sheet("PEST 分析")!.charts).toEqual([{ kind: "column", source: "A8:B12", title: "各维度加权得分", from: "G3", to: "N18" }]);
  });

  it("BCG: writes the class formula in the chosen language and the share-vs-growth chart; a “-5% share” name stays text", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await openMarket(gateway, "zh");
    fireEvent.click(screen.getByRole("tab", { name: "产品组合（BCG）" }));
    fireEvent.change(screen.getByLabelText("高增长阈值（%）"), { target: { value: "15" } });
    fill("产品 第 1 行", { 产品: "-5% share", "相对市场份额（倍）": "0.4", "市场增长率（%）": "-5" });
    await click("在“产品清单”中添加一行");
    fill("产品 第 2 行", { 产品: "旗舰款", "相对市场份额（倍）": "1.8", "市场增长率（%）": "22" });
    await click("写入新工作表");
    expect(gateway.grid("产品组合")).toEqual([
      ["产品组合（BCG 矩阵）", "", "", ""],
      ["高市场增长率阈值", 0.15, "", ""],
      ["高相对市场份额阈值", 1, "", ""],
      ["", "", "", ""],
      ["产品", "相对市场份额", "市场增长率", "类别"],
      ["'-5% share", 0.4, -0.05, '=IF(AND(C6>=$B$2,B6>=$B$3),"明星",IF(C6>=$B$2,"问题",IF(B6>=$B$3,"现金牛","瘦狗")))'],
      ["旗舰款", 1.8, 0.22, '=IF(AND(C7>=$B$2,B7>=$B$3),"明星",IF(C7>=$B$2,"问题",IF(B7>=$B$3,"现金牛","瘦狗")))'],
    ]);
    expect(gateway.valueAt("产品组合!A6")).toBe("-5% share");
    expect(gateway.sheet("产品组合")!.charts[0]).toMatchObject({ kind: "scatter", source: "B5:C7", xAxisTitle: "相对市场份额", yAxisTitle: "市场增长率" });
  });

  it("risk: a write that fails half-way leaves the workbook exactly as it was and says so", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1", "Plan"], { blockRows: 3 });
    gateway.setCells("Plan!A1", [[{ value: "Q1" }, { formula: "=SUM(B2:B9)" }]]);
    const before = gateway.snapshot();
    gateway.failAfterBlocks(2);
    await openMarket(gateway);
    fireEvent.click(screen.getByRole("tab", { name: "Risks" }));
    fill("Risk 1", { Risk: "@supplier delay", "Probability (1–5)": "4", "Impact (1–5)": "5", "Response (optional)": "Second supplier" });
    await click("Write to a new sheet");
    expect(screen.getByText("Nothing was changed")).toBeTruthy();
    expect(screen.getByText(/Excel could not write the sheet \(The request payload size has exceeded the limit\.\)/)).toBeTruthy();
    expect(gateway.blocksWritten).toBe(2);
    expect(gateway.snapshot()).toEqual(before);

    await click("Write to a new sheet");
    expect(gateway.grid("Risk matrix")[5]).toEqual(["'@supplier delay", 4, 5, "=B6*C6", '=IF(D6>=$B$2,"High",IF(D6>=$B$3,"Medium","Low"))', "Second supplier"]);
  });

  it("keeps each analysis's draft when switching between them", async () => {
    await openMarket(new MemoryGateway());
    fill("Strengths (S) 1", { Factor: "Brand" });
    fireEvent.click(screen.getByRole("tab", { name: "Risks" }));
    expect(screen.queryByRole("group", { name: "Strengths (S) 1" })).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "SWOT" }));
    expect((within(screen.getByRole("group", { name: "Strengths (S) 1" })).getByLabelText("Strengths (S) 1 Factor") as HTMLInputElement).value).toBe("Brand");
  });

  it("removes a row by its labelled button", async () => {
    await openMarket(new MemoryGateway());
    fireEvent.click(screen.getByRole("tab", { name: "Risks" }));
    fill("Risk 1", { Risk: "first" });
    await click("Add row to Risks");
    fill("Risk 2", { Risk: "second" });
    await click("Remove Risk 1");
    expect(screen.queryByRole("group", { name: "Risk 2" })).toBeNull();
    expect((within(screen.getByRole("group", { name: "Risk 1" })).getByLabelText("Risk 1 Risk") as HTMLInputElement).value).toBe("second");
  });
});

describe("market analysis: an empty list", () => {
  it("says so at the add button, marks it invalid and moves focus there", async () => {
    const gateway = new MemoryGateway();
    await openMarket(gateway);
    fireEvent.click(screen.getByRole("tab", { name: "Risks" }));
    await click("Remove Risk 1");
    await click("Write to a new sheet");
    const add = screen.getByRole("button", { name: "Add row to Risks" });
    expect(add.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(add.getAttribute("aria-describedby")!)?.textContent).toBe("Add at least one row.");
    expect(document.activeElement).toBe(add);
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
