import { TextDecoder as NodeTextDecoder } from "util";
import type { FileSniff } from "../../../src/core/import/contract";
import { sniffCsv } from "../../../src/core/import/sniff";
import { detectImportColumns } from "../../../src/taskpane/features/import/import-columns";
import { validateColumns, validateSummaries, EMPTY_DRAFT, runKey } from "../../../src/taskpane/features/import/import-draft";
import { sniffCsvAs } from "../../../src/core/import/sniff";
import { encodeGb18030 } from "../../core/import/gb18030";

Object.assign(globalThis, { TextDecoder: NodeTextDecoder });

const sniffOf = (headers: string[], rows: string[][], hasHeader = true): FileSniff => ({
  format: "csv",
  encoding: "utf-8",
  delimiter: ",",
  hasHeader,
  headers,
  preview: rows,
  types: headers.map(() => "text"),
  bytes: 100,
});

describe("the Import page's columns", () => {
  it("finds the order columns as the Segment wizard does, and each dimension by its Chinese header", () => {
    const sniff = sniffOf(["订单号", "会员ID", "付款时间", "实付金额", "负责人", "销售渠道", "大区", "产品线", "收货地址"], [["O1", "M1", "2024-03-01 10:00", "¥1,200", "张三", "天猫", "华东", "礼盒", "上海"]]);
    expect(detectImportColumns(sniff).columns).toEqual({ customer: 1, date: 2, amount: 3, person: 4, channel: 5, region: 6, product: 7 });
  });

  it("reads English headers too, and leaves a dimension unmapped when no header names it", () => {
    const sniff = sniffOf(["customer_id", "order_date", "amount", "Sales Rep", "Category"], [["A1", "2024-01-02", "10", "Ann", "Toys"]]);
    expect(detectImportColumns(sniff).columns).toEqual({ customer: 0, date: 1, amount: 2, person: 3, product: 4 });
  });

  it("without a header row, recognises the order columns by what they hold and maps no dimension", () => {
    const rows = [
      ["A001", "2024-03-01", "1200.50", "张三"],
      ["A002", "2024-03-02", "80.00", "李四"],
    ];
    const detection = detectImportColumns(sniffOf(["Column 1", "Column 2", "Column 3", "Column 4"], rows, false));
    expect(detection.columns).toMatchObject({ date: 1, amount: 2 });
    expect(detection.columns.person).toBeUndefined();
    expect(detection.notes[0]).toEqual({ code: "noHeader" });
  });

  it("checks the mapping: the three order columns required, none twice; optional dimensions only when chosen", () => {
    const draft = { ...EMPTY_DRAFT, col_customer: "0", col_date: "1", col_amount: "1", col_person: "3" };
    expect(validateColumns(draft, 4)).toEqual({ ok: false, errors: { col_amount: "columnTwice" }, params: {} });
    expect(validateColumns({ ...draft, col_amount: "2" }, 4)).toEqual({ ok: true, data: { customer: 0, date: 1, amount: 2, dimensions: { person: 3 } } });
    expect(validateColumns({ ...draft, col_amount: "" }, 4)).toMatchObject({ ok: false, errors: { col_amount: "errRequired" } });
  });

  it("checks the summaries: the window, the CLV period, a dimension that has a column", () => {
    expect(validateSummaries({ ...EMPTY_DRAFT, window: "custom", windowDays: "36526", periodDays: "0" })).toMatchObject({ ok: false, errors: { windowDays: "errWindow", periodDays: "errPeriod" } });
    expect(validateSummaries({ ...EMPTY_DRAFT, customers: "false", periods: "true", dimension: "region" })).toMatchObject({ ok: false, errors: { dimension: "errDimension" } });
    expect(validateSummaries({ ...EMPTY_DRAFT, periods: "true", dimension: "region", col_region: "4", analysis: "chosen", analysisDate: "2024年12月31日" })).toEqual({
      ok: true,
      data: { customers: true, analysisDate: 45657, periodDays: 7, periods: { dimension: "region" } },
    });
    // A changed choice makes an earlier result stale.
    expect(runKey({ ...EMPTY_DRAFT, windowDays: "90" })).not.toBe(runKey(EMPTY_DRAFT));
  });
});

describe("the start of a file read again as the user chose", () => {
  const text = "客户编号;下单日期;实付金额\r\nA001;2024-03-01;¥1,200\r\nA002;2024-03-02;80\r\n";

  it("reads GB18030 with the separator and header row given, as the sniffer would have", () => {
    const bytes = encodeGb18030(text);
    const guessed = sniffCsv(bytes, bytes.length);
    expect(sniffCsvAs(bytes, bytes.length, { encoding: "gb18030", delimiter: ";", hasHeader: true })).toEqual(guessed);
  });

  it("reads the first row as data when told there is no header, and a wrong separator as one column of the header's width", () => {
    const bytes = new TextEncoder().encode(text);
    const noHeader = sniffCsvAs(bytes, bytes.length, { encoding: "utf-8", delimiter: ";", hasHeader: false });
    expect(noHeader.headers).toEqual(["Column 1", "Column 2", "Column 3"]);
    expect(noHeader.preview[0]).toEqual(["客户编号", "下单日期", "实付金额"]);
    const comma = sniffCsvAs(bytes, bytes.length, { encoding: "utf-8", delimiter: ",", hasHeader: true });
    // "¥1,200" splits the rows in two, but the file is as wide as its header: DuckDB is told one column and
    // rejects those rows with their lines, rather than every row being read against a made-up second column.
    expect(comma.headers).toEqual(["客户编号;下单日期;实付金额"]);
    expect(comma.preview[0]).toEqual(["A001;2024-03-01;¥1"]);
  });
});
