import fc from "fast-check";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import type { CellSpec, WriteProgress } from "../../../src/excel/gateway";
import { IMPORT_STRINGS } from "../../../src/i18n/import";
import type { CustomerSummary, SummaryResult } from "../../../src/taskpane/features/import/engine-contract";
import { CUSTOMER_COLUMN_NAMES, customerSheetPlan, importPlans, MAX_TABLE_ROWS, overCapacity, periodSheetPlan } from "../../../src/taskpane/features/import/import-plan";

const en = IMPORT_STRINGS.en;
const zh = IMPORT_STRINGS.zh;

function customers(rows: readonly (readonly [string, ...number[]])[]): CustomerSummary {
  const column = (i: number) => Float64Array.from(rows, (row) => row[i] as number);
  return {
    ids: rows.map((row) => row[0]),
    firstOrder: column(1),
    lastOrder: column(2),
    orders: column(3),
    amount: column(4),
    windowOrders: column(5),
    windowAmount: column(6),
    recencyDays: column(7),
    clvFrequency: column(8),
    clvRecency: column(9),
    clvT: column(10),
    clvMonetary: column(11),
  };
}

const RESULT: SummaryResult = {
  rows: 1_100_000,
  rejectedCount: 3,
  rejected: [],
  analysisDate: 45657, // 2024-12-31
  elapsedMs: 4321,
  customers: customers([
    ["A001", 45352, 45600, 3, 2000.5, 2, 800, 57, 2, 35.43, 43.57, 600.25],
    ["001", 45600, 45600, 1, 90, 1, 90, 57, 0, 0, 8.14, 0],
  ]),
  periods: { periodStart: Float64Array.of(45292, 45292, 45323), dimension: ["张三", "李四", "张三"], orders: Float64Array.of(10, 2, 7), amount: Float64Array.of(1000, 20.5, 700) },
};

const value = (spec: CellSpec | undefined) => (spec !== null && spec !== undefined && "value" in spec ? spec.value : undefined);

describe("the import's sheet plans", () => {
  it("writes one row per customer under the headers in the pane's language, with formats, names and a table", () => {
    const plan = customerSheetPlan(RESULT, { fileName: "orders.csv", windowDays: 365, periodDays: 7 }, "zh", zh);
    expect(plan.name).toBe("文件客户汇总");
    expect(plan.rows[0]!.slice(0, 12).map(value)).toEqual(["客户", "首次下单", "最近下单", "订单数", "金额", "最近消费间隔（天）", "消费频次（窗口内）", "消费金额（窗口内）", "CLV 复购次数", "CLV 最近", "CLV 客龄 T", "CLV 平均复购金额"]);
    // Recency, frequency and monetary in RFM.TABLE's order, after the all-time columns.
    expect(plan.rows[1]!.slice(0, 12).map(value)).toEqual(["A001", 45352, 45600, 3, 2000.5, 57, 2, 800, 2, 35.43, 43.57, 600.25]);
    // "001" stays text: the gateway keeps it from becoming the number 1.
    expect(value(plan.rows[2]![0])).toBe("001");
    expect(plan.tables).toEqual([{ name: "ImportedCustomers", address: "A1:L3", hasHeaders: true }]);
    expect(plan.names?.map((n) => `${n.name}=${n.address}`)).toEqual(CUSTOMER_COLUMN_NAMES.map((name, c) => `${name}=${"ABCDEFGHIJKL"[c]}2:${"ABCDEFGHIJKL"[c]}3`));
    expect(plan.numberFormats).toContainEqual({ address: "B2:B3", format: "yyyy-mm-dd" });
    expect(plan.numberFormats).toContainEqual({ address: "H2:H3", format: "#,##0.00" });
    // The note, right of the table with a blank column between.
    expect(plan.rows.map((row) => value(row[13])).filter((x) => x !== undefined)).toEqual([
      "数据来源",
      "文件：orders.csv",
      "读取行数：1,100,000；无法读取：3",
      "分析日期：2024-12-31",
      "统计窗口：最近 365 天",
      "CLV 周期：7 天",
      "=SALES.RFM.SCORE(Recency, Frequency, Monetary) · =SALES.CLV.FIT(CLV_Frequency, CLV_Recency, CLV_T)",
    ]);
    expect(plan.rows.every((row) => row[12] === undefined || row[12] === null)).toBe(true);
  });

  it("writes the months as dates shown yyyy-mm, with the dimension named by its kind, or without it", () => {
    const plan = periodSheetPlan(RESULT, { fileName: "orders.csv", dimension: "person" }, "en", en);
    expect(plan.rows.slice(0, 4).map((row) => row.slice(0, 4).map(value))).toEqual([
      ["Date (month)", "Salesperson", "Orders", "Amount"],
      [45292, "张三", 10, 1000],
      [45292, "李四", 2, 20.5],
      [45323, "张三", 7, 700],
    ]);
    expect(plan.numberFormats).toContainEqual({ address: "A2:A4", format: "yyyy-mm" });
    expect(plan.tables).toEqual([{ name: "ImportedMonths", address: "A1:D4", hasHeaders: true }]);
    const plain = periodSheetPlan(RESULT, { fileName: "orders.csv" }, "en", en);
    expect(plain.rows[0]!.slice(0, 3).map(value)).toEqual(["Date (month)", "Orders", "Amount"]);
    expect(plain.tables?.[0]?.address).toBe("A1:C4");
  });

  it("refuses a figure that is not a finite number rather than write it", () => {
    const bad = { ...RESULT, customers: customers([["A", 45352, 45600, 3, Number.NaN, 2, 800, 57, 2, 1, 1, 1]]) };
    expect(() => customerSheetPlan(bad, { fileName: "x.csv" }, "en", en)).toThrow("Amount of customer 1 is not a finite number (NaN)");
  });

  it("says which summary does not fit a sheet before anything is written", () => {
    const many = { ...RESULT, customers: { ...RESULT.customers!, ids: { length: MAX_TABLE_ROWS + 1 } as unknown as string[] } };
    expect(overCapacity(many)).toEqual({ what: "customers", count: 1_048_576 });
    expect(overCapacity(RESULT)).toBeUndefined();
    expect(MAX_TABLE_ROWS).toBe(1_048_575);
  });

  it("any result the engine can return: sheets with no NaN, Infinity or undefined, the right rows, written block by block", async () => {
    const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
    const day = fc.integer({ min: 32874, max: 73415 });
    const customerRow = fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), day, day, fc.nat(1000), finite, fc.nat(1000), finite, fc.nat(40000), fc.nat(1000), fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 5000, noNaN: true }), finite);
    const periodRow = fc.tuple(day, fc.string({ maxLength: 8 }), fc.nat(1e6), finite);
    await fc.assert(
      fc.asyncProperty(fc.array(customerRow, { maxLength: 30 }), fc.array(periodRow, { maxLength: 30 }), fc.boolean(), fc.constantFrom("en" as const, "zh" as const), async (customerRows, periodRows, dimension, language) => {
        const result: SummaryResult = {
          rows: customerRows.length + periodRows.length,
          rejectedCount: 0,
          rejected: [],
          analysisDate: 45657,
          elapsedMs: 1,
          customers: customers(customerRows),
          periods: { periodStart: Float64Array.from(periodRows, (r) => r[0]), dimension: periodRows.map((r) => (dimension ? r[1] : "")), orders: Float64Array.from(periodRows, (r) => r[2]), amount: Float64Array.from(periodRows, (r) => r[3]) },
        };
        const s = IMPORT_STRINGS[language];
        const plans = importPlans(result, { fileName: "f.csv", ...(dimension ? { dimension: "channel" as const } : {}) }, language, s);
        expect(plans).toHaveLength((customerRows.length > 0 ? 1 : 0) + (periodRows.length > 0 ? 1 : 0));
        const gateway = new MemoryGateway(true, ["Sheet1"], { blockRows: 7 });
        for (const plan of plans) {
          for (const row of plan.rows) for (const cell of row) if (cell !== null && "value" in cell && typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
          expect(plan.rows.flat().some((cell) => cell === undefined)).toBe(false);
          const tableRows = plan.tables![0]!.address.match(/\d+$/)![0];
          const expectedRows = plan === plans[0] && customerRows.length > 0 ? customerRows.length : periodRows.length;
          expect(Number(tableRows)).toBe(expectedRows + 1);
          const reports: WriteProgress[] = [];
          const name = await gateway.createSheet(plan, { onProgress: (p) => reports.push(p) });
          expect(reports.map((r) => r.done)).toEqual(Array.from({ length: Math.ceil(plan.rows.length / 7) }, (_, i) => i + 1));
          expect(gateway.grid(name).length).toBe(plan.rows.length);
        }
      }),
      { numRuns: 60 },
    );
  });
});
