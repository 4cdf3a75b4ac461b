import { detectAs, detectColumns, headerScore, normalise, type ColumnNote } from "../../../src/taskpane/features/segment/columns";
import type { CellValue } from "../../../src/excel/gateway";
import { SEGMENT_STRINGS } from "../../../src/i18n/segment";

/** The note as the page words it (the columns' letters from A). */
function words(note: ColumnNote, language: "en" | "zh"): string {
  const s = SEGMENT_STRINGS[language];
  const role = { customer: s.roleCustomer, date: s.roleDate, amount: s.roleAmount, recency: s.roleRecency, frequency: s.roleFrequency, monetary: s.roleMonetary };
  const examples = { customer: s.examplesCustomer, date: s.examplesDate, amount: s.examplesAmount, recency: s.examplesRecency, frequency: s.examplesFrequency, monetary: s.examplesMonetary };
  const letter = (c: number) => String.fromCharCode(65 + c);
  switch (note.code) {
    case "noHeader":
      return s.noteNoHeader;
    case "ambiguous":
      return s.noteAmbiguous(role[note.role], letter(note.chosen), note.others.map(letter).join(", "));
    case "missing":
      return s.noteMissing(role[note.role], examples[note.role]);
  }
}

describe("header detection", () => {
  it("recognises a Chinese export (客户编号, 下单日期, 实付金额) among other columns", () => {
    const rows: CellValue[][] = [
      ["订单号", "客户编号", "商品", "单价", "下单日期", "实付金额"],
      ["D001", "A001", "茶叶", 50, "2024年3月1日", "¥1,200"],
    ];
    const detection = detectColumns(rows);
    expect(detection).toEqual({ kind: "orders", hasHeader: true, columns: { customer: 1, date: 4, amount: 5 }, notes: [] });
  });

  it("recognises an English export (Customer ID, Order Date, Amount (USD))", () => {
    const detection = detectColumns([["Customer ID", "Order Date", "Amount (USD)"], ["c1", 45352, 12.5]]);
    expect(detection.columns).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(detection.notes).toEqual([]);
  });

  it("recognises mixed headers (会员, order_date, 销售额)", () => {
    const detection = detectColumns([["销售额", "order_date", "会员"], [10, "2024-01-02", "张三"]]);
    expect(detection.columns).toEqual({ customer: 2, date: 1, amount: 0 });
  });

  it("takes the order date over the payment time when both are there, and says the other could be it", () => {
    const detection = detectColumns([["客户", "付款时间", "下单日期", "金额"], ["A001", "2024-03-02", "2024-03-01", 100]]);
    expect(detection.columns.date).toBe(2);
    expect(detection.notes).toEqual([{ code: "ambiguous", role: "date", chosen: 2, others: [1] }]);
    expect(words(detection.notes[0]!, "en")).toBe("More than one column could be the order date: C is used; B could be too. Choose another below if needed.");
    expect(words(detection.notes[0]!, "zh")).toBe("有不止一列可能是下单日期：已使用 C；B 也可能是。如有需要，请在下方改选。");
  });

  it("says which column is missing, with examples of its headers", () => {
    const detection = detectColumns([["客户ID", "金额"], ["A001", 100]]);
    expect(detection.columns).toEqual({ customer: 0, amount: 1 });
    expect(detection.notes).toEqual([{ code: "missing", role: "date" }]);
    expect(words(detection.notes[0]!, "zh")).toBe("没有找到像下单日期的列（下单日期、付款时间、order date…）。请在下方选择。");
    expect(words(detection.notes[0]!, "en")).toBe("No column looks like the order date (下单日期, 付款时间, order date…). Choose it below.");
  });

  it("recognises columns by their contents when the first row holds data", () => {
    const detection = detectColumns([
      ["A001", "2024-03-01", 1200.5],
      ["A002", "2024-03-05", 80],
    ]);
    expect(detection).toEqual({ kind: "orders", hasHeader: false, columns: { customer: 0, date: 1, amount: 2 }, notes: [{ code: "noHeader" }] });
  });

  it("recognises an R/F/M table already summarised (客户, R, F, M)", () => {
    const detection = detectColumns([["客户", "最近消费间隔", "消费频次", "消费金额"], ["A001", 10, 5, 6000]]);
    expect(detection).toEqual({ kind: "rfm", hasHeader: true, columns: { customer: 0, recency: 1, frequency: 2, monetary: 3 }, notes: [] });
  });

  it("keeps a header-less reading when the user says the first row is data", () => {
    const rows: CellValue[][] = [["客户", "日期", "金额"], ["A001", "2024-03-01", 100]];
    expect(detectAs(rows, "orders", true).columns).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(detectAs(rows, "orders", false).notes[0]).toEqual({ code: "noHeader" });
  });

  it("never takes an order number for the customer, nor a unit price for the amount", () => {
    expect(headerScore("订单号", "customer")).toBe(0);
    expect(headerScore("单价", "amount")).toBe(0);
    expect(headerScore("出生日期", "date")).toBe(0);
    expect(normalise("Customer ID（编号）")).toBe("customerid");
  });
});
