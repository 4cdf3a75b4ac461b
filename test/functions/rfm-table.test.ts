import { rfmTable } from "../../src/functions/rfm";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

// Serials: 2024-03-01 = 45352, 2024-03-31 = 45382.
describe("=SALES.RFM.TABLE with Excel-shaped input", () => {
  const ids = column("A001", "A002", "A001", 1001, "1001");
  const dates = column(45352, "2024-03-15", "2024/3/21", 45381.75, "20240301");
  const amounts = column(100, "1,234.50", 50, "¥200", 25);

  it("returns one row per customer: id, recency (to the latest order, 2024-03-30), frequency, monetary", () => {
    expect(rfmTable(ids, dates, amounts, omitted, omitted)).toEqual([
      ["A001", 9, 2, 150],
      ["A002", 15, 1, 1234.5],
      [1001, 0, 2, 225],
    ]);
  });

  it("counts recency to an analysis date given as a serial or as ISO text", () => {
    expect(rfmTable(ids, dates, amounts, 45382, omitted)[0]).toEqual(["A001", 10, 2, 150]);
    expect(rfmTable(ids, dates, amounts, "2024-03-31", omitted)[0]).toEqual(["A001", 10, 2, 150]);
  });

  it("ignores trailing blank rows of a larger selection", () => {
    const pad = (range: unknown[][]) => [...range, [""], [null], ["   "]];
    expect(rfmTable(pad(ids), pad(dates), pad(amounts), omitted, omitted)).toHaveLength(3);
  });

  it("accepts rows as well as columns", () => {
    expect(rfmTable(row("x", "y", "x"), row(45352, 45353, 45354), row(1, 2, 3), omitted, false)).toEqual([
      ["x", 0, 2, 4],
      ["y", 1, 1, 2],
    ]);
  });

  it("adds a header row in the Office language when asked", () => {
    expect(rfmTable(ids, dates, amounts, omitted, true)[0]).toEqual(["customer_id", "recency_days", "frequency", "monetary"]);
    const zh = withOfficeLanguage("zh-CN", () => rfmTable(ids, dates, amounts, omitted, true));
    expect(zh[0]).toEqual(["客户", "最近消费间隔(天)", "消费频次", "消费金额"]);
    expect(zh).toHaveLength(4);
  });
});

describe("=SALES.RFM.TABLE errors name the argument and row", () => {
  it.each([
    ["text in an amount cell", column("a", "b"), column(45352, 45353), column(1, "abc"), 'amounts, row 2: "abc" is not a number.'],
    ["TRUE in an amount cell", column("a", "b"), column(45352, 45353), column(true, 1), "amounts, row 1: TRUE is not a number."],
    ["a blank inside the data", column("a", "", "c"), column(45352, 45353, 45354), column(1, 2, 3), "customer_ids, row 2: the cell is blank. Fill it in or remove the row."],
    ["a date that does not exist", column("a", "b"), column("2024-02-30", 45353), column(1, 2), 'order_dates, row 1: "2024-02-30" is not a date. Use a date cell or text like 2024-03-31.'],
    ["a negative date serial", column("a"), column(-3), column(1), 'order_dates, row 1: "-3" is not a date. Use a date cell or text like 2024-03-31.'],
    ["an error value in a cell", column("a", "b"), column(45352, { code: "#N/A" }), column(1, 2), "order_dates, row 2: the cell holds #N/A. Fix that cell first."],
    ["a header row in the selection", column("客户", "a"), column("订单日期", 45352), column("金额", 5), 'order_dates, row 1: "订单日期" looks like a header. Start the range one row lower.'],
    ["mismatched lengths", column("a", "b", "c"), column(45352, 45353), column(1, 2, 3), "order_dates has 2 cells but customer_ids has 3. Select ranges of the same size."],
    ["empty ranges", column("", ""), column("", ""), column("", ""), "customer_ids is empty. Select the cells that hold the data."],
    ["a block instead of a list", [["a", "b"], ["c", "d"]], column(1, 2), column(1, 2), "customer_ids: select one row or one column, not 2×2 cells."],
  ])("%s", (_, ids, dates, amounts, message) => {
    expect(excelError(() => rfmTable(ids, dates, amounts, omitted, omitted))).toEqual({ code: "#VALUE!", message });
  });

  it("an order after the analysis date", () => {
    expect(excelError(() => rfmTable(column("a", "b"), column(45352, 45390), column(1, 2), "2024-03-31", omitted))).toEqual({
      code: "#VALUE!",
      message: "order_dates, row 2: the order date 2024-04-08 is after the analysis date 2024-03-31.",
    });
  });

  it("an analysis date that is not a date", () => {
    expect(excelError(() => rfmTable(column("a"), column(45352), column(1), "soon", omitted)).message).toBe(
      'analysis_date: "soon" is not a date. Use a date cell or text like 2024-03-31.',
    );
  });

  it("positions in a row range are columns", () => {
    expect(excelError(() => rfmTable(row("a", "b"), row(45352, 45353), row(1, "x"), omitted, omitted)).message).toBe(
      'amounts, column 2: "x" is not a number.',
    );
  });

  it("messages follow the Office language", () => {
    const shown = withOfficeLanguage("zh-CN", () => excelError(() => rfmTable(column("a", "b"), column(45352, 45353), column(1, "abc"), omitted, omitted)));
    expect(shown).toEqual({ code: "#VALUE!", message: "参数“金额”第 2 行：“abc”不是数字。" });
  });
});
