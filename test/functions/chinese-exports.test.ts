import fc from "fast-check";
import { rfmTable } from "../../src/functions/rfm";
import { quotaAllocate, targetSplit } from "../../src/functions/targets";
import { CHINESE_AMOUNTS } from "../support/chinese-amounts";
import { column, excelError, omitted, withOfficeLanguage } from "../support/excel-call";

/**
 * Order and target data exported from Chinese systems arrive as text: the functions read it where a number
 * or a date is expected (docs/functions.md, Conventions), through the same core reader as the task pane.
 * Serials: 2024-03-01 = 45352, 2024-03-31 = 45382.
 */

/** The monetary total RFM.TABLE reads from one amount cell (one order of one customer). */
const amountRead = (amount: unknown) => (rfmTable(column("c"), column(45352), column(amount), omitted, omitted)[0] as unknown[])[3];
/** The recency RFM.TABLE counts from one order date to 2024-03-31. */
const daysBefore31March = (date: unknown) => (rfmTable(column("c"), column(date), column(1), 45382, omitted)[0] as unknown[])[1];

describe("RFM.TABLE over a Chinese order export", () => {
  it("reads 年月日 dates, dates with a time, ¥ and 万 amounts, full-width digits", () => {
    const ids = column("客户A", "客户B", "客户A", "客户C", "客户B", "客户C");
    const dates = column("2024年3月1日", "2024/3/15 14:30:00", "2024年3月21号", "2024.3.1", "20240331", "２０２４年３月３０日");
    const amounts = column("¥1,200", "1.2万", "1200元", "RMB 350.50", "￥1,200.50", "１，０００");
    expect(rfmTable(ids, dates, amounts, "2024年3月31日", omitted)).toEqual([
      ["客户A", 10, 2, 2400],
      ["客户B", 0, 2, 13_200.5],
      ["客户C", 1, 2, 1350.5],
    ]);
  });

  it.each<readonly [string, number]>([...CHINESE_AMOUNTS, ["12%", 0.12], ["１２％", 0.12]])("reads the amount cell %j as %d", (text, value) => {
    expect(amountRead(text)).toBe(value);
  });

  it.each([
    ["2024年3月1日", 30],
    ["2024年3月1号", 30],
    ["2024/3/1", 30],
    ["2024.3.1", 30],
    ["2024-03-01 14:30:00", 30],
    ["20240301", 30],
    [20240301, 30],
    ["２０２４年３月１日", 30],
    [45352.6, 30],
  ])("reads the date cell %j (the time of day dropped)", (date, days) => {
    expect(daysBefore31March(date)).toBe(days);
  });

  it("splits and allocates weights written as money or 万", () => {
    expect(targetSplit(1_000_000, column("¥300,000", "70万"), 10_000)).toEqual([[300_000], [700_000]]);
    expect(quotaAllocate(1_200, column("1.2万", "2.4万"), omitted, omitted, omitted, omitted)).toEqual([[400], [800]]);
  });
});

describe("text that is not a number or a date stays an error naming the cell", () => {
  it.each([
    ["a percentage that is also money", column(1, "¥12%"), 'amounts, row 2: "¥12%" is not a number.', '参数“金额”第 2 行：“¥12%”不是数字。'],
    ["万 with a percent sign", column(1, "1.2万%"), 'amounts, row 2: "1.2万%" is not a number.', '参数“金额”第 2 行：“1.2万%”不是数字。'],
    ["wrong thousands groups", column(1, "12,34"), 'amounts, row 2: "12,34" is not a number.', '参数“金额”第 2 行：“12,34”不是数字。'],
    ["an amount in words", column(1, "一万"), 'amounts, row 2: "一万" is not a number.', '参数“金额”第 2 行：“一万”不是数字。'],
    [
      "a number beyond any cell",
      column(1, "1e400"),
      'amounts, row 2: "1e400" is beyond the largest number a cell holds (9.99999999999999e+307).',
      "参数“金额”第 2 行：“1e400”超出单元格能容纳的最大数值（9.99999999999999e+307）。",
    ],
  ])("%s", (_, amounts, en, zh) => {
    const call = () => rfmTable(column("a", "b"), column(45352, 45353), amounts, omitted, omitted);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: en });
    expect(withOfficeLanguage("zh-CN", () => excelError(call))).toEqual({ code: "#VALUE!", message: zh });
  });

  it.each([
    ["a day that does not exist", "2024年2月30日"],
    ["a month without its day", "2024年3月"],
    ["an amount where a date is wanted", "¥45352"],
    ["a percentage where a date is wanted", "12%"],
    ["yyyymmdd of a day that does not exist", 20240230],
  ])("%s", (_, date) => {
    const call = () => rfmTable(column("a", "b"), column(45352, date), column(1, 2), omitted, omitted);
    const shown = String(date);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: `order_dates, row 2: "${shown}" is not a date. Use a date cell or text like 2024-03-31.` });
    expect(withOfficeLanguage("zh-CN", () => excelError(call)).message).toBe(`参数“下单日期”第 2 行：“${shown}”不是日期。请使用日期单元格或 2024-03-31 这样的文本。`);
  });
});

describe("amounts in cells, for any decimal d (fixed seed)", () => {
  const decimal = fc
    .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 9999 }))
    .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(4, "0")}`);

  it("d万 in an amount cell totals exactly what the typed amount d × 10,000 totals", () => {
    fc.assert(
      fc.property(decimal, (d) => {
        const [whole, fraction] = d.split(".") as [string, string];
        const typed = Number(`${whole}${fraction}`); // the point moved four places: d × 10,000 as typed
        expect(amountRead(`${d}万`)).toBe(typed);
        expect(amountRead(`¥${d}万`)).toBe(typed);
      }),
      { numRuns: 500 },
    );
  });
});
