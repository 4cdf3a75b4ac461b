/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { openTab } from "../open-tab";
import { CHANNELS, HISTORY, PEOPLE, PRODUCTS, REGIONS } from "./fixture";

type NotifyDocument = Document & { ariaNotify?: jest.Mock };

afterEach(() => {
  delete (document as NotifyDocument).ariaNotify;
});

/** A workbook with the SMART target's total in B8 and three years of monthly sales in B2:M4. */
function workbook(): MemoryGateway {
  const gateway = new MemoryGateway(true, ["Sheet1", "SMART target", "Sales history"]);
  gateway.setCells("'SMART target'!A8", [[{ value: "Target" }, { value: 120_000_000 }]]);
  gateway.setCells("'Sales history'!B2", HISTORY.map((year) => year.map((value) => ({ value }))));
  return gateway;
}

async function openDecompose(gateway: MemoryGateway, language: "en" | "zh" = "en") {
  render(<App gateway={gateway} initialLanguage={language} />);
  await openTab(language === "en" ? "Decompose" : "目标分解");
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** Types into the cells of a row, named "<row> <column>": fill("Channel 1", { Channel: "天猫", Weight: "50" }). */
function fill(group: string, values: Record<string, string>) {
  const row = screen.getByRole("group", { name: group });
  for (const [label, value] of Object.entries(values)) fireEvent.change(within(row).getByLabelText(`${group} ${label}`), { target: { value } });
}

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

async function fillRows(list: string, row: string, rows: readonly Record<string, string>[]) {
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) await click(`Add row to ${list}`);
    fill(`${row} ${i + 1}`, rows[i]!);
  }
}

describe("Decompose page", () => {
  it("splits the SMART target's cell over months (seasonal), channels, product lines and 天猫's salespeople", async () => {
    const gateway = workbook();
    await openDecompose(gateway);
    type("Year or period", "2026");
    fireEvent.click(screen.getByLabelText("From a cell"));
    gateway.selection = "'SMART target'!B8";
    await click("Use selected cell as total");
    expect(screen.getByLabelText("Total cell").textContent).toBe("'SMART target'!B8");
    expect(screen.getByText("Current value: 120,000,000")).toBeTruthy();
    type("Rounding unit", "10,000");

    type("Split over time", "seasonal");
    gateway.selection = "'Sales history'!B2:M4";
    await click("Use selected range as history");
    expect((screen.getByLabelText("Sales history range (years × periods, or one column)") as HTMLInputElement).value).toBe("'Sales history'!B2:M4");

    await fillRows("Channels and weights", "Channel", CHANNELS.map((c) => ({ Channel: c.name, Weight: String(c.weight) })));
    fireEvent.click(screen.getByLabelText("Product lines within each channel"));
    await fillRows("Product lines and weights", "Product line", PRODUCTS.map((p) => ({ "Product line": p.name, Weight: `${p.weight}%` })));
    fireEvent.click(screen.getByLabelText("Salespeople"));
    type("Salespeople share", "0");
    type("History (%)", "60");
    type("Potential (%)", "40");
    type("Even (%)", "0");
    await fillRows(
      "Salespeople list",
      "Salesperson",
      PEOPLE.map((p) => ({ Salesperson: p.name, "Last year's sales": String(p.history), Potential: String(p.potential), "Ramp (%)": String(p.ramp * 100) })),
    );
    await click("Write to a new sheet");

    expect(screen.getByText("Sheet “Decomposition” is ready.")).toBeTruthy();
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "SMART target", "Sales history", "Decomposition"]);
    const at = (a1: string) => gateway.formulaAt(`Decomposition!${a1}`);
    expect([at("A2"), at("B2"), at("A3"), at("B3"), at("A4"), at("B4")]).toEqual(["Period", "'2026", "Total", "='SMART target'!B8", "Unit", 10000]);
    expect(at("A6")).toBe("'Time: seasonal, from 'Sales history'!B2:M4");
    expect([at("A8"), at("B8"), at("C8")]).toEqual(["Jan", "=INDEX(SALES.TARGET.SEASONAL($B$3,'Sales history'!B2:M4,$B$4),1,ROW()-ROW($A$7))", "=B8/$B$3"]);
    expect([at("B20"), at("C20")]).toEqual(["=SUM(B8:B19)", '=IF(ROUND(B20-$B$3,6)=0,"✓","✗ "&TEXT(B20-$B$3,"#,##0"))']);
    expect([at("A24"), at("B24"), at("C24")]).toEqual(["天猫", 50, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$24:$B$27,$B$4),ROW()-ROW($A$23),1)"]);
    expect([at("A31"), at("B31"), at("D31")]).toEqual(["Product mix (weight)", 50, 20]);
    expect([at("A33"), at("C33"), at("F33")]).toEqual(["=A24", "=INDEX(SALES.TARGET.SPLIT($C24,$B$31:$D$31,$B$4),1,2)", '=IF(ROUND(E33-$C24,6)=0,"✓","✗ "&TEXT(E33-$C24,"#,##0"))']);
    expect(at("A39")).toBe("Salespeople quotas (of 天猫)");
    expect([at("B40"), at("C40"), at("D40")]).toEqual([0.6, 0.4, 0]);
    expect([at("A46"), at("B46"), at("D46")]).toEqual(["陈静", 0, 0.375]);
    expect(at("E46")).toBe("=INDEX(SALES.QUOTA.ALLOCATE($C$24,$B$42:$B$46,$C$42:$C$46,$B$40:$D$40,$D$42:$D$46,$B$4),ROW()-ROW($A$41),1)");
    expect(at("A47")).toBe("Check: sum = 天猫");
    const sheet = gateway.sheet("Decomposition")!;
    expect(sheet.tables.map((table) => `${table.name} ${table.address}`)).toEqual([
      "Decompose_Time A7:C19",
      "Decompose_Channels A23:D27",
      "Decompose_Products A32:F36",
      "Decompose_Salespeople A41:F46",
    ]);
    expect(sheet.names).toEqual([
      { name: "Decompose_Total", address: "B3" },
      { name: "Decompose_Unit", address: "B4" },
    ]);
    // The sheets it reads are left alone.
    expect(gateway.grid("SMART target")).toEqual([["", ""], ["", ""], ["", ""], ["", ""], ["", ""], ["", ""], ["", ""], ["Target", 120000000]]);
  });

  it("writes a typed total in Chinese, with text that looks like a formula as text, and warns while the total is not a multiple of the unit", async () => {
    const gateway = workbook();
    await openDecompose(gateway, "zh");
    type("总目标", "1,000,005");
    expect(screen.getByText("总目标须为单位的整数倍：可改为 1,000,000 或 1,010,000，或使用更小的单位。")).toBeTruthy();
    type("总目标", "1,000,000");
    expect(screen.queryByText(/总目标须为单位的整数倍/)).toBeNull();
    fireEvent.click(screen.getByLabelText("时间")); // time off: channels only
    fill("渠道 1", { 渠道: '=HYPERLINK("http://evil.example","点我")', 权重: "3" });
    await click("在“渠道及权重”中添加一行");
    fill("渠道 2", { 渠道: "抖音", 权重: "1" });
    await click("写入新工作表");

    expect(screen.getByText("工作表“目标分解”已创建。")).toBeTruthy();
    expect(gateway.grid("目标分解")).toEqual([
      ["目标分解", "", "", ""],
      ["期间", "", "", ""],
      ["总目标", 1_000_000, "", ""],
      ["单位", 10_000, "", ""],
      ["", "", "", ""],
      ["渠道", "", "", ""],
      ["渠道", "权重", "目标金额", "占比"],
      ['\'=HYPERLINK("http://evil.example","点我")', 3, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$8:$B$9,$B$4),ROW()-ROW($A$7),1)", "=C8/$B$3"],
      ["抖音", 1, "=INDEX(SALES.TARGET.SPLIT($B$3,$B$8:$B$9,$B$4),ROW()-ROW($A$7),1)", "=C9/$B$3"],
      ["校验：合计 = 总目标", "", "=SUM(C8:C9)", '=IF(ROUND(C10-$B$3,6)=0,"✓","✗ "&TEXT(C10-$B$3,"#,##0"))'],
    ]);
    expect(gateway.valueAt("目标分解!A8")).toBe('=HYPERLINK("http://evil.example","点我")');
  });

  it("shows each problem at its field, focuses the first one, announces how many and writes nothing", async () => {
    const notify = jest.fn();
    (document as NotifyDocument).ariaNotify = notify;
    const gateway = workbook();
    await openDecompose(gateway);
    type("Total", "120000000");
    type("Rounding unit", "0");
    fill("Channel 1", { Channel: "天猫", Weight: "0" });
    fireEvent.click(screen.getByLabelText("Regions"));
    fill("Region 1", { Region: "", Weight: "x" });
    await click("Write to a new sheet");

    const unit = screen.getByLabelText("Rounding unit");
    expect(document.activeElement).toBe(unit);
    expect(unit.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter a unit above 0, e.g. 10000.")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Channel 1" })).getByText("Weight: At least one weight must be above 0.")).toBeTruthy();
    const region = within(screen.getByRole("group", { name: "Region 1" }));
    expect(region.getByText("Region: Required.")).toBeTruthy();
    expect(region.getByText("Weight: Enter a number, e.g. 120000000, 1,200,000 or 1.2亿.")).toBeTruthy();
    // The cell is marked and described by its message, under its row.
    const regionName = screen.getByLabelText("Region 1 Region");
    expect(regionName.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(regionName.getAttribute("aria-describedby")!)?.textContent).toBe("Region: Required.");
    expect(notify).toHaveBeenCalledWith("4 fields need attention.", { priority: "normal" });
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "SMART target", "Sales history"]);

    // Corrections clear the messages as the user types.
    type("Rounding unit", "10000");
    expect(screen.queryByText("Enter a unit above 0, e.g. 10000.")).toBeNull();
  });

  it("reads a total typed as 1.2亿 and weights as ¥ amounts; warns at once what TARGET.SPLIT would refuse, with its limit", async () => {
    const gateway = workbook();
    await openDecompose(gateway);
    type("Rounding unit", "1");
    type("Total", "1,000,000.0005");
    expect(screen.getByText("The total must be a multiple of the unit: use 1,000,000 or 1,000,001, or a smaller unit.")).toBeTruthy();
    type("Total", "1e16");
    expect(screen.getByText("At this unit the total can be at most 9,007,199,254,740,990: enter a smaller total or a larger unit.")).toBeTruthy();
    type("Total", "30%");
    await click("Write to a new sheet");
    expect(screen.getByText("30% is a percentage; enter an amount such as 300000.")).toBeTruthy();
    type("Rounding unit", "1万");
    type("Total", "1.2亿");
    fireEvent.click(screen.getByLabelText("Time"));
    fill("Channel 1", { Channel: "天猫", Weight: "¥3,000" });
    await click("Add row to Channels and weights");
    fill("Channel 2", { Channel: "抖音", Weight: "1000元" });
    await click("Write to a new sheet");
    expect(gateway.valueAt("Decomposition!B3")).toBe(120_000_000);
    expect(gateway.valueAt("Decomposition!B4")).toBe(10_000);
    expect(gateway.valueAt("Decomposition!B8")).toBe(3000);
    expect(gateway.valueAt("Decomposition!B9")).toBe(1000);
  });

  it("refuses a picked range of several cells, a picked cell that is not a number, and says which selection it could not read", async () => {
    const gateway = workbook();
    await openDecompose(gateway);
    fireEvent.click(screen.getByLabelText("From a cell"));
    gateway.selection = "'SMART target'!A8:B8";
    await click("Use selected cell as total");
    await click("Write to a new sheet");
    expect(screen.getByText("Select one cell.")).toBeTruthy();
    gateway.selection = "'SMART target'!A8";
    await click("Use selected cell as total");
    expect(screen.getByText("This cell does not hold a number.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Total cell"));
    gateway.selection = "Gone!A1";
    await click("Use selected cell as total");
    expect(screen.getByText("“Gone!A1” is not a range in this workbook. Nothing was changed.")).toBeTruthy();
    expect(gateway.sheets).toHaveLength(3);
  });

  it("plans quarters by typed weights, a mix per channel, people within regions and their quotas × quarters; the draft survives a page switch; Enter writes", async () => {
    const gateway = workbook();
    await openDecompose(gateway);
    type("Total", "120000000");
    type("Periods", "quarters");
    type("Split over time", "typed");
    const weights = within(screen.getByRole("group", { name: "Weight of each period" }));
    ["20", "30", "15", "35"].forEach((w, i) => fireEvent.change(weights.getByLabelText(`Q${i + 1}`), { target: { value: w } }));
    await fillRows("Channels and weights", "Channel", CHANNELS.slice(0, 2).map((c) => ({ Channel: c.name, Weight: String(c.weight) })));
    fireEvent.click(screen.getByLabelText("Product lines within each channel"));
    await fillRows("Product lines and weights", "Product line", PRODUCTS.map((p) => ({ "Product line": p.name, Weight: String(p.weight) })));
    fireEvent.click(screen.getByLabelText("A product mix per channel"));
    const douyin = within(screen.getByRole("group", { name: "Mix in 抖音" }));
    fireEvent.change(douyin.getByLabelText("护肤"), { target: { value: "20" } });
    fireEvent.change(douyin.getByLabelText("彩妆"), { target: { value: "60" } });
    expect((douyin.getByLabelText("个护") as HTMLInputElement).placeholder).toBe("20");
    fireEvent.click(screen.getByLabelText("Regions"));
    await fillRows("Regions and weights", "Region", REGIONS.slice(0, 2).map((r) => ({ Region: r.name, Weight: String(r.weight) })));
    fireEvent.click(screen.getByLabelText("Salespeople"));
    type("Salespeople share", "regions");
    await fillRows(
      "Salespeople list",
      "Salesperson",
      PEOPLE.slice(0, 3).map((p, i) => ({ Salesperson: p.name, Region: REGIONS[i % 2]!.name, "Last year's sales": String(p.history), Potential: String(p.potential), "Ramp (%)": "100" })),
    );
    fireEvent.click(screen.getByLabelText("Plan by period (TARGET.GRID)"));
    expect((screen.getByLabelText("Rows of the plan") as HTMLSelectElement).value).toBe("salespeople");

    // A page switch unmounts the page: every new field is still there when it comes back.
    await openTab("SMART target");
    await openTab("Decompose");
    expect((within(screen.getByRole("group", { name: "Weight of each period" })).getByLabelText("Q4") as HTMLInputElement).value).toBe("35");
    expect((within(screen.getByRole("group", { name: "Mix in 抖音" })).getByLabelText("彩妆") as HTMLInputElement).value).toBe("60");
    expect((screen.getByLabelText("Salesperson 3 Region") as HTMLSelectElement).value).toBe("华东");
    expect((screen.getByLabelText("Plan by period (TARGET.GRID)") as HTMLInputElement).checked).toBe(true);

    // Enter in a field runs the page's primary action.
    await act(async () => {
      fireEvent.submit(screen.getByLabelText("Total").closest("form")!);
    });
    expect(screen.getByText("Sheet “Decomposition” is ready.")).toBeTruthy();
    const at = (a1: string) => gateway.formulaAt(`Decomposition!${a1}`);
    expect([at("A6"), at("A7"), at("B7"), at("D7"), at("D9")]).toEqual(["Time: by the weights typed", "Period", "Amount", "Weight", 30]);
    const sheet = gateway.sheet("Decomposition")!;
    expect(sheet.tables.map((table) => table.name)).toEqual(["Decompose_Time", "Decompose_Channels", "Decompose_Products", "Decompose_Regions", "Decompose_Salespeople", "Decompose_Grid"]);
    expect(sheet.charts).toEqual([expect.objectContaining({ kind: "column", source: "A7:B11", title: "Target by period" })]);
    const grid = sheet.tables.find((table) => table.name === "Decompose_Grid")!.address;
    const gridFirst = Number(/A(\d+)/.exec(grid)![1]) + 1;
    expect(String(at(`B${gridFirst}`))).toMatch(/^=INDEX\(SALES\.TARGET\.GRID\(\$F\$\d+:\$F\$\d+,\$B\$\d+:\$E\$\d+,,\$B\$4\)/);
    // The mix rows: 天猫 blank → the lines' own weights; 抖音 as typed, its blank cell the line's own.
    const mix = sheet.tables.find((table) => table.name === "Decompose_Products")!.address;
    const mixHeader = Number(/A(\d+)/.exec(mix)![1]);
    expect([at(`A${mixHeader - 3}`), at(`A${mixHeader - 2}`), at(`B${mixHeader - 2}`), at(`D${mixHeader - 1}`)]).toEqual(["Product mix per channel (weights)", "=A16", 50, 20]);
    expect([at(`B${mixHeader - 1}`), at(`C${mixHeader - 1}`)]).toEqual([20, 60]);
  });

  it("says in Chinese what is wrong with the new fields: period weights all 0, a salesperson's region, a region nobody is in", async () => {
    const gateway = workbook();
    await openDecompose(gateway, "zh");
    type("总目标", "1,000,000");
    type("期间", "quarters");
    type("按时间分解方式", "typed");
    const weights = within(screen.getByRole("group", { name: "各期间权重" }));
    ["0", "0", "0", "0"].forEach((w, i) => fireEvent.change(weights.getByLabelText(["第一季度", "第二季度", "第三季度", "第四季度"][i]!), { target: { value: w } }));
    fill("渠道 1", { 渠道: "天猫", 权重: "1" });
    fireEvent.click(screen.getByLabelText("区域"));
    fill("区域 1", { 区域: "华东", 权重: "1" });
    await click("在“区域及权重”中添加一行");
    fill("区域 2", { 区域: "华南", 权重: "1" });
    fireEvent.click(screen.getByLabelText("销售人员"));
    type("销售人员分解的对象", "regions");
    fill("销售人员 1", { 销售人员: "王芳", 去年业绩: "100", 潜力: "1", "爬坡系数（%）": "100" });
    await click("写入新工作表");
    expect(screen.getByText("至少要有一个期间的权重大于 0。")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "销售人员 1" })).getByText("区域：必填。")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("销售人员 1 区域"), { target: { value: "华东" } });
    await click("写入新工作表");
    expect(within(screen.getByRole("group", { name: "区域 2" })).getByText("区域：该区域没有销售人员：请为某位销售指定该区域，或删除该区域。")).toBeTruthy();
    expect(gateway.sheets).toHaveLength(3);
  });

  it("leaves the workbook unchanged when the write fails half-way, and says so", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"], { blockRows: 5 });
    await openDecompose(gateway);
    type("Total", "120000000");
    fill("Channel 1", { Channel: "天猫", Weight: "50" });
    const before = gateway.snapshot();
    gateway.failAfterBlocks(2, "The request payload size has exceeded the limit.");
    await click("Write to a new sheet");
    const alert = await screen.findByText("Nothing was changed");
    expect(alert.parentElement?.textContent).toContain("The request payload size has exceeded the limit.");
    expect(gateway.snapshot()).toEqual(before);
    expect(gateway.blocksWritten).toBe(2);
  });
});
