/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { App } from "../../src/taskpane/App";
import { openTab } from "./open-tab";

/**
 * The forms' defects of issue 12, one test each: a broken sheet written (a negative total, a seasonal
 * split over an empty range, a SMART target whose milestones or growth would not compute, a percentage as
 * a total), lists that could not be read from the workbook, focus lost on adding and removing a row, a
 * bare "×" and a total that looked like a field, Enter that did nothing in the SMART steps.
 */

async function open(gateway: MemoryGateway, page: string, language: "en" | "zh" = "en") {
  render(<App gateway={gateway} initialLanguage={language} />);
  await openTab(page);
}

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

describe("issue 12, item 4: a form never writes a broken sheet", () => {
  it("refuses a Decompose total of −120,000,000, saying the total must be above 0", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await open(gateway, "Decompose");
    type("Total", "-120,000,000");
    type("Channel 1 Channel", "Tmall");
    type("Channel 1 Weight", "1");
    await click("Write to a new sheet");
    expect(screen.getByText("The total must be above 0 (it is -120,000,000): only a positive target is split.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Total"));
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("reads a seasonal history at the write and refuses an empty range, or one with blanks and words, naming the cells", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1", "Sales history"]);
    await open(gateway, "Decompose");
    type("Total", "120000000");
    type("Split over time", "seasonal");
    type("Sales history range (years × periods, or one column)", "'Sales history'!B2:M4");
    fireEvent.click(screen.getByLabelText("Channels"));
    await click("Write to a new sheet");
    expect(screen.getByText("'Sales history'!B2:M4 is empty: select the history, or type its address.")).toBeTruthy();
    expect(gateway.sheets).toHaveLength(2);

    gateway.setCells("'Sales history'!B2", [
      Array.from({ length: 12 }, (_, i) => ({ value: i === 3 ? "n/a" : i === 5 ? "" : 100 + i })),
      Array.from({ length: 12 }, (_, i) => ({ value: 110 + i })),
    ]);
    await click("Write to a new sheet");
    expect(screen.getByText("Blank cells among the history: G2. Not numbers: E2 “n/a”. Enter numbers in those cells.")).toBeTruthy();
    expect(gateway.sheets).toHaveLength(2);

    gateway.setCells("'Sales history'!E2", [[{ value: "1.2万" }, { value: 104 }, { value: 105 }]]);
    await click("Write to a new sheet");
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sales history", "Decomposition"]);
  });

  it("refuses a SMART target of 1e25 with the largest it can split, and a growth beyond a cell with the smallest baseline", async () => {
    await open(new MemoryGateway(true), "SMART target");
    type("Channel / platform", "Tmall");
    type("Product", "Gift boxes");
    await click("Next");
    type("Unit shown", "yuan");
    type("Baseline (last comparable period)", "40000000");
    type("Target", "1e25");
    await click("Next");
    expect(screen.getByText("Enter at most 9,007,199,254,740,990.")).toBeTruthy();
    type("Baseline (last comparable period)", "1e-300");
    type("Target", "1e300");
    type("Round milestones to multiples of", "1e290");
    await click("Next");
    expect(screen.getByText("The growth from this baseline to the target does not fit in a cell: enter a baseline of at least 0.00000001.")).toBeTruthy();
  });

  it("says that 30% is a percentage when typed as a Decompose total, in Chinese", async () => {
    await open(new MemoryGateway(true), "目标分解", "zh");
    type("总目标", "30%");
    await click("写入新工作表");
    expect(screen.getByText("30% 是百分比；这里需要金额，例如 300000 或 30万。")).toBeTruthy();
  });
});

describe("issue 12, item 6: lists read from a selected range", () => {
  it("reads channels under a header, then asks before replacing the list, and adds after it when asked", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    gateway.setCells("Sheet1!A1", [
      [{ value: "Channel" }, { value: "Weight" }],
      [{ value: "天猫" }, { value: 0.5 }],
      [{ value: "抖音" }, { value: "30%" }],
      [{ value: "小红书" }, { value: "1.2万" }],
    ]);
    gateway.selection = "Sheet1!A1:B4";
    await open(gateway, "Decompose");
    await click("Read from selection into Channels and weights");
    expect(screen.getByText("3 rows read from Sheet1!A2:B4.")).toBeTruthy();
    expect(screen.getByText("Header row Sheet1!A1:B1 skipped.")).toBeTruthy();
    expect((screen.getByLabelText("Channel 3 Channel") as HTMLInputElement).value).toBe("小红书");
    expect((screen.getByLabelText("Channel 3 Weight") as HTMLInputElement).value).toBe("1.2万");
    expect((screen.getByLabelText("Channel 2 Weight") as HTMLInputElement).value).toBe("30%");
    expect(document.activeElement).toBe(screen.getByLabelText("Channel 1 Channel"));

    gateway.selection = "Sheet1!A3:B3";
    await click("Read from selection into Channels and weights");
    expect(screen.getByText("The list already has 3 rows. Replace them with the 1 read, or add those after them?")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Replace" }));
    await click("Add after");
    expect((screen.getByLabelText("Channel 4 Channel") as HTMLInputElement).value).toBe("抖音");
    expect(document.activeElement).toBe(screen.getByLabelText("Channel 4 Channel"));
  });

  it("reads salespeople with last year's sales (1.2万), potential and a ramp of 0.375, and names a cell it cannot read", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    gateway.setCells("Sheet1!C5", [
      [{ value: "王芳" }, { value: "1.2万" }, { value: 3 }, { value: 1 }],
      [{ value: "陈静" }, { value: "—" }, { value: 2 }, { value: 0.375 }],
    ]);
    gateway.selection = "Sheet1!C5:F6";
    await open(gateway, "Decompose");
    fireEvent.click(screen.getByLabelText("Salespeople"));
    await click("Read from selection into Salespeople list");
    expect(screen.getByText("2 rows read from Sheet1!C5:F6.")).toBeTruthy();
    expect(screen.getByText("Not read as a number or a choice, correct them: D6 “—”.")).toBeTruthy();
    expect((screen.getByLabelText("Salesperson 1 Last year's sales") as HTMLInputElement).value).toBe("1.2万");
    expect((screen.getByLabelText("Salesperson 1 Ramp (%)") as HTMLInputElement).value).toBe("100%");
    expect((screen.getByLabelText("Salesperson 2 Ramp (%)") as HTMLInputElement).value).toBe("37.5%");
  });

  it("reads SWOT factors and risks too", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    gateway.setCells("Sheet1!A1", [[{ value: "Supply delay" }, { value: 3 }, { value: 4 }, { value: "Second supplier" }]]);
    gateway.selection = "Sheet1!A1:D1";
    await open(gateway, "Market analysis");
    fireEvent.click(screen.getByRole("tab", { name: "Risks" }));
    await click("Read from selection into Risks");
    expect((screen.getByLabelText("Risk 1 Response (optional)") as HTMLInputElement).value).toBe("Second supplier");
    fireEvent.click(screen.getByRole("tab", { name: "SWOT" }));
    gateway.selection = "Sheet1!A1:C1";
    await click("Read from selection into Strengths (S)");
    expect((screen.getByLabelText("Strengths (S) 1 Weight (%)") as HTMLInputElement).value).toBe("3");
  });
});

describe("issue 12, item 8: focus follows the rows", () => {
  it("after adding, the new row's first field; after removing, the next row's, else the previous one's, else Add row", async () => {
    await open(new MemoryGateway(true), "Decompose");
    await click("Add row to Channels and weights");
    expect(document.activeElement).toBe(screen.getByLabelText("Channel 2 Channel"));
    await click("Add row to Channels and weights");
    type("Channel 3 Channel", "third");
    await click("Remove Channel 2");
    expect(document.activeElement).toBe(screen.getByLabelText("Channel 2 Channel"));
    expect((document.activeElement as HTMLInputElement).value).toBe("third");
    await click("Remove Channel 2");
    expect(document.activeElement).toBe(screen.getByLabelText("Channel 1 Channel"));
    await click("Remove Channel 1");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Add row to Channels and weights" }));
  });
});

describe("issue 12, item 10: details", () => {
  it("a remove button with an icon, a name and a tooltip; a total that is text, not a field; a Products list of Product rows", async () => {
    await open(new MemoryGateway(true), "Market analysis");
    const remove = screen.getByRole("button", { name: "Remove Strengths (S) 1" });
    expect(remove.textContent).toBe("");
    expect(remove.querySelector("svg")).not.toBeNull();
    expect(remove.getAttribute("title")).toBe("Remove Strengths (S) 1");
    expect(screen.getAllByLabelText("Total weight")[0]!.tagName).toBe("OUTPUT");
    fireEvent.click(screen.getByRole("tab", { name: "BCG" }));
    expect(screen.getByRole("group", { name: "Products" })).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Products" })).getByRole("group", { name: "Product 1" })).toBeTruthy();
  });
});

describe("issue 12: Enter runs the step's primary action", () => {
  it("SMART: Enter in a field goes to the next step (checking this one first); a Chinese input method's Enter does not", async () => {
    await open(new MemoryGateway(true), "SMART target");
    await enter("Channel / platform");
    expect(screen.getByRole("heading", { name: "Step 1 of 5: Specific" })).toBeTruthy();
    expect(screen.getAllByText("Required.")).toHaveLength(2);
    type("Channel / platform", "Tmall");
    type("Product", "Gift boxes");
    await act(async () => {
      fireEvent.keyDown(screen.getByLabelText("Product"), { key: "Enter", keyCode: 229 });
    });
    expect(screen.getByRole("heading", { name: "Step 1 of 5: Specific" })).toBeTruthy();
    await enter("Product");
    expect(screen.getByRole("heading", { name: "Step 2 of 5: Measurable" })).toBeTruthy();
  });

  it("SWOT: Enter in a factor's field goes to the strategies when the factors are complete", async () => {
    await open(new MemoryGateway(true), "Market analysis");
    for (const list of ["Strengths (S)", "Weaknesses (W)", "Opportunities (O)", "Threats (T)"]) {
      type(`${list} 1 Factor`, "x");
      type(`${list} 1 Weight (%)`, "100");
      type(`${list} 1 Rating (1–5)`, "3");
    }
    await enter("Threats (T) 1 Rating (1–5)");
    expect(screen.getByRole("heading", { name: "Step 2 of 2: Strategies" })).toBeTruthy();
  });
});
