/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { CellSpec } from "../../../src/excel/gateway";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { DraftStore } from "../../../src/taskpane/drafts/draft-store";
import { openTab } from "../open-tab";
import { ordersSheet, targetsSheet } from "./fixture";

const specs = (rows: unknown[][]): CellSpec[][] => rows.map((row) => row.map((value) => (value === null ? null : { value: value as string | number })));

/** A workbook with the manager's targets (A1:M6) and an order export (A1:D63). */
function workbook(): MemoryGateway {
  const gateway = new MemoryGateway(true, ["Sheet1", "Targets", "Orders"]);
  gateway.setCells("Targets!A1", specs(targetsSheet()));
  gateway.setCells("Orders!A1", specs(ordersSheet()));
  return gateway;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};
const enter = async (label: string) => {
  await act(async () => {
    fireEvent.keyDown(screen.getByLabelText(label), { key: "Enter", code: "Enter" });
  });
};
const heading = () => screen.getByRole("heading", { level: 3 }).textContent;

/** The pane on the workbook's own draft storage (written at once), as when it is closed and opened again. */
async function open(gateway: MemoryGateway, language: "en" | "zh" = "en") {
  const view = render(<App gateway={gateway} initialLanguage={language} drafts={new DraftStore({ storage: window.localStorage, slot: "progress-test", delayMs: 0 })} />);
  await openTab(language === "en" ? "Progress" : "进度跟踪");
  return view;
}

beforeEach(() => window.localStorage.clear());

describe("Progress page", () => {
  it("walks plan → actuals from an order export → review sheet → a new version, never touching plan v1", async () => {
    const gateway = workbook();
    const view = await open(gateway);
    expect(heading()).toBe("Step 1 of 4: Plan");

    // Next without a plan: the field says what to do.
    await click("Next");
    expect(screen.getByText("Select the range in the workbook, then press the button above.")).toBeTruthy();

    gateway.selection = "Targets!A1:M6";
    await click("Use the selection as the plan");
    expect(screen.getByText("5 people, 12 months, from Targets!A1:M6")).toBeTruthy();
    type("Year", "1800");
    await enter("Year");
    expect(screen.getByText("Enter a year from 1900 to 9998.")).toBeTruthy();
    type("Year", "2025");
    await enter("Year"); // Enter does what Next does
    await waitFor(() => expect(heading()).toBe("Step 2 of 4: Actuals"));

    fireEvent.click(screen.getByLabelText("Summed from an order export"));
    type("Months with actuals (1–12)", "13");
    await click("Next");
    expect(screen.getByText("Enter a whole number of months from 1 to 12.")).toBeTruthy();
    gateway.selection = "Orders!A1:D63";
    await click("Use the selection as the order export");
    expect(screen.getByText("62 rows: 业务员, 下单日期, 实付金额")).toBeTruthy();
    expect(screen.getByText("Dates and amounts are numbers: the sheet sums them with SUMIFS, live.")).toBeTruthy();
    type("Months with actuals (1–12)", "6");
    await click("Next");
    await waitFor(() => expect(heading()).toBe("Step 3 of 4: Review sheet"));

    type("Amber from pace (%)", "120");
    await click("Write the review sheet");
    expect(screen.getByText("Amber must start below green.")).toBeTruthy();
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "Targets", "Orders"]);
    type("Amber from pace (%)", "90");
    await click("Write the review sheet");
    await waitFor(() => expect(heading()).toBe("Step 4 of 4: Adjust"));
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "Targets", "Orders", "Progress review"]);
    const review = gateway.grid("Progress review");
    expect(review[14]![1]).toBe("='Targets'!$B$2");
    expect(String(review[23]![1])).toMatch(/^=SUMIFS\('Orders'!\$D\$2:\$D\$63,'Orders'!\$C\$2:\$C\$63,\$A24,/);
    expect(gateway.sheet("Progress review")!.conditionalFormats).toHaveLength(6);
    expect(gateway.sheet("Progress review")!.charts).toHaveLength(1);
    expect((screen.getByLabelText("Review sheet") as HTMLInputElement).value).toBe("Progress review");

    // The draft survives closing the pane and opening it again.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    view.unmount();
    await open(gateway);
    expect(heading()).toBe("Step 4 of 4: Adjust");
    expect((screen.getByLabelText("Review sheet") as HTMLInputElement).value).toBe("Progress review");

    await click("Add row to Leavers");
    fireEvent.change(screen.getByLabelText("Leaver 1 Leaver"), { target: { value: "陈静" } });
    fireEvent.change(screen.getByLabelText("Leaver 1 Colleagues taking over"), { target: { value: "张伟，赵六" } });
    await click("Write the new version");
    // Every problem at once: the reason, who, and a colleague not in the plan.
    expect(screen.getAllByText("Required.")).toHaveLength(2);
    expect(screen.getByText("Colleagues taking over: Not in the plan: 赵六.")).toBeTruthy();
    type("Reason", "陈静 leaves in July");
    type("Changed by", "Manager Li");
    fireEvent.change(screen.getByLabelText("Leaver 1 Colleagues taking over"), { target: { value: "张伟，王芳" } });
    type("Date", "2025-07-01");
    const before = JSON.stringify(gateway.grid("Progress review"));
    // The plan's reads happen again at Next: the plan range is read before the version is written.
    await click("Write the new version");
    await waitFor(() => expect(gateway.sheets.map((s) => s.name)).toContain("Plan v2"));
    expect(JSON.stringify(gateway.grid("Progress review"))).toBe(before);
    const v2 = gateway.grid("Plan v2");
    expect(v2[1]![1]).toBe("Progress review");
    expect(v2[3]![1]).toBe(6);
    expect(v2[15]!.slice(1, 4)).toEqual(["陈静 leaves in July", "Manager Li", expect.stringContaining("陈静's remaining quota to 张伟、王芳")]);
    await waitFor(() => expect((screen.getByLabelText("Version") as HTMLInputElement).value).toBe("3"));

    // A second version: v3, with both entries in its log; v1 and v2 untouched.
    type("Reason", "Q3 review");
    const v2Before = JSON.stringify(v2);
    await click("Write the new version");
    await waitFor(() => expect(gateway.sheets.map((s) => s.name)).toContain("Plan v3"));
    const v3 = gateway.grid("Plan v3");
    expect([v3[15]![1], v3[16]![1]]).toEqual(["陈静 leaves in July", "'Q3 review"]) // text with a digit is kept behind an apostrophe;
    expect(JSON.stringify(gateway.grid("Plan v2"))).toBe(v2Before);
    expect(JSON.stringify(gateway.grid("Progress review"))).toBe(before);
  });

  it("reads a plan from a Decompose sheet found by its layout, in Chinese", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    const rows: unknown[][] = [["目标分解"], ["期间", "2025"], ["总目标", 1_200_000], ["单位", 10_000], [], ["时间：平均分解"], ["期间", "权重", "目标金额", "占比"]];
    for (let k = 1; k <= 12; k++) rows.push([`${k}月`, 1, 100_000, null]);
    rows.push(["校验：合计 = 总目标", null, 1_200_000, "✓"], [], ["销售人员指标（总目标）"], ["混合权重：历史、潜力、平均", 0.6, 0.4, 0]);
    rows.push(["销售人员", "去年销售额", "潜力", "爬坡", "指标", "占比"], ["张伟", 1, 1, 1, 700_000, null], ["李娜", 1, 1, 1, 500_000, null], ["校验：合计 = 总目标", null, null, null, 1_200_000, "✓"]);
    gateway.setCells("目标分解!A1", specs(rows));
    await open(gateway, "zh");
    fireEvent.click(screen.getByLabelText("目标分解工作表"));
    gateway.selection = "目标分解!C5";
    await click("用所选区域作为计划");
    expect(screen.getByText("2 人、12 个月，来自 目标分解")).toBeTruthy();
    type("年份", "2025");
    await click("下一步");
    await waitFor(() => expect(heading()).toBe("第 2 步，共 4 步：实际"));
  });

  it("names what is wrong with a picked range", async () => {
    const gateway = workbook();
    await open(gateway);
    gateway.selection = "Orders!A1:D5";
    await click("Use the selection as the plan");
    await click("Next");
    expect(screen.getByText("Use 12 monthly columns (or one column of yearly quotas) beside a column of names.")).toBeTruthy();
    gateway.setCells("Targets!C3", [[{ value: "n/a" }]]);
    gateway.selection = "Targets!A1:M6";
    await click("Use the selection as the plan");
    await click("Next");
    expect(screen.getByText("Not amounts of 0 or more: C3.")).toBeTruthy();
  });
});
