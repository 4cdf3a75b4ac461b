/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { encodeGb18030 } from "../../core/import/gb18030";
import { rfmTable } from "../../../src/core/rfm/rfm-table";
import { clvSummary } from "../../../src/core/clv/clv-summary";
import { dayFromText } from "../../../src/core/shared/excel-date";
import { numberFromText } from "../../../src/core/shared/number-text";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { EngineError } from "../../../src/taskpane/features/import/engine-contract";
import { setImportEngineForTests } from "../../../src/taskpane/features/import/import-engine";
import { forgetImportSession } from "../../../src/taskpane/features/import/ImportPage";
import { DraftStore } from "../../../src/taskpane/drafts/draft-store";
import { openTab } from "../open-tab";
import { fakeEngine, orderFile, utf8, type FakeEngine } from "./fake-engine";

// jsdom has no TextEncoder/TextDecoder (Node's read GB18030 too), and its Blob no arrayBuffer(): the page
// reads a file's start again through it (a changed encoding).
Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
if (typeof Blob.prototype.arrayBuffer !== "function") {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

const ROWS = [
  ["客户编号", "下单日期", "实付金额", "业务员", "渠道"],
  ["A001", "2024-03-01", "¥1,200", "张三", "天猫"],
  ["A001", "2024/5/20", "800", "张三", "京东"],
  ["A002", "2023年11月2日", "300", "李四", "天猫"],
  ["A003", "2024-06-28", "1.2万", "李四", "抖音"],
  ["A003", "2024-06-01", "2500", "张三", "天猫"],
  ["A004", "2022-12-30", "90", "王五", "京东"],
  ["A005", "2024-06-30", "60", "王五", "天猫"],
];
/** CSV text as Excel writes it: a field holding a comma or a quote is quoted. */
const csv = (rows: readonly (readonly string[])[]) => rows.map((row) => row.map((field) => (/[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(",")).join("\r\n") + "\r\n";
/** A sheet's cells as shown (text behind its apostrophe without it). */
const shown = (gateway: MemoryGateway, sheet: string) => gateway.grid(sheet).map((row) => row.map((cell) => (typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell)));

let engine: FakeEngine;
beforeEach(() => {
  localStorage.clear();
  forgetImportSession();
  engine = fakeEngine();
  setImportEngineForTests(engine);
});
afterAll(() => setImportEngineForTests(undefined));

async function open(gateway: MemoryGateway, language: "en" | "zh" = "en") {
  render(<App gateway={gateway} initialLanguage={language} />);
  await openTab(language === "en" ? "Large file" : "大文件导入");
}

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

async function chooseFile(file: File) {
  const input = screen.getByTestId("import-file") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.queryByText(/Reading the start|正在读取文件开头/)).toBeNull());
}

/** The customers' rows as the core functions compute them from ROWS (every row readable). */
function expected(rows: readonly (readonly string[])[], windowDays?: number) {
  const data = rows.slice(1);
  const ids = data.map((r) => r[0]!);
  const dates = data.map((r) => dayFromText(r[1]!)!);
  const amounts = data.map((r) => numberFromText(r[2]!)!);
  return { rfm: rfmTable(ids, dates, amounts, undefined, windowDays), clv: clvSummary(ids, dates, amounts) };
}

describe("Import a large order file", () => {
  it("walks file → columns → summaries → run → write, and the customer sheet equals RFM.TABLE and CLV.SUMMARY", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    await open(gateway);
    expect(screen.getByRole("heading", { name: "Step 1 of 4: File" })).toBeTruthy();
    // Next without a file names the problem.
    await click("Next");
    expect(screen.getByText("Choose the order file.")).toBeTruthy();

    await chooseFile(orderFile("orders.csv", encodeGb18030(csv(ROWS))));
    expect(screen.getByText(/^orders\.csv · /)).toBeTruthy();
    expect(screen.getByText("Read as CSV / text: GB18030 (GBK), Comma ,.")).toBeTruthy();
    expect((screen.getByLabelText("Encoding") as HTMLSelectElement).value).toBe("gb18030");

    await click("Next");
    expect(screen.getByRole("heading", { name: "Step 2 of 4: Columns" })).toBeTruthy();
    expect((screen.getByLabelText("Column of the customer") as HTMLSelectElement).value).toBe("0");
    expect((screen.getByLabelText("Column of the order date") as HTMLSelectElement).value).toBe("1");
    expect((screen.getByLabelText("Column of the amount") as HTMLSelectElement).value).toBe("2");
    expect((screen.getByLabelText("Column of the salesperson (optional)") as HTMLSelectElement).value).toBe("3");
    expect((screen.getByLabelText("Column of the channel (optional)") as HTMLSelectElement).value).toBe("4");
    expect((screen.getByLabelText("Column of the region (optional)") as HTMLSelectElement).value).toBe("");
    // The preview: one card per column, its type and samples.
    const preview = within(screen.getByRole("list", { name: "The first rows, as read" }));
    const cards = preview.getAllByRole("listitem");
    expect(cards).toHaveLength(5);
    expect(cards[1]!.textContent).toContain("2. 下单日期");
    expect(cards[1]!.textContent).toContain("date");
    expect(cards[1]!.textContent).toContain("2023年11月2日");
    expect(cards[2]!.textContent).toContain("number");
    expect(cards[0]!.textContent).toContain("→ the customer");

    await click("Next");
    expect(screen.getByRole("heading", { name: "Step 3 of 4: Summaries" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("R/F/M window"), { target: { value: "year" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Per month" }));
    expect((screen.getByLabelText("Broken down by") as HTMLSelectElement).value).toBe("person");

    await click("Next");
    expect(screen.getByRole("heading", { name: "Step 4 of 4: Run and write" })).toBeTruthy();
    await click("Summarise the file");
    await screen.findByText("7 rows read");
    expect(screen.getByText("5 customers")).toBeTruthy();
    expect(screen.getByText("Every row was read.")).toBeTruthy();
    expect(screen.getByText("Analysis date 2024-06-30")).toBeTruthy();
    expect(engine.runs).toHaveLength(1);
    expect(engine.runs[0]).toEqual({
      mapping: { customer: 0, date: 1, amount: 2, dimensions: { person: 3, channel: 4 } },
      customers: true,
      windowDays: 365,
      periodDays: 7,
      periods: { dimension: "person" },
    });
    expect(engine.disposed).toBe(1);

    await click("Write the sheets");
    await screen.findByText("Written: “Customers from file”, “Monthly from file”.");
    const customers = shown(gateway, "Customers from file");
    expect(customers[0]!.slice(0, 12)).toEqual([
      "Customer",
      "First order",
      "Last order",
      "Orders",
      "Amount",
      "Recency (days)",
      "Frequency (window)",
      "Monetary (window)",
      "CLV frequency",
      "CLV recency",
      "CLV T",
      "CLV monetary value",
    ]);
    const { rfm, clv } = expected(ROWS, 365);
    const body = customers.slice(1, 6);
    expect(body.map((row) => row[0])).toEqual(rfm.ids);
    expect(body.map((row) => row[5])).toEqual([...rfm.recency]);
    expect(body.map((row) => row[6])).toEqual([...rfm.frequency]);
    expect(body.map((row) => row[7])).toEqual([...rfm.monetary]);
    expect(body.map((row) => [row[8], row[9], row[10], row[11]])).toEqual(clv.ids.map((_, i) => [clv.frequency[i], clv.recency[i], clv.T[i], clv.monetaryValue[i]]));
    // The note beside the table says where the figures came from.
    expect(customers.map((row) => row[13]).filter((cell) => cell !== "")).toEqual([
      "Source",
      "File: orders.csv",
      "Rows read: 7; rejected: 0",
      "Analysis date: 2024-06-30",
      "Window: last 365 days",
      "CLV period: 7 days",
      "=SALES.RFM.SCORE(Recency, Frequency, Monetary) · =SALES.CLV.FIT(CLV_Frequency, CLV_Recency, CLV_T)",
    ]);
    const sheet = gateway.sheet("Customers from file")!;
    expect(sheet.tables).toEqual([{ name: "ImportedCustomers", address: "A1:L6", hasHeaders: true }]);
    expect(sheet.names.find((n) => n.name === "Recency")).toEqual({ name: "Recency", address: "F2:F6" });

    const months = shown(gateway, "Monthly from file");
    expect(months[0]!.slice(0, 4)).toEqual(["Date (month)", "Salesperson", "Orders", "Amount"]);
    // June 2024: 李四 12,000 (1.2万), 王五 60, 张三 2,500.
    const june = months.filter((row) => row[0] === 45444);
    expect(june.map((row) => [row[1], row[2], row[3]]).sort((a, b) => String(a[0]) < String(b[0]) ? -1 : 1)).toEqual([
      ["张三", 1, 2500],
      ["李四", 1, 12000],
      ["王五", 1, 60],
    ]);
    // The Start page's tools list the sheets written.
    await openTab("Start");
    expect(screen.getByText(/“Customers from file”/)).toBeTruthy();
  });

  it("shows the rejected rows with their line numbers and the field, never dropping them silently", async () => {
    const gateway = new MemoryGateway();
    await open(gateway);
    const rows = [...ROWS.slice(0, 3), ["A009", "not a date", "100", "张三", "天猫"], ["A010", "2024-01-01", "abc", "张三", "天猫"], ...ROWS.slice(3)];
    await chooseFile(orderFile("bad.csv", utf8(csv(rows))));
    expect(screen.getByText("Read as CSV / text: UTF-8, Comma ,.")).toBeTruthy();
    await click("Next");
    await click("Next");
    await click("Next");
    await click("Summarise the file");
    await screen.findByText("9 rows read");
    expect(screen.getByText(/2 rows could not be read and are left out/)).toBeTruthy();
    const list = screen.getByRole("list", { name: "2 rows could not be read and are left out:" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Line 4, date: “not a date”", "Line 5, amount: “abc”"]);
    await click("Write the sheets");
    await screen.findByText("Written: “Customers from file”.");
    expect(shown(gateway, "Customers from file")[2]![13]).toBe("Rows read: 9; rejected: 2");
  });

  it("cancels a run: nothing written, the engine freed", async () => {
    const gateway = new MemoryGateway();
    const before = gateway.snapshot();
    await open(gateway);
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    await click("Next");
    await click("Next");
    await click("Next");
    let release!: () => void;
    engine.hold = new Promise<void>((resolve) => (release = resolve));
    await click("Summarise the file");
    await screen.findByText("Reading the file… 50%");
    await click("Cancel");
    await screen.findByText("Cancelled: nothing was written.");
    release();
    expect(gateway.snapshot()).toEqual(before);
    expect(engine.disposed).toBe(1);
    expect(screen.getByRole("button", { name: "Summarise the file" })).toBeTruthy();
  });

  it("says what an engine problem means, in both languages", async () => {
    const gateway = new MemoryGateway();
    await open(gateway, "zh");
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    await click("下一步");
    await click("下一步");
    await click("下一步");
    engine.failStart = new EngineError("noWebAssembly");
    await click("汇总文件");
    await screen.findByText(/无法运行导入所需的 WebAssembly/);
    engine.failStart = new EngineError("outOfMemory", "about 3,000,000 rows");
    await click("汇总文件");
    await screen.findByText("文件超出此窗格的可用内存（about 3,000,000 rows）。请拆分文件或删去不用的列后重试。");
  });

  it("takes back the first sheet when the second fails, and when a write is cancelled: the workbook is as it was", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"], { blockRows: 2 });
    const before = gateway.snapshot();
    await open(gateway);
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    await click("Next");
    await click("Next");
    fireEvent.click(screen.getByRole("checkbox", { name: "Per month" }));
    await click("Next");
    await click("Summarise the file");
    await screen.findByText("5 customers");
    // The customer sheet takes 3 blocks of 2 rows; the monthly one fails after its first block.
    const createSheet = gateway.createSheet.bind(gateway);
    let calls = 0;
    gateway.createSheet = (plan, options) => {
      calls++;
      if (calls === 2) gateway.failAfterBlocks(1);
      return createSheet(plan, options);
    };
    await click("Write the sheets");
    await screen.findByText(/^Excel could not write the sheet .*Your workbook is as it was\.$/);
    expect(calls).toBe(2);
    expect(gateway.snapshot()).toEqual(before);

    // Cancelled once the customer sheet is written, before the monthly one: the customer sheet goes again.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    calls = 0;
    gateway.createSheet = async (plan, options) => {
      calls++;
      if (calls === 2) await held;
      return createSheet(plan, options);
    };
    await click("Write the sheets");
    await waitFor(() => expect(calls).toBe(2));
    expect(gateway.sheet("Customers from file")).toBeDefined();
    await click("Cancel");
    release();
    await screen.findByText("Cancelled. Your workbook is as it was.");
    expect(gateway.snapshot()).toEqual(before);
  });

  it("keeps every choice across a remount and a reload, and asks for the file again after a reload", async () => {
    const gateway = new MemoryGateway();
    const storage = window.localStorage;
    const first = render(<App gateway={gateway} initialLanguage="en" drafts={new DraftStore({ storage, slot: "wb-import", delayMs: 0 })} />);
    await openTab("Large file");
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    await click("Next");
    fireEvent.change(screen.getByLabelText("Column of the channel (optional)"), { target: { value: "" } });
    await click("Next");
    fireEvent.change(screen.getByLabelText("R/F/M window"), { target: { value: "custom" } });
    fireEvent.change(screen.getByLabelText("Window (days)"), { target: { value: "0" } });
    await click("Next");
    expect(screen.getByText("A whole number of days from 1 to 36,525.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Window (days)"), { target: { value: "90" } });

    // A page switch and back: the same session, the file kept.
    await openTab("Start");
    await openTab("Large file");
    expect((screen.getByLabelText("Window (days)") as HTMLInputElement).value).toBe("90");
    await click("Step 1: File, done");
    expect(screen.getByText(/^orders\.csv · /)).toBeTruthy();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    first.unmount();

    // A reload: the draft comes back from storage; the file must be chosen again, the rest is kept.
    forgetImportSession();
    render(<App gateway={gateway} initialLanguage="en" drafts={new DraftStore({ storage, slot: "wb-import" })} />);
    await openTab("Large file");
    expect(screen.getByText(/You chose orders\.csv \(.*\) before/)).toBeTruthy();
    await click("Next");
    expect(screen.getByText("Choose the file again (it is not kept across a reload).")).toBeTruthy();
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    await click("Next");
    expect((screen.getByLabelText("Column of the channel (optional)") as HTMLSelectElement).value).toBe("");
    expect((screen.getByLabelText("Column of the salesperson (optional)") as HTMLSelectElement).value).toBe("3");
    await click("Next");
    expect((screen.getByLabelText("Window (days)") as HTMLInputElement).value).toBe("90");
  });

  it("names each problem on its field: a column chosen twice, no summary ticked, a date that does not read", async () => {
    const gateway = new MemoryGateway();
    await open(gateway);
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    await click("Next");
    fireEvent.change(screen.getByLabelText("Column of the amount"), { target: { value: "0" } });
    await click("Next");
    expect(screen.getByText("This column is already chosen for another field.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Column of the amount"));
    fireEvent.change(screen.getByLabelText("Column of the amount"), { target: { value: "2" } });
    await click("Next");
    fireEvent.click(screen.getByRole("checkbox", { name: "One row per customer (RFM and CLV)" }));
    fireEvent.change(screen.getByLabelText("Analysis date"), { target: { value: "chosen" } });
    await click("Next");
    expect(screen.getByText("Tick at least one summary.")).toBeTruthy();
    expect(screen.getByText("Type a date such as 2024-12-31.")).toBeTruthy();
  });

  it("reads the file again with the encoding, separator and header row chosen by hand", async () => {
    const gateway = new MemoryGateway();
    await open(gateway);
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    fireEvent.click(screen.getByRole("checkbox", { name: "The first row holds headers" }));
    await waitFor(() => expect((screen.getByRole("checkbox", { name: "The first row holds headers" }) as HTMLInputElement).checked).toBe(false));
    await click("Next");
    expect(screen.getByText("The first row holds data: the columns were recognised by what they hold.")).toBeTruthy();
    expect(within(screen.getByRole("list", { name: "The first rows, as read" })).getAllByRole("listitem")[0]!.textContent).toContain("客户编号");
  });
});

describe("“From a file” in Segment customers and Progress", () => {
  it("takes Segment customers through the Import page and back, and reads the customer sheet as an R/F/M table", async () => {
    const gateway = new MemoryGateway();
    await open(gateway);
    await openTab("Segments");
    fireEvent.click(screen.getByRole("radio", { name: "A large order file" }));
    expect(screen.getByText("Orders too many for Excel: summarise the file on the Import page, then come back here.")).toBeTruthy();
    await click("Import a large order file…");
    await waitFor(() => expect(screen.getByRole("heading", { name: "Step 1 of 4: File" })).toBeTruthy());
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    await click("Next");
    await click("Next");
    await click("Next");
    await click("Summarise the file");
    await screen.findByText("5 customers");
    await click("Write the sheets");
    await screen.findByText("Written: “Customers from file”.");
    await click("Back to Segments");
    await waitFor(() => expect(screen.getByText(/The customers summarised from a file, on “Customers from file”/)).toBeTruthy());
    await click("Read it");
    await screen.findByText("Recognised as an R/F/M table already summarised: recency, frequency and monetary are scored as they are.");
    expect(screen.getByText("5 customers.")).toBeTruthy();
    expect((screen.getByLabelText("Column of recency (days)") as HTMLSelectElement).value).toBe("5");
    expect((screen.getByLabelText("Column of the customer") as HTMLSelectElement).value).toBe("0");
  });

  it("gives Progress the monthly sheet per salesperson as its order export", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1", "Targets"]);
    gateway.setCells("Targets!A1", [["Salesperson", ...Array.from({ length: 12 }, (_, k) => `M${k + 1}`)], ...["张三", "李四", "王五"].map((name) => [name, ...Array.from({ length: 12 }, () => 1000)])].map((row) => row.map((value) => ({ value }))));
    await open(gateway);
    await chooseFile(orderFile("orders.csv", utf8(csv(ROWS))));
    await click("Next");
    await click("Next");
    fireEvent.click(screen.getByRole("checkbox", { name: "One row per customer (RFM and CLV)" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Per month" }));
    await click("Next");
    await click("Summarise the file");
    await click("Write the sheets");
    await screen.findByText("Written: “Monthly from file”.");

    await openTab("Progress");
    gateway.selection = "Targets!A1:M4";
    await click("Use the selection as the plan");
    fireEvent.change(screen.getByLabelText("Year"), { target: { value: "2024" } });
    await click("Next");
    fireEvent.click(screen.getByLabelText("Summed from an order export"));
    expect(screen.getByText("The monthly totals per salesperson summarised from a file, on “Monthly from file”.")).toBeTruthy();
    await click("Read it");
    // One row per month and salesperson: ROWS' seven orders fall in seven different (month, salesperson) pairs.
    await waitFor(() => expect(screen.getByText("7 rows: Salesperson, Date (month), Amount")).toBeTruthy());
    expect(screen.getByText("Dates and amounts are numbers: the sheet sums them with SUMIFS, live.")).toBeTruthy();
  });
});
