/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { DraftStore } from "../../../src/taskpane/drafts/draft-store";
import { openTab } from "../open-tab";

const ORDERS = [
  ["客户编号", "下单日期", "实付金额"],
  ["A001", "2024-03-01", "¥1,200"],
  ["A001", "2024-05-20", 800],
  ["A002", "2023-11-02", 300],
  ["A003", "2024-06-28", 5000],
  ["A003", "2024-06-01", 2500],
  ["A003", "2024-04-15", 1200],
  ["A004", "2022-12-30", 90],
  ["A005", "2024-06-30", 60],
];

function workbook(rows: (string | number)[][] = ORDERS) {
  const gateway = new MemoryGateway(true, ["订单"]);
  gateway.setCells("订单!A1", rows.map((row) => row.map((value) => ({ value }))));
  gateway.selection = `订单!A1:C${rows.length}`;
  return gateway;
}

async function open(gateway: MemoryGateway, language: "en" | "zh" = "en") {
  render(<App gateway={gateway} initialLanguage={language} />);
  await openTab(language === "en" ? "Segments" : "客户分层");
}

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

beforeEach(() => localStorage.clear());

describe("Segment customers wizard", () => {
  it("reads the selection, shows what it recognised and counted, and writes the segments sheet of live formulas", async () => {
    const gateway = workbook();
    await open(gateway);
    expect(screen.getByRole("heading", { name: "Step 1 of 3: Data" })).toBeTruthy();
    await click("Read the selection");
    expect(screen.getByText("Read from 订单!A1:C9.")).toBeTruthy();
    expect(screen.getByText("Recognised as orders.")).toBeTruthy();
    expect(screen.getByText("8 rows, 5 customers.")).toBeTruthy();
    expect(screen.getByText("Every cell can be read.")).toBeTruthy();
    expect((screen.getByLabelText("Column of the order date") as HTMLSelectElement).value).toBe("1");
    await click("Next");
    expect(screen.getByRole("heading", { name: "Step 2 of 3: Settings" })).toBeTruthy();
    expect(screen.getByRole("option", { name: "The latest order (2024-06-30)" })).toBeTruthy();
    await click("Next");
    const preview = screen.getByLabelText("Customers per segment");
    // The course's seven groups are listed, and 5 customers among them.
    expect(within(preview).getAllByRole("term")).toHaveLength(7);
    expect(within(preview).getAllByRole("definition").reduce((sum, dd) => sum + Number(dd.textContent), 0)).toBe(5);
    await click("Write the segments sheet");
    await screen.findByText("Sheet “Customer segments” is ready.");
    const sheet = gateway.sheets.find((s) => s.name === "Customer segments")!;
    expect(sheet).toBeDefined();
    expect(gateway.formulaAt("'Customer segments'!B3")).toBe(45473); // the dates are text: the latest order as a constant
    const feeds = [...sheet.cells.values()].filter((input) => typeof input === "string" && input.startsWith("=SALES."));
    expect(feeds).toContain("=SALES.RFM.TABLE('订单'!$A$2:$A$9,'订单'!$B$2:$B$9,'订单'!$C$2:$C$9,$B$3,,$B$4)");
    expect(gateway.formulaAt("'Customer segments'!B15")).toBe("=COUNTIF($I$33:$I$37,$A15)");
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.tables.map((t) => t.name)).toEqual(["Segment_Summary", "Segment_Customers"]);

    // The campaign list of two segments ticked.
    fireEvent.click(screen.getByRole("checkbox", { name: "Dormant" }));
    await click("Write the campaign list");
    await screen.findByText("Sheet “Campaign list” is ready.");
    expect(gateway.formulaAt("'Campaign list'!A7")).toBe("=IFERROR(FILTER('Customer segments'!$A$33:$A$37,'Customer segments'!$I$33:$I$37=$A$4),\"\")");
  });

  it("names each problem: no data read, a column chosen twice, an unreadable cell with its address, cut points that do not rise", async () => {
    const rows = ORDERS.map((row) => [...row]);
    rows[3]![1] = "2024年2月30日";
    const gateway = workbook(rows);
    await open(gateway);
    await click("Next");
    expect(screen.getByText("Read the data first.")).toBeTruthy();
    await click("Read the selection");
    expect(screen.getByText("1 cell cannot be read. Fix it in the sheet (or choose other columns), then read the data again:")).toBeTruthy();
    expect(screen.getByText("订单!B4 “2024年2月30日” is not a date")).toBeTruthy();
    await click("Next");
    expect(screen.getByText("Some cells cannot be read: fix them first (listed above).")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Column of the amount"), { target: { value: "1" } });
    await click("Next");
    expect(screen.getByText("The same column is chosen twice. Each role needs its own column.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Column of the amount"), { target: { value: "2" } });
    gateway.setCells("订单!B4", [[{ value: "2024-02-29" }]]);
    await click("Read the selection");
    await click("Next");
    fireEvent.change(screen.getByLabelText("Scoring"), { target: { value: "custom" } });
    fireEvent.change(screen.getByLabelText("Recency cut points (days)"), { target: { value: "30, 20" } });
    await click("Next");
    expect(screen.getByText("20 is not above 30: the cut points must rise.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Analysis date (recency counts to it)"), { target: { value: "chosen" } });
    fireEvent.change(screen.getByLabelText("Analysis date"), { target: { value: "2024-01-01" } });
    await click("Next");
    expect(screen.getByText("The latest order is on 2024-06-30: the analysis date cannot be earlier.")).toBeTruthy();
  });

  it("keeps the draft and the data through a page switch, and its fields through a reload", async () => {
    const gateway = workbook();
    const storage = window.localStorage;
    const first = render(<App gateway={gateway} initialLanguage="en" drafts={new DraftStore({ storage, slot: "wb-seg", delayMs: 0 })} />);
    await openTab("Segments");
    await click("Read the selection");
    await click("Next");
    fireEvent.change(screen.getByLabelText("Segments"), { target: { value: "cn8" } });
    await openTab("Decompose");
    await openTab("Segments");
    expect(screen.getByRole("heading", { name: "Step 2 of 3: Settings" })).toBeTruthy();
    expect((screen.getByLabelText("Segments") as HTMLSelectElement).value).toBe("cn8");
    await click("Step 1: Data, done");
    expect(screen.getByText("8 rows, 5 customers.")).toBeTruthy();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    first.unmount();

    render(<App gateway={gateway} initialLanguage="en" drafts={new DraftStore({ storage, slot: "wb-seg" })} />);
    await openTab("Segments");
    expect(screen.getByRole("heading", { name: "Step 1 of 3: Data" })).toBeTruthy();
    expect((screen.getByLabelText("Column of the amount") as HTMLSelectElement | null)?.value ?? "").toBe("2");
  });

  it("writes values only in blocks with a progress bar; Cancel leaves the workbook as it was", async () => {
    const many: (string | number)[][] = [["customer", "order date", "amount"]];
    for (let i = 0; i < 400; i++) many.push([`C${i % 97}`, `2024-0${1 + (i % 9)}-1${i % 10}`, 10 + i]);
    const gateway = new MemoryGateway(true, ["Orders"], { blockRows: 10 });
    gateway.setCells("Orders!A1", many.map((row) => row.map((value) => ({ value }))));
    gateway.selection = `Orders!A1:C${many.length}`;
    await open(gateway, "en");
    await click("Read the selection");
    await click("Next");
    await click("Next");
    fireEvent.click(screen.getByRole("radio", { name: "Values only (computed now, written in blocks)" }));
    const before = gateway.snapshot();
    // At half the blocks, the user presses Cancel (the page has had a turn between blocks to show it).
    const write = gateway.createSheet.bind(gateway);
    const seen: string[] = [];
    gateway.createSheet = (plan, options = {}) =>
      write(plan, {
        ...options,
        onProgress: (progress) => {
          options.onProgress?.(progress);
          if (seen.length > 0 || progress.done / progress.total < 0.5) return;
          seen.push(screen.queryByText(/^Written: \d+%$/)?.textContent ?? "no progress shown");
          fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
        },
      });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write the segments sheet" }));
    });
    await screen.findByText("Nothing was written.");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^Written: (4\d|50)%$/);
    expect(gateway.snapshot()).toEqual(before);
  });

  it("refuses to write CLV columns that would show errors (five customers are too few to fit the models)", async () => {
    const gateway = workbook();
    await open(gateway);
    await click("Read the selection");
    await click("Next");
    fireEvent.click(screen.getByRole("checkbox", { name: "Add the predicted 12-month value and P(active) (CLV)" }));
    await click("Next");
    expect(screen.getByText(/^CLV cannot be fitted on these customers \(.+\)\. The sheet would show errors in its CLV cells: untick CLV in Settings to write it\.$/)).toBeTruthy();
    await click("Write the segments sheet");
    expect(gateway.sheets.map((sheet) => sheet.name)).toEqual(["订单"]);
  });

  it("shows the page in Chinese", async () => {
    await open(workbook(), "zh");
    await click("读取所选区域");
    expect(screen.getByText("8 行，5 位客户。")).toBeTruthy();
  });
});
