/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { serialFromYmd } from "../../../src/core/shared/excel-date";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { historyFormulas, statementFormula } from "../../../src/taskpane/features/smart/smart-plan";
import { openTab } from "../open-tab";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

async function openSmart(gateway: MemoryGateway, language: "en" | "zh" = "en") {
  render(<App gateway={gateway} initialLanguage={language} />);
  await openTab(language === "en" ? "SMART target" : "SMART 目标");
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

/** A workbook with five years of sales in Sheet1!B2:B6, selected. */
function workbookWithHistory(options?: { blockRows?: number }) {
  const gateway = new MemoryGateway(true, ["Sheet1"], options);
  gateway.setCells("Sheet1!A1", [[{ value: "Sales" }], [{ value: 30 }], [{ value: 33 }], [{ value: 36 }], [{ value: 38 }], [{ value: 40 }]]);
  gateway.selection = "Sheet1!A1:A6";
  return gateway;
}

/** Steps 1 and 2, to the history step. */
async function walkToHistory() {
  type("Channel / platform", "Tmall, Douyin and Xiaohongshu");
  type("Product", "Valentine gift boxes");
  type("Campaign or occasion (optional)", "the Valentine's Day campaign");
  await click("Next");
  type("Unit shown", "10k yuan");
  type("Baseline (last comparable period)", "40");
  type("Target", "50");
  await click("Next");
}

async function walkToTheEnd() {
  await walkToHistory();
  await click("Use the selected range");
  await click("Next");
  type("Which strategy does it serve?", "SO: content strength wins festival traffic");
  await click("Next");
  type("Start date", "2025-01-01");
  type("End date", "2025-03-31");
}

describe("SMART target wizard", () => {
  it("walks five steps, warns that 25% exceeds the best past growth (10%), and writes the sheet", async () => {
    const gateway = workbookWithHistory();
    await openSmart(gateway);
    expect(screen.getByRole("heading", { name: "Step 1 of 5: Specific" })).toBeTruthy();
    type("Channel / platform", "Tmall, Douyin and Xiaohongshu");
    type("Product", "Valentine gift boxes");
    type("Campaign or occasion (optional)", "the Valentine's Day campaign");
    await click("Next");
    expect(screen.getByRole("heading", { name: "Step 2 of 5: Measurable" })).toBeTruthy();
    type("Unit shown", "10k yuan");
    type("Baseline (last comparable period)", "40");
    type("Target", "50");
    await click("Next");
    await click("Use the selected range");
    expect(screen.getByText("5 values read from Sheet1!A2:A6.")).toBeTruthy(); // the header "Sales" is skipped
    expect(screen.getByText("This target needs 25.0% growth, more than the best in your history (10.0%). You can go on; make sure the plan explains how.")).toBeTruthy();
    expect((screen.getByLabelText("History range (optional)") as HTMLInputElement).value).toBe("Sheet1!A1:A6");
    await click("Next"); // a warning does not block
    type("Which strategy does it serve?", "SO: content strength wins festival traffic");
    await click("Next");
    type("Start date", "2025-01-01");
    type("End date", "2025-03-31");
    expect(screen.getByText("3 checkpoints.")).toBeTruthy();
    await click("Write the SMART target sheet");

    expect(screen.getByText("Sheet “SMART target” is ready.")).toBeTruthy();
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "SMART target"]);
    // The statement is a formula of the parameter cells (its text: test/formula/smart-sheet.built.test.ts).
    expect(gateway.formulaAt("'SMART target'!A2")).toBe(statementFormula("en", "yuan"));
    expect(gateway.valueAt("'SMART target'!B8")).toBe("the Valentine's Day campaign");
    expect(gateway.valueAt("'SMART target'!B12")).toBe(50);
    expect(gateway.formulaAt("'SMART target'!B14")).toBe(historyFormulas("Sheet1!A2:A6")!.best);
    expect(gateway.formulaAt("'SMART target'!B15")).toBe(historyFormulas("Sheet1!A2:A6")!.average);
    expect(gateway.valueAt("'SMART target'!C14")).toBe("Sheet1!A2:A6");
    expect(gateway.formulaAt("'SMART target'!B25")).toBe("=SALES.TARGET.TIERS(B12,B21,B22)");
    expect(gateway.grid("SMART target").slice(28, 32).map((row) => row.slice(0, 7))).toEqual([
      [1, d(2025, 1, 1), d(2025, 1, 31), "=C29-B29+1", "=SALES.TARGET.SPLIT($B$12,D29:D31,$B$20)", "=SUM($E$29:E29)", "=F29/$B$12"],
      [2, d(2025, 2, 1), d(2025, 2, 28), "=C30-B30+1", "", "=SUM($E$29:E30)", "=F30/$B$12"],
      [3, d(2025, 3, 1), d(2025, 3, 31), "=C31-B31+1", "", "=SUM($E$29:E31)", "=F31/$B$12"],
      ["Total", "", "", "=SUM(D29:D31)", "=SUM(E29:E31)", '=IF(E32=$B$12,"✓ adds up to the target","✗ off by "&TEXT(E32-$B$12,"#,##0"))', ""],
    ]);
    expect(gateway.sheet("SMART target")!.names).toEqual([{ name: "SmartTarget", address: "B12" }]);
  });

  it("says which history range is not in the workbook", async () => {
    const gateway = workbookWithHistory();
    await openSmart(gateway);
    await walkToHistory();
    type("History range (optional)", "Nope!B2:B6");
    await click("Read the range");
    expect(screen.getByText("“Nope!B2:B6” is not a range in this workbook. Nothing was changed.")).toBeTruthy();
  });

  it("does not advance past an invalid step: focus goes to the first invalid field and the messages show", async () => {
    await openSmart(new MemoryGateway(true));
    await click("Next");
    expect(screen.getByRole("heading", { name: "Step 1 of 5: Specific" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Channel / platform"));
    expect(screen.getAllByText("Required.")).toHaveLength(2);
    type("Channel / platform", "Tmall");
    type("Product", "Gift boxes");
    await click("Next");
    type("Unit shown", "yuan");
    type("Baseline (last comparable period)", "40000000");
    type("Target", "50005000");
    type("Round milestones to multiples of", "10000");
    await click("Next");
    expect(screen.getByText("The target must be a multiple of the rounding unit: use 50,000,000 or 50,010,000, or a smaller unit.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Target"));
  });

  it("refuses a percentage typed as the baseline, saying so; reads 1.2万-style amounts and 1e16", async () => {
    await openSmart(new MemoryGateway(true));
    type("Channel / platform", "Tmall");
    type("Product", "Gift boxes");
    await click("Next");
    type("Unit shown", "yuan");
    type("Baseline (last comparable period)", "30%");
    type("Target", "1e16");
    type("Round milestones to multiples of", "1");
    await click("Next");
    expect(screen.getByText("30% is a percentage; enter an amount such as 300000.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Baseline (last comparable period)"));
    type("Baseline (last comparable period)", "4000万");
    await click("Next");
    expect(screen.getByText("Enter at most 9,007,199,254,740,990.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Target"));
    type("Target", "¥0.5亿");
    await click("Next");
    expect(screen.getByRole("heading", { name: "Step 3 of 5: Achievable" })).toBeTruthy();
  });

  it("says it in Chinese too", async () => {
    await openSmart(new MemoryGateway(true), "zh");
    type("渠道 / 平台", "天猫");
    type("产品", "礼盒");
    await click("下一步");
    type("显示单位", "元");
    type("基数（上一可比期）", "30%");
    type("目标值", "1,000,000.0005");
    await click("下一步");
    expect(screen.getByText("30% 是百分比；这里需要金额，例如 300000 或 30万。")).toBeTruthy();
    type("基数（上一可比期）", "1.2万");
    await click("下一步");
    expect(screen.getByText("目标值必须是取整单位的整数倍：可改为 1,000,000 或 1,000,001，或使用更小的取整单位。")).toBeTruthy();
  });

  it("outside Excel, says so before anything is filled in", async () => {
    await openSmart(new MemoryGateway(false));
    expect(screen.getByText("Not connected to Excel")).toBeTruthy();
  });

  it("checks the dates: the end must be after the start", async () => {
    await openSmart(workbookWithHistory());
    await walkToTheEnd();
    type("End date", "2024-12-01");
    await click("Write the SMART target sheet");
    expect(screen.getByText("The end date must be after the start date.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("End date"));
  });

  it("a write that fails half-way leaves the workbook exactly as it was", async () => {
    const gateway = workbookWithHistory({ blockRows: 5 });
    await openSmart(gateway);
    await walkToTheEnd();
    const before = gateway.snapshot();
    gateway.failAfterBlocks(2);
    await click("Write the SMART target sheet");
    expect(gateway.snapshot()).toEqual(before);
    expect(screen.getByText("Nothing was changed")).toBeTruthy();
  });

  it("speaks Chinese: steps, labels and the sheet", async () => {
    const gateway = workbookWithHistory();
    await openSmart(gateway, "zh");
    expect(screen.getByRole("heading", { name: "第 1 步，共 5 步：具体（S）" })).toBeTruthy();
    type("渠道 / 平台", "天猫、抖音和小红书");
    type("产品", "情人节礼盒");
    await click("下一步");
    type("显示单位", "万元");
    type("基数（上一可比期）", "4000");
    type("目标值", "5000");
    await click("下一步");
    await click("下一步");
    type("该目标服务于哪项策略？", "SO");
    await click("下一步");
    type("开始日期", "2025-01-20");
    type("结束日期", "2025-02-14");
    await click("写入 SMART 目标工作表");
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "SMART 目标"]);
    expect(gateway.formulaAt("'SMART 目标'!A2")).toBe(statementFormula("zh", "yuan"));
    expect([gateway.valueAt("'SMART 目标'!B10"), gateway.valueAt("'SMART 目标'!B11"), gateway.valueAt("'SMART 目标'!B12")]).toEqual(["万元", 4000, 5000]);
  });
});
