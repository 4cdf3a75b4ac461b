import { rfmTable } from "../../src/functions/rfm";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

// Serials: 2024-03-01 = 45352, 2024-03-31 = 45382.
describe("=SALES.RFM.TABLE with Excel-shaped input", () => {
  const ids = column("A001", "A002", "A001", 1001, "1001");
  const dates = column(45352, "2024-03-15", "2024/3/21", 45381.75, "20240301");
  const amounts = column(100, "1,234.50", 50, "¥200", 25);

  it("returns one row per customer: id, recency (to the latest order, 2024-03-30), frequency, monetary", () => {
    expect(rfmTable(ids, dates, amounts, omitted, omitted, omitted)).toEqual([
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

  it("reads a value standing in for a row (a caller's plain list) as a one-cell row", () => {
    const plain = (...values: unknown[]) => values as unknown as unknown[][];
    const expected = [
      ["x", 0, 2, 4],
      ["y", 1, 1, 2],
    ];
    expect(rfmTable(plain("x", "y", "x"), plain(45352, 45353, 45354), plain(1, 2, 3), omitted, omitted, omitted)).toEqual(expected);
    expect(rfmTable(plain(["x"], "y", ["x"]), column(45352, 45353, 45354), plain(1, [2], 3), omitted, omitted, omitted)).toEqual(expected);
    expect(excelError(() => rfmTable(plain(["x"], "", ["x"]), column(45352, 45353, 45354), column(1, 2, 3), omitted, omitted, omitted)).message).toBe(
      "customer_ids, row 2: the cell is blank. Fill it in or remove the row.",
    );
  });

  it("keeps ids as written, spaces included, and takes text of white space only (U+3000, U+00A0) as blank", () => {
    const ids2 = column(" A", "张三", "\u00a0B", "A", "\ufeffC");
    const table = rfmTable(ids2, column(45352, 45352, 45352, 45352, 45352), column(1, 2, 3, 4, 5), omitted, omitted, omitted);
    expect(table.map((r) => r[0])).toEqual([" A", "张三", "\u00a0B", "A", "\ufeffC"]);
    for (const blank of ["\u3000", "\u00a0 ", "\u2003", "\ufeff", "\t"]) {
      expect(excelError(() => rfmTable(column("A", blank), column(45352, 45353), column(1, 2), omitted, omitted, omitted)).message).toBe(
        "customer_ids, row 2: the cell is blank. Fill it in or remove the row.",
      );
    }
  });

  it("adds a header row in the Office language when asked", () => {
    expect(rfmTable(ids, dates, amounts, omitted, true)[0]).toEqual(["customer_id", "recency_days", "frequency", "monetary"]);
    const zh = withOfficeLanguage("zh-CN", () => rfmTable(ids, dates, amounts, omitted, true));
    expect(zh[0]).toEqual(["客户", "最近消费间隔(天)", "消费频次", "消费金额"]);
    expect(zh).toHaveLength(4);
  });
});

describe("=SALES.RFM.TABLE over a window (window_days)", () => {
  // Analysis day 2024-12-31 = 45657; 2024-01-01 = 45292 is 365 days before it.
  const ids = column("A", "B", "A", "B");
  const dates = column("2024-01-01", "2023-06-30", "2024-01-02", 45291);
  const amounts = column(100, 40, 250, 60);

  it("counts frequency and monetary over the last window_days days; recency from the last order ever", () => {
    expect(rfmTable(ids, dates, amounts, "2024-12-31", omitted, 365)).toEqual([
      ["A", 364, 1, 250],
      ["B", 366, 0, 0],
    ]);
    expect(rfmTable(ids, dates, amounts, "2024-12-31", omitted, 366)).toEqual([
      ["A", 364, 2, 350],
      ["B", 366, 0, 0],
    ]);
  });

  it("takes the window as a number, numeric text or a one-cell range; blank means every order", () => {
    const all = rfmTable(ids, dates, amounts, "2024-12-31", omitted, omitted);
    expect(all).toEqual([
      ["A", 364, 2, 350],
      ["B", 366, 2, 100],
    ]);
    expect(rfmTable(ids, dates, amounts, "2024-12-31", omitted, [[""]])).toEqual(all);
    expect(rfmTable(ids, dates, amounts, "2024-12-31", omitted, "365")).toEqual(rfmTable(ids, dates, amounts, "2024-12-31", omitted, [[365]]));
  });

  it("keeps the header row with a window, measured back from the latest order (2024-01-02) by default", () => {
    expect(rfmTable(ids, dates, amounts, omitted, true, 2)).toEqual([
      ["customer_id", "recency_days", "frequency", "monetary"],
      ["A", 0, 2, 350],
      ["B", 2, 0, 0],
    ]);
  });

  it.each([
    ["0", 0, "window_days: 0 is below the minimum of 1.", "参数“时间窗天数”：0 小于最小值 1。"],
    ["negative", -7, "window_days: -7 is below the minimum of 1.", "参数“时间窗天数”：-7 小于最小值 1。"],
    ["fractional", 30.5, "window_days: 30.5 must be a whole number.", "参数“时间窗天数”：30.5 必须是整数。"],
    ["too long", 100_000, "window_days: 100000 is above the maximum of 36525.", "参数“时间窗天数”：100000 超过最大值 36525。"],
    ["text", "a year", 'window_days: "a year" is not a number.', "参数“时间窗天数”：“a year”不是数字。"],
    ["TRUE", true, "window_days: TRUE is not a number.", "参数“时间窗天数”：TRUE 不是数字。"],
    ["a block of cells", [[30, 60]], "window_days: expected 1 row and 1 column, got 1×2 cells.", "参数“时间窗天数”：应为 1 行1 列，实际为 1×2 个单元格。"],
  ])("rejects a window that is %s (en and zh)", (_, window, en, zh) => {
    const call = () => rfmTable(ids, dates, amounts, omitted, omitted, window);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: en });
    expect(withOfficeLanguage("zh-CN", () => excelError(call))).toEqual({ code: "#VALUE!", message: zh });
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
    expect(excelError(() => rfmTable(ids, dates, amounts, omitted, omitted, omitted))).toEqual({ code: "#VALUE!", message });
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
