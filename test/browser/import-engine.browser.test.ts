import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateDay, Float64, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import { Table as WasmTable, writeParquet } from "parquet-wasm/node";
import { chromium, Browser, BrowserContext, Page } from "playwright-core";
import { amountText, dateText, writeOrderFile } from "../../bench/order-file.cjs";
import { startEngineHarness } from "../../scripts/engine-harness.cjs";
import type { SummaryRequest } from "../../src/core/import/contract";
import { clvSummary } from "../../src/core/clv/clv-summary";
import { rfmTable } from "../../src/core/rfm/rfm-table";
import { isoFromSerial, serialFromText, serialFromYmd, ymdFromSerial } from "../../src/core/shared/excel-date";
import { numberFromText } from "../../src/core/shared/number-text";
import { compensatedSum } from "../../src/core/shared/sum";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";
import { expectCleanRecord, recordedPage, type PageRecord } from "../support/page-record";

/**
 * The Import page's engine (DuckDB-wasm in its worker, parquet-wasm in the page) in headless Chromium,
 * built by webpack with the production build's asset rules into a page that holds only the engine
 * (scripts/engine-harness.cjs), served on 127.0.0.1 under the production page's Content-Security-Policy.
 * Files are generated in Node into a temporary folder and handed to the page through a file input (the
 * browser reads them from disk, as it reads a file the user picks). The engine's summaries are compared
 * with the core's RFM.TABLE and CLV.SUMMARY computed in Node on the same orders.
 */

const ORDERS = 1_100_000;
/** 订单号,客户,下单日期,实付金额,销售员,渠道 */
const MAPPING = { customer: 1, date: 2, amount: 3, dimensions: { person: 4 } };

let harness: Awaited<ReturnType<typeof startEngineHarness>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let record: PageRecord;
let dir: string;

/** What page.evaluate brings back: typed arrays as plain arrays. */
interface PageResult {
  readonly rows: number;
  readonly rejectedCount: number;
  readonly rejected: { line: number; field: string; text: string }[];
  readonly analysisDate: number;
  readonly customers?: Record<string, (number | string)[]>;
  readonly periods?: Record<string, (number | string)[]>;
}

/** Hands `path` to the page's file input; then sniffs and summarises it with the page's engine (one per page). */
async function summarise(target: Page, path: string, request: SummaryRequest, cancelOn?: "reading" | "summarising"): Promise<PageResult | { error: { name: string; problem: string; detail?: string } }> {
  await target.setInputFiles("#file", path);
  return target.evaluate(
    async ({ request, cancelOn }) => {
      const api = (window as any).__importEngine;
      const file = (document.getElementById("file") as HTMLInputElement).files![0]!;
      try {
        const sniff = await api.sniffFile(file);
        (window as any).__engine ??= await api.createOrderFileEngine();
        const controller = new AbortController();
        const result = await (window as any).__engine.summarise(file, sniff, request, {
          signal: controller.signal,
          onProgress: (progress: { phase: string }) => {
            if (progress.phase === cancelOn) controller.abort();
          },
        });
        const columns = (summary: Record<string, ArrayLike<unknown>> | undefined) =>
          summary === undefined ? undefined : Object.fromEntries(Object.entries(summary).map(([name, values]) => [name, Array.from(values)]));
        return { ...result, customers: columns(result.customers), periods: columns(result.periods) };
      } catch (error) {
        const e = error as { name: string; problem: string; detail?: string; message: string };
        return { error: { name: e.name, problem: e.problem ?? e.message, detail: e.detail } };
      }
    },
    { request, cancelOn },
  );
}

function expectResult(result: Awaited<ReturnType<typeof summarise>>): PageResult {
  if ("error" in result) throw new Error(`the engine failed: ${JSON.stringify(result.error)}`);
  return result;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "import-engine-"));
  harness = await startEngineHarness();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  context = await browser.newContext();
  ({ page, record } = await recordedPage(context));
  await page.goto(`${harness.origin}/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("the order-file generator", () => {
  it("writes dates and amounts that the core's readers read back to the generated values", () => {
    for (let form = 0; form < 10; form++) {
      for (const serial of [44927, 45351, 45352, 45656]) expect(Math.floor(serialFromText(dateText(serial, form, 86_399))!)).toBe(serial);
    }
    for (let form = 0; form < 8; form++) {
      for (const cents of [100, 123456, -5005, 200099]) expect(numberFromText(amountText(cents, form).replace(/"/g, ""))).toBe(cents / 100);
    }
  });
});

describe("the import engine in Chromium", () => {
  it(`summarises ${ORDERS.toLocaleString("en-US")} orders in GB18030 with Chinese headers exactly as RFM.TABLE and CLV.SUMMARY do in Node`, async () => {
    const path = join(dir, "orders-gb18030.csv");
    const orders = writeOrderFile(path, ORDERS, { encoding: "gb18030", collect: true });
    const ids = orders.ids!;
    const serials = orders.serials!;
    const amounts = orders.amounts!;
    const request: SummaryRequest = { mapping: MAPPING, windowDays: 365, periodDays: 7, customers: true, periods: { dimension: "person" } };
    const result = expectResult(await summarise(page, path, request));

    expect(result.rows).toBe(ORDERS);
    expect(result.rejectedCount).toBe(0);
    expect(result.rejected).toEqual([]);
    const rfm = rfmTable(ids, serials, amounts, undefined, 365);
    const all = rfmTable(ids, serials, amounts);
    const clv = clvSummary(ids, serials, amounts, undefined, 7);
    expect(result.analysisDate).toBe(rfm.analysisDate);
    const c = result.customers!;
    expect(c.ids).toEqual(rfm.ids);
    expect(c.recencyDays).toEqual(Array.from(rfm.recency));
    expect(c.windowOrders).toEqual(Array.from(rfm.frequency));
    expect(c.windowAmount).toEqual(Array.from(rfm.monetary));
    expect(c.orders).toEqual(Array.from(all.frequency));
    expect(c.amount).toEqual(Array.from(all.monetary));
    expect(c.lastOrder).toEqual(Array.from(all.recency, (r) => all.analysisDate - r));
    const first = new Map<string, number>();
    ids.forEach((id, i) => first.set(id, Math.min(first.get(id) ?? Infinity, serials[i]!)));
    expect(c.firstOrder).toEqual(rfm.ids.map((id) => first.get(id as string)));
    expect(c.clvFrequency).toEqual(Array.from(clv.frequency));
    expect(c.clvRecency).toEqual(Array.from(clv.recency));
    expect(c.clvT).toEqual(Array.from(clv.T));
    expect(c.clvMonetary).toEqual(Array.from(clv.monetaryValue));

    // Per month × salesperson: months in order, people in order of first appearance within a month.
    const people = ["张伟", "王芳", "李娜", "刘洋", "陈静"];
    const groups = new Map<string, number[]>();
    ids.forEach((id, i) => {
      const { year, month } = ymdFromSerial(serials[i]!);
      const key = `${serialFromYmd(year, month, 1)}|${people[Number(/\d+/.exec(id)![0]) % people.length]}`;
      const rows = groups.get(key);
      if (rows === undefined) groups.set(key, [i]);
      else rows.push(i);
    });
    const expected = [...groups].sort(([a, x], [b, y]) => Number(a.split("|")[0]) - Number(b.split("|")[0]) || x[0]! - y[0]!);
    const p = result.periods!;
    expect(p.periodStart).toEqual(expected.map(([key]) => Number(key.split("|")[0])));
    expect(p.dimension).toEqual(expected.map(([key]) => key.split("|")[1]));
    expect(p.orders).toEqual(expected.map(([, rows]) => rows.length));
    expect(p.amount).toEqual(expected.map(([, rows]) => compensatedSum(rows.map((i) => amounts[i]!))));
  });

  it("counts the rows it cannot read and lists the first five with their line numbers (the header is line 1)", async () => {
    const path = join(dir, "bad-rows.csv");
    const lines = [
      "客户,日期,金额",
      "A,2024-03-01,100", // 2
      "B,2024-13-01,50", // 3: no month 13
      ",2024-03-02,20", // 4: no customer
      "C,2024-03-03,abc", // 5: no amount
      "D,2024-03-04", // 6: a column short
      "E,2024-03-05,30", // 7
      "F,2024-02-30,5", // 8: no 30 February
      "A,2024-03-06,1.2万", // 9
      "G,2024-03-07,", // 10: an empty amount
    ];
    writeFileSync(path, `${lines.join("\r\n")}\r\n`);
    const result = expectResult(await summarise(page, path, { mapping: { customer: 0, date: 1, amount: 2, dimensions: {} }, customers: true }));
    expect(result.rows).toBe(9);
    expect(result.rejectedCount).toBe(6);
    expect(result.rejected).toEqual([
      { line: 3, field: "date", text: "2024-13-01" },
      { line: 4, field: "customer", text: "" },
      { line: 5, field: "amount", text: "abc" },
      { line: 6, field: "row", text: "D,2024-03-04" },
      { line: 8, field: "date", text: "2024-02-30" },
    ]);
    expect(result.customers!.ids).toEqual(["A", "E"]);
    expect(result.customers!.amount).toEqual([12_100, 30]);
  });

  it("stops a summary half-way on cancel (EngineError cancelled), then summarises the next file with a new worker", async () => {
    const path = join(dir, "orders-gb18030.csv");
    const cancelled = await summarise(page, path, { mapping: MAPPING, customers: true }, "summarising");
    expect(cancelled).toEqual({ error: { name: "EngineError", problem: "cancelled" } });
    const during = await summarise(page, path, { mapping: MAPPING, customers: true }, "reading");
    expect(during).toEqual({ error: { name: "EngineError", problem: "cancelled" } });
    const after = expectResult(await summarise(page, join(dir, "bad-rows.csv"), { mapping: { customer: 0, date: 1, amount: 2, dimensions: {} }, customers: true }));
    expect(after.rows).toBe(9);
    expect(after.customers!.ids).toEqual(["A", "E"]);
  });

  it("previews and summarises a Parquet file (parquet-wasm into DuckDB), typed columns read as the CSV's text would be", async () => {
    const n = 20_000;
    const ids = Array.from({ length: n }, (_, i) => `客户${(i * 7919) % 1500}`);
    const serials = Float64Array.from({ length: n }, (_, i) => 45000 + ((i * 31) % 400));
    const amounts = Float64Array.from({ length: n }, (_, i) => ((i * 104729) % 100_000) / 100 - 50);
    const table = new Table({
      客户: vectorFromArray(ids, new Utf8()),
      下单日期: vectorFromArray(Array.from(serials, (s) => new Date(Date.UTC(1899, 11, 30) + s * 86_400_000)), new DateDay()),
      金额: vectorFromArray(Array.from(amounts), new Float64()),
    });
    const path = join(dir, "orders.parquet");
    writeFileSync(path, writeParquet(WasmTable.fromIPCStream(tableToIPC(table, "stream"))));

    await page.setInputFiles("#file", path);
    const sniff = await page.evaluate(() => (window as any).__importEngine.sniffFile((document.getElementById("file") as HTMLInputElement).files![0]));
    expect(sniff).toMatchObject({ format: "parquet", hasHeader: true, headers: ["客户", "下单日期", "金额"], types: ["text", "date", "number"] });
    expect(sniff.preview).toHaveLength(20);
    expect(sniff.preview[1]).toEqual([ids[1], isoFromSerial(serials[1]!), String(amounts[1])]);

    const result = expectResult(await summarise(page, path, { mapping: { customer: 0, date: 1, amount: 2, dimensions: {} }, customers: true }));
    const rfm = rfmTable(ids, serials, amounts);
    expect(result.rows).toBe(n);
    expect(result.rejectedCount).toBe(0);
    expect(result.customers!.ids).toEqual(rfm.ids);
    expect(result.customers!.windowOrders).toEqual(Array.from(rfm.frequency));
    expect(result.customers!.windowAmount).toEqual(Array.from(rfm.monetary));
    expect(result.customers!.recencyDays).toEqual(Array.from(rfm.recency));
  });

  it("asks nothing off 127.0.0.1: DuckDB's worker and WebAssembly and parquet-wasm's come from the page's own origin", () => {
    expectCleanRecord(record);
    const paths = record.requests.map((url) => new URL(url)).filter((url) => url.origin === harness.origin).map((url) => url.pathname);
    expect(paths.length).toBe(record.requests.length);
    // Started once, then again after each of the two cancelled summaries.
    expect(paths.filter((p) => /^\/duckdb-browser-eh\.worker\.[0-9a-f]{8}\.js$/.test(p))).toHaveLength(3);
    expect(paths.some((p) => /^\/duckdb-eh\.[0-9a-f]{8}\.wasm$/.test(p))).toBe(true);
    expect(paths.some((p) => /^\/parquet_wasm_bg\.[0-9a-f]{8}\.wasm$/.test(p))).toBe(true);
  });
});

describe("when the engine cannot start", () => {
  async function startIn(prepare: (context: BrowserContext) => Promise<unknown>, loadTimeoutMs: number) {
    const other = await browser.newContext();
    try {
      await prepare(other);
      const blank = await other.newPage();
      await blank.goto(`${harness.origin}/`);
      return await blank.evaluate(async (timeout) => {
        try {
          await (window as any).__importEngine.createOrderFileEngine({ loadTimeoutMs: timeout });
          return { problem: "started" };
        } catch (error) {
          return { name: (error as Error).name, problem: (error as { problem: string }).problem };
        }
      }, loadTimeoutMs);
    } finally {
      await other.close();
    }
  }

  it("says the webview has no WebAssembly (noWebAssembly) instead of failing later", async () => {
    const outcome = await startIn((c) => c.addInitScript(() => delete (globalThis as { WebAssembly?: unknown }).WebAssembly), 5_000);
    expect(outcome).toEqual({ name: "EngineError", problem: "noWebAssembly" });
  });

  it("gives up after the load timeout when DuckDB's WebAssembly never arrives (a blocked file makes instantiate() wait forever)", async () => {
    const outcome = await startIn((c) => c.route(/duckdb-eh\.[0-9a-f]{8}\.wasm$/, () => undefined), 3_000);
    expect(outcome).toEqual({ name: "EngineError", problem: "loadTimeout" });
  });
});
