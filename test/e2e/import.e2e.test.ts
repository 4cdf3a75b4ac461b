import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clvSummary } from "../../src/core/clv/clv-summary";
import { rfmTable } from "../../src/core/rfm/rfm-table";
import { dayFromText } from "../../src/core/shared/excel-date";
import { numberFromText } from "../../src/core/shared/number-text";
import { IMPORT_STRINGS } from "../../src/i18n/import";
import { UI_STRINGS } from "../../src/i18n/ui";
import { encodeGb18030 } from "../core/import/gb18030";
import { type Language, sessionForFile, type WorkbenchPage } from "./workbench-harness";

/**
 * Import a large order file in the workbench, with the real engine (DuckDB-wasm in its worker, served from
 * 127.0.0.1): a generated GB18030 export with Chinese headers chosen through the file input, summarised, and
 * the customer sheet compared with RFM.TABLE and CLV.SUMMARY computed in Node on the same orders; a file with
 * bad rows (the count and the first line numbers shown); a write cancelled half-way (the workbook as it was);
 * and never a request off 127.0.0.1; and 1,100,000 orders — more than a sheet holds — through the page,
 * their customer sheet equal to the core's figures (few customers, so that writing the sheet stays quick).
 */

const session = sessionForFile(60_000);
const RUN_MS = 120_000;

/** Orders of `customers` customers over 2023–2024, in the forms Chinese exports write dates and amounts. */
function orders(count: number, customers: number): string[][] {
  const rows: string[][] = [["客户编号", "下单日期", "实付金额", "业务员", "渠道"]];
  for (let k = 0; k < count; k++) {
    const day = 1 + ((k * 7919) % 700);
    const date = new Date(Date.UTC(2023, 0, day));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const dateText = k % 3 === 0 ? `${y}年${m}月${d}日` : k % 3 === 1 ? `${y}/${m}/${d}` : `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const cents = 1000 + ((k * 104729) % 900_000);
    const amount = k % 4 === 0 ? `"¥${Math.floor(cents / 100).toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}"` : (cents / 100).toFixed(2);
    rows.push([`C${String((k * 31) % customers).padStart(4, "0")}`, dateText, amount, ["张三", "李四", "王五"][k % 3]!, ["天猫", "京东", "抖音"][k % 2]!]);
  }
  return rows;
}

const csvText = (rows: readonly (readonly string[])[]) => rows.map((row) => row.join(",")).join("\r\n") + "\r\n";
const unquote = (text: string) => text.replace(/^"|"$/g, "");
/**
 * The workbench's engine hands values back rounded to 10 significant digits (HyperFormula's smart rounding:
 * 28608.739999999998 comes back as 28608.74), so fractions are compared at that precision here; the engine's
 * browser test compares the bits the page receives.
 */
function expectTenDigits(actual: unknown, expected: number): void {
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
}

/**
 * The customer sheet the page wrote equals RFM.TABLE and CLV.SUMMARY computed here on the same orders (the
 * rows of {@link orders}, header first), row for row, and nothing below it. Returns the number of customers.
 */
async function expectCustomerSheetAsCore(wb: WorkbenchPage, sheetName: string, rows: readonly (readonly string[])[]): Promise<number> {
  const data = rows.slice(1);
  const ids = data.map((r) => r[0]!);
  const dates = data.map((r) => dayFromText(r[1]!)!);
  const amounts = data.map((r) => numberFromText(unquote(r[2]!))!);
  const rfm = rfmTable(ids, dates, amounts);
  const clv = clvSummary(ids, dates, amounts);
  const n = rfm.ids.length;
  const sheet = await wb.values(sheetName, `A2:L${n + 1}`);
  expect(sheet.map((row) => row[0])).toEqual(rfm.ids);
  expect(sheet.map((row) => row[5])).toEqual([...rfm.recency]);
  expect(sheet.map((row) => row[6])).toEqual([...rfm.frequency]);
  expect(sheet.map((row) => row[8])).toEqual([...clv.frequency]);
  sheet.forEach((row, i) => {
    expectTenDigits(row[7], rfm.monetary[i]!);
    expectTenDigits(row[9], clv.recency[i]!);
    expectTenDigits(row[10], clv.T[i]!);
    expectTenDigits(row[11], clv.monetaryValue[i]!);
  });
  expect(await wb.value(sheetName, `A${n + 2}`)).toBeNull();
  return n;
}

async function choose(wb: WorkbenchPage, name: string, bytes: Uint8Array): Promise<void> {
  await wb.pane.getByTestId("import-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(bytes) });
}

async function toRun(wb: WorkbenchPage, language: Language): Promise<void> {
  const t = UI_STRINGS[language];
  const s = IMPORT_STRINGS[language];
  await wb.press(t.wizardNext);
  await wb.pane.getByRole("heading", { name: t.wizardStep(2, 4, s.stepColumns) }).waitFor();
  await wb.press(t.wizardNext);
  await wb.pane.getByRole("heading", { name: t.wizardStep(3, 4, s.stepSummaries) }).waitFor();
  await wb.setChecked(s.periodsLabel, true);
  await wb.press(t.wizardNext);
  await wb.pane.getByRole("heading", { name: t.wizardStep(4, 4, s.stepRun) }).waitFor();
  await wb.press(s.runButton);
  await wb.pane.getByRole("heading", { name: s.resultTitle }).waitFor({ timeout: RUN_MS });
}

describe("Import a large order file in the workbench", () => {
  it("summarises a GB18030 export with Chinese headers: the customer sheet equals RFM.TABLE and CLV.SUMMARY (zh)", async () => {
    const wb = await session.open("zh-CN");
    const s = IMPORT_STRINGS.zh;
    const rows = orders(3000, 450);
    await wb.openTab(UI_STRINGS.zh.pageImport);
    await choose(wb, "订单导出.csv", encodeGb18030(csvText(rows)));
    await wb.waitForText(s.foundAs(s.formatCsv, [s.encodingGb, s.delimiterComma].join(UI_STRINGS.zh.listSeparator)));
    await toRun(wb, "zh");
    await wb.waitForText(s.resultRows("3,000"));
    await wb.waitForText(s.resultNoneRejected);
    await wb.press(s.writeButton);
    await wb.waitForText(s.written([s.customerSheet, s.periodSheet].map(UI_STRINGS.zh.quoted).join(UI_STRINGS.zh.listSeparator)));

    await expectCustomerSheetAsCore(wb, s.customerSheet, rows);
    wb.expectCleanRun();
  }, 240_000);

  it("summarises 1,100,000 GB18030 orders, more than a sheet holds: the customer sheet equals RFM.TABLE and CLV.SUMMARY (zh)", async () => {
    const wb = await session.open("zh-CN");
    const s = IMPORT_STRINGS.zh;
    const rows = orders(1_100_000, 2_000);
    // On disk, not as a buffer: the file is ~45 MB, and the page reads it as a user's file.
    const dir = mkdtempSync(join(tmpdir(), "import-e2e-"));
    try {
      const file = join(dir, "订单导出-全年.csv");
      const parts = rows.map((row) => encodeGb18030(`${row.join(",")}\r\n`));
      const bytes = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
      parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
      writeFileSync(file, bytes);
      await wb.openTab(UI_STRINGS.zh.pageImport);
      await wb.pane.getByTestId("import-file").setInputFiles(file);
      await wb.waitForText(s.foundAs(s.formatCsv, [s.encodingGb, s.delimiterComma].join(UI_STRINGS.zh.listSeparator)));
      await toRun(wb, "zh");
      await wb.waitForText(s.resultRows("1,100,000"));
      await wb.waitForText(s.resultNoneRejected);
      await wb.press(s.writeButton);
      await wb.waitForText(s.written([s.customerSheet, s.periodSheet].map(UI_STRINGS.zh.quoted).join(UI_STRINGS.zh.listSeparator)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    expect(await expectCustomerSheetAsCore(wb, s.customerSheet, rows)).toBe(2_000);
    wb.expectCleanRun();
  }, 300_000);

  it("shows how many rows could not be read and the first line numbers (en)", async () => {
    const wb = await session.open("en-US");
    const s = IMPORT_STRINGS.en;
    const rows = orders(200, 40);
    rows[3]![1] = "soon";
    rows[10]![2] = "n/a";
    rows[11]![0] = "";
    await wb.openTab(UI_STRINGS.en.pageImport);
    await choose(wb, "orders.csv", new TextEncoder().encode(csvText(rows)));
    await toRun(wb, "en");
    await wb.waitForText(s.resultRows("200"));
    const list = wb.pane.getByRole("list", { name: s.resultRejected("3") });
    await list.waitFor();
    const lines = await list.getByRole("listitem").allTextContents();
    expect(lines.map((line) => /^Line (\d+)/.exec(line)?.[1])).toEqual(["4", "11", "12"]);
    wb.expectCleanRun();
  }, 240_000);

  it("cancels the write half-way through: the workbook is as it was (zh)", async () => {
    const wb = await session.open("zh-CN");
    const s = IMPORT_STRINGS.zh;
    await wb.openTab(UI_STRINGS.zh.pageImport);
    await choose(wb, "订单导出.csv", encodeGb18030(csvText(orders(600, 300))));
    await toRun(wb, "zh");
    const before = await wb.sheetNames();
    // Small blocks, and the Cancel button pressed during the second sheet: the first, written, goes again.
    await wb.page.evaluate((cancel) => {
      const gateway = window.salesPlannerWorkbench! as unknown as { blockRows: number; createSheet: (plan: unknown, options?: { onProgress?: (p: { done: number }) => void }) => Promise<string> };
      gateway.blockRows = 50;
      const createSheet = gateway.createSheet.bind(gateway);
      let sheets = 0;
      gateway.createSheet = (plan, options) => {
        sheets++;
        const second = sheets === 2;
        return createSheet(plan, {
          ...options,
          onProgress: (progress) => {
            options?.onProgress?.(progress);
            if (second && progress.done === 2) [...document.querySelectorAll("aside.pane button")].find((b) => b.textContent === cancel)?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
          },
        });
      };
    }, s.cancel);
    await wb.press(s.writeButton);
    await wb.waitForText(UI_STRINGS.zh.errorCancelled);
    expect(await wb.sheetNames()).toEqual(before);
    expect(await wb.page.evaluate(() => window.salesPlannerWorkbench!.activeSheet)).toBe(before[0]);
    wb.expectCleanRun();
  }, 240_000);
});
