import { customerTags, rfmScore, rfmSegment, rfmTable } from "../../src/functions/rfm";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

// The course's five customers A001–A005.
const R = column(10, 180, 35, 90, 5);
const F = column(12, 1, 8, 3, 2);
const M = column(8000, 200, 5000, 1500, 800);

describe("=SALES.CUSTOMER.TAGS", () => {
  it("tags the five customers in Chinese by default: activity, frequency, order value (cuts 433.33 and 583.33)", () => {
    expect(customerTags(R, F, M, omitted, omitted)).toEqual([
      ["高活跃", "高频", "高客单价"],
      ["低活跃", "低频", "低客单价"],
      ["中活跃", "高频", "高客单价"],
      ["中活跃", "中频", "中客单价"],
      ["高活跃", "中频", "低客单价"],
    ]);
  });

  it("tags in English on request", () => {
    expect(customerTags(R, F, M, omitted, "en")[1]).toEqual(["Low activity", "Occasional", "Low AOV"]);
    expect(customerTags(column(400), column(0), column(0), omitted, "English")).toEqual([["Dormant", "Occasional", "No orders"]]);
  });

  it("reads numbers as every SALES function does, from rows as from columns, trailing blanks ignored", () => {
    expect(customerTags(row("10", 180), row(12, "1"), row("8,000", "¥200"), omitted, omitted)).toEqual([
      ["高活跃", "高频", "高客单价"],
      ["低活跃", "低频", "低客单价"],
    ]);
    expect(customerTags([...R, [""], [null]], [...F, [""], [null]], [...M, [""], [null]], omitted, omitted)).toHaveLength(5);
  });

  it("takes cuts as three rows; a blank row keeps its default", () => {
    const cuts = [
      ["", "", ""],
      [3, 10, ""],
      [500, 1000, ""],
    ];
    expect(customerTags(R, F, M, cuts, "en")).toEqual([
      ["Highly active", "Frequent", "Mid AOV"],
      ["Low activity", "Occasional", "Low AOV"],
      ["Active", "Regular", "Mid AOV"],
      ["Active", "Regular", "Mid AOV"],
      ["Highly active", "Occasional", "Low AOV"],
    ]);
    const recencyOnly = [[10, 35, 90], [null, null, null], [null, null, null]];
    expect(customerTags(R, F, M, recencyOnly, "en").map((tags) => tags[0])).toEqual(["Highly active", "Dormant", "Active", "Low activity", "Highly active"]);
    expect(customerTags(R, F, M, [[""], [""], [""]], omitted)).toEqual(customerTags(R, F, M, omitted, omitted));
  });

  it("chains RFM.TABLE (with a window) → RFM.SCORE → RFM.SEGMENT \"course\" beside CUSTOMER.TAGS", () => {
    const table = rfmTable(column("a", "b", "a", "c"), column(45000, 45300, 45380, 45382), column(100, 50, 200, 5), 45382, false, 60);
    const [r, f, m] = [1, 2, 3].map((c) => table.map((line) => [line[c]]));
    expect(table).toEqual([
      ["a", 2, 1, 200],
      ["b", 82, 0, 0],
      ["c", 0, 1, 5],
    ]);
    // Order values 200 and 5 (b has none): cuts 70 and 135.
    expect(customerTags(r!, f!, m!, omitted, omitted)).toEqual([
      ["高活跃", "低频", "高客单价"],
      ["中活跃", "低频", "无订单"],
      ["高活跃", "低频", "低客单价"],
    ]);
    // Seed scores 522, 411, 521; means R 14/3, F 5/3, M 4/3: a is high on all → 重要价值; b low on all,
    // R not 1 → 低价值; c high on R and F, low on M → 一般价值.
    expect(rfmScore(r!, f!, m!, omitted, omitted)).toEqual([[5, 2, 2], [4, 1, 1], [5, 2, 1]]);
    expect(rfmSegment(rfmScore(r!, f!, m!, omitted, omitted), [["course"]], omitted, omitted).flat()).toEqual(["重要价值客户", "低价值客户", "一般价值客户"]);
  });
});

describe("=SALES.CUSTOMER.TAGS errors", () => {
  it.each([
    ["a negative recency", column(10, -1), column(1, 1), column(1, 1), null, null, "recency, row 2: -1 is below the minimum of 0.", "参数“最近消费间隔”第 2 行：-1 小于最小值 0。"],
    ["a negative frequency", column(10, 1), column(-3, 1), column(1, 1), null, null, "frequency, row 1: -3 is below the minimum of 0.", "参数“消费频次”第 1 行：-3 小于最小值 0。"],
    ["text in monetary", column(10, 1), column(1, 1), column(1, "lots"), null, null, 'monetary, row 2: "lots" is not a number.', "参数“消费金额”第 2 行：“lots”不是数字。"],
    ["lists of different lengths", column(10, 1, 5), column(1, 1), column(1, 1), null, null, "frequency has 2 cells but recency has 3. Select ranges of the same size.", "参数“消费频次”有 2 个单元格，而“最近消费间隔”有 3 个。请选择大小相同的区域。"],
    ["empty lists", column(""), column(""), column(""), null, null, "recency is empty. Select the cells that hold the data.", "参数“最近消费间隔”为空。请选择包含数据的单元格。"],
    ["cuts of two rows", R, F, M, [[30, 90, 180], [2, 5, ""]], null, "cuts: expected 3 rows, got 2×3 cells.", "参数“分档”：应为 3 行，实际为 2×3 个单元格。"],
    ["a row of cuts with too many values", R, F, M, [[30, 90, 180], [2, 5, 9], ["", "", ""]], null, "cuts, row 2: expected 2 columns, got 1×3 cells.", "参数“分档”第 2 行：应为 2 列，实际为 1×3 个单元格。"],
    ["a row of cuts with too few values", R, F, M, [[30, 90, ""], ["", "", ""], ["", "", ""]], null, "cuts, row 1: expected 3 columns, got 1×2 cells.", "参数“分档”第 1 行：应为 3 列，实际为 1×2 个单元格。"],
    ["cuts that do not rise", R, F, M, [[30, 30, 180], ["", "", ""], ["", "", ""]], null, "cuts, row 1, column 2: 30 is not above 30. The values must rise strictly.", "参数“分档”第 1 行第 2 列：30 不大于 30。数值必须严格递增。"],
    ["a cut that is text", R, F, M, [["", "", ""], ["", "", ""], ["high", 1000, ""]], null, 'cuts, row 3, column 1: "high" is not a number.', "参数“分档”第 3 行第 1 列：“high”不是数字。"],
    ["a blank cut inside a row", R, F, M, [[30, "", 180], ["", "", ""], ["", "", ""]], null, "cuts, row 1, column 2: the cell is blank. Fill it in or remove the row.", "参数“分档”第 1 行第 2 列：单元格为空。请填写，或删除该行。"],
    ["an unknown language", R, F, M, null, "fr", 'language: "fr" is not one of "zh" or "en".', "参数“语言”：“fr”不是可选值（“zh” 或 “en”）。"],
  ])("%s (en and zh)", (_, r, f, m, cuts, language, en, zh) => {
    const call = () => customerTags(r, f, m, cuts as unknown as unknown[][], language as unknown as string);
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: en });
    expect(withOfficeLanguage("zh-CN", () => excelError(call))).toEqual({ code: "#VALUE!", message: zh });
  });
});
