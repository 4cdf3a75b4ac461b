import fc from "fast-check";
import { rfmScore, rfmSegment, rfmTable } from "../../src/functions/rfm";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

const R = column(10, 180, 35, 90, 5);
const F = column(12, 1, 8, 3, 2);
const M = column(8000, 200, 5000, 1500, 800);
const WORKED = [
  [5, 5, 5],
  [3, 2, 2],
  [4, 4, 5],
  [4, 3, 3],
  [5, 3, 3],
];

describe("=SALES.RFM.SCORE", () => {
  it("scores the course's worked example with the seed table by default", () => {
    expect(rfmScore(R, F, M, omitted, omitted)).toEqual(WORKED);
    expect(rfmScore(R, F, M, "SEED", omitted)).toEqual(WORKED);
    expect(rfmScore(R, F, M, "", [[""]])).toEqual(WORKED);
  });

  it("takes custom cut points as three rows (shorter rows padded with blanks)", () => {
    const cuts = [
      [30, 90, 180, 365],
      [1, 2, 5, 10],
      [100, 500, 2000, 5000],
    ];
    expect(rfmScore(R, F, M, "custom", cuts)).toEqual(WORKED);
    const two = [
      [60, "", ""],
      [5, "", ""],
      [1000, 3000, ""],
    ];
    expect(rfmScore(R, F, M, "custom", two)).toEqual([
      [2, 2, 3],
      [1, 1, 1],
      [2, 2, 3],
      [1, 1, 2],
      [2, 1, 1],
    ]);
  });

  it("takes the number of bands for quantile and rfm-r (default 5)", () => {
    const q3 = rfmScore(R, F, M, "quantile", [[3]]);
    expect(q3.flat().every((s) => s >= 1 && s <= 3)).toBe(true);
    expect(rfmScore(R, F, M, "quantile", omitted)).toEqual(rfmScore(R, F, M, "quantile", [[5]]));
    expect(rfmScore(R, F, M, "rfm-r", [["4"]])).toEqual(rfmScore(R, F, M, "rfm-r", [[4]]));
  });

  it("chains from RFM.TABLE's columns", () => {
    const table = rfmTable(column("a", "b", "a"), column(45352, 45360, 45370), column(100, 50, 20), 45382, false);
    const scores = rfmScore(table.map((r) => [r[1]]), table.map((r) => [r[2]]), table.map((r) => [r[3]]), "seed", [[""]]);
    // a: last order 12 days before, 2 orders, 120 spent; b: 22 days, 1 order, 50 spent.
    expect(scores).toEqual([
      [5, 3, 2],
      [5, 2, 1],
    ]);
  });

  it.each([
    ["an unknown method", R, F, M, "kmeans", null, '#VALUE!', 'method: "kmeans" is not one of "seed", "custom", "quantile" or "rfm-r".'],
    ["cuts with the seed table", R, F, M, "seed", [[4]], "#VALUE!", 'cuts is not used when method is "seed". Leave it empty.'],
    ["custom without cuts", R, F, M, "custom", null, "#VALUE!", "cuts is empty. Select the cells that hold the data."],
    ["custom cuts of two rows", R, F, M, "custom", [[1, 2], [3, 4]], "#VALUE!", "cuts: expected 3 rows, got 2×2 cells."],
    ["custom cuts not ascending", R, F, M, "custom", [[30, 20], [1, 2], [1, 2]], "#VALUE!", "cuts, row 1, column 2: 20 is not above 30. The values must rise strictly."],
    ["custom cut that is text", R, F, M, "custom", [[30, 90], [1, "x"], [1, 2]], "#VALUE!", 'cuts, row 2, column 2: "x" is not a number.'],
    ["11 bands", R, F, M, "quantile", [[11]], "#VALUE!", "cuts: 11 is above the maximum of 10."],
    ["2.5 bands", R, F, M, "rfm-r", [[2.5]], "#VALUE!", "cuts: 2.5 must be a whole number."],
    ["a negative order count", R, column(12, -1, 8, 3, 2), M, "seed", null, "#VALUE!", "frequency, row 2: -1 is below the minimum of 0."],
    ["a negative recency", column(10, 180, -35, 90, 5), F, M, "seed", null, "#VALUE!", "recency, row 3: -35 is below the minimum of 0."],
    ["lists of different lengths", R, column(1, 2), M, "seed", null, "#VALUE!", "frequency has 2 cells but recency has 5. Select ranges of the same size."],
  ])("reports %s", (_, r, f, m, method, cuts, code, message) => {
    expect(excelError(() => rfmScore(r, f, m, method, cuts as unknown as unknown[][]))).toEqual({ code, message });
  });
});

describe("=SALES.RFM.SEGMENT", () => {
  it("labels the worked example with the cn8 scheme in Chinese by default", () => {
    expect(rfmSegment(WORKED, omitted, omitted, omitted)).toEqual(
      [["重要价值客户"], ["一般挽留客户"], ["重要保持客户"], ["一般挽留客户"], ["一般发展客户"]],
    );
  });

  it("labels in English on request", () => {
    expect(rfmSegment(WORKED, [["cn8"]], omitted, "en").flat()).toEqual([
      "Important value",
      "General win-back",
      "Important retain",
      "General win-back",
      "General develop",
    ]);
  });

  it("uses one threshold for all scores, or one per score", () => {
    expect(rfmSegment(WORKED, [["cn8"]], [[4]], "en").flat()).toEqual([
      "Important value",
      "General win-back",
      "Important value",
      "General develop",
      "General develop",
    ]);
    expect(rfmSegment(WORKED, [["cn8"]], row(5, 3, 5), "en")).toEqual(rfmSegment(WORKED, [["cn8"]], column(5, 3, 5), "en"));
  });

  it("groups the worked example into the course's seven groups, in Chinese by default (working in test/support/course.ts)", () => {
    expect(rfmSegment(WORKED, [["course"]], omitted, omitted).flat()).toEqual(["重要价值客户", "低价值客户", "重要保持客户", "低价值客户", "一般价值客户"]);
    expect(rfmSegment(WORKED, [["Course"]], omitted, "en").flat()).toEqual(["Important value", "Low value", "Keep", "Low value", "Average value"]);
  });

  it("takes thresholds for the course's groups as for cn8", () => {
    expect(rfmSegment(WORKED, [["course"]], [[4]], "en").flat()).toEqual(["Important value", "Low value", "Important value", "Average value", "Average value"]);
    // High: R ≥ 2, F ≥ 3, M ≥ 3. R = 1 is low here, and the bottom of the scale.
    const lapsed = [
      [1, 5, 5],
      [1, 1, 1],
      [3, 1, 4],
      [3, 4, 2],
    ];
    expect(rfmSegment(lapsed, [["course"]], row(2, 3, 3), "en").flat()).toEqual(["Win back", "Dormant", "Develop", "Average value"]);
  });

  it("labels the R package segments in English by default, in Chinese on request", () => {
    const scores = [
      [5, 5, 5],
      [2, 1, 5],
      [1, 1, 1],
    ];
    expect(rfmSegment(scores, [["rfm-r"]], [[""]], "").flat()).toEqual(["Champions", "Others", "Lost"]);
    expect(rfmSegment(scores, [["rfm-r"]], [[""]], "zh-CN").flat()).toEqual(["冠军客户", "其他", "已流失客户"]);
  });

  it("applies a user rule table with a header row, first match wins", () => {
    const rules = [
      ["segment", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max"],
      ["VIP", 4, 5, 4, 5, 4, 5],
      ["Active", 4, 5, 1, 5, 1, 5],
      ["Big spender", 1, 5, 1, 5, 5, 5],
    ];
    expect(rfmSegment(WORKED, rules, [[""]], "zh").flat()).toEqual(["VIP", "其他", "VIP", "Active", "Active"]);
  });

  it("chains RFM.SCORE into RFM.SEGMENT", () => {
    expect(rfmSegment(rfmScore(R, F, M, "seed", [[""]]), [[""]], [[""]], "en")).toHaveLength(5);
  });

  it("ignores trailing blank rows of the score range", () => {
    expect(rfmSegment([...WORKED, ["", "", ""], [null, null, null]], [[""]], [[""]], "")).toHaveLength(5);
  });

  it.each([
    ["scores with two columns", [[1, 2]], null, null, null, "scores: expected 3 columns, got 1×2 cells."],
    ["a blank score", [[5, 5, 5], [3, "", 2]], null, null, null, "scores, row 2, column 2: the cell is blank. Fill it in or remove the row."],
    ["an unknown scheme", WORKED, [["rfm8"]], null, null, 'scheme: "rfm8" is not one of "cn8", "course" or "rfm-r".'],
    ["an unknown language", WORKED, null, null, "fr", 'language: "fr" is not one of "zh" or "en".'],
    ["two thresholds", WORKED, null, [[3, 4]], null, "threshold: expected 3 columns, got 1×2 cells."],
    ["a threshold with rfm-r", WORKED, [["rfm-r"]], [[3]], null, 'threshold is not used when scheme is "rfm-r". Leave it empty.'],
    ["a score below 1 with the course's groups", [[5, 5, 5], [0, 2, 2]], [["course"]], null, null, "scores, row 2, column 1: 0 is below the minimum of 1."],
    ["a rule with bounds the wrong way round", WORKED, [["x", 1, 5, 4, 2, 1, 5]], null, null, "scheme, row 1, column 4: the lower bound 4 is above the upper bound 2."],
    ["a rule bound that is text", WORKED, [["x", 1, 5, 1, "five", 1, 5]], null, null, 'scheme, row 1, column 5: "five" is not a number.'],
  ])("reports %s", (_, scores, scheme, threshold, language, message) => {
    expect(excelError(() => rfmSegment(scores as unknown[][], scheme as unknown[][], threshold as unknown[][], language as unknown as string))).toEqual({
      code: "#VALUE!",
      message,
    });
  });

  it("reports in Chinese under a Chinese Office", () => {
    const shown = withOfficeLanguage("zh-CN", () => excelError(() => rfmSegment([[1, 2]], [[""]], [[""]], "")));
    expect(shown.message).toBe("参数“评分”：应为 3 列，实际为 1×2 个单元格。");
    const belowOne = withOfficeLanguage("zh-CN", () => excelError(() => rfmSegment([[5, 5, 5], [0, 2, 2]], [["course"]], [[""]], "")));
    expect(belowOne.message).toBe("参数“评分”第 2 行第 1 列：0 小于最小值 1。");
  });
});

describe("nothing but numbers, labels or a CustomFunctions.Error ever reaches a cell", () => {
  const cell = fc.oneof(
    fc.integer({ min: -5, max: 400 }),
    fc.double({ noNaN: false }),
    fc.constantFrom("", " ", "abc", "12%", "1,234", "2024-03-31", "TRUE", "#N/A"),
    fc.boolean(),
    fc.constant(null),
    fc.constant({ code: "#REF!" }),
  );
  const range = fc.array(fc.tuple(cell), { minLength: 0, maxLength: 12 });

  const isCellSafe = (out: unknown) =>
    Array.isArray(out) &&
    out.every((r) => Array.isArray(r) && r.every((v) => (typeof v === "number" && Number.isFinite(v)) || typeof v === "string"));

  it.each([
    ["RFM.TABLE", (a: unknown[][], b: unknown[][], c: unknown[][]) => rfmTable(a, b, c, omitted, omitted)],
    ["RFM.SCORE seed", (a: unknown[][], b: unknown[][], c: unknown[][]) => rfmScore(a, b, c, omitted, omitted)],
    ["RFM.SCORE quantile", (a: unknown[][], b: unknown[][], c: unknown[][]) => rfmScore(a, b, c, "quantile", [[4]])],
    ["RFM.SCORE rfm-r", (a: unknown[][], b: unknown[][], c: unknown[][]) => rfmScore(a, b, c, "rfm-r", [[5]])],
    ["RFM.SEGMENT", (a: unknown[][], b: unknown[][], c: unknown[][]) => rfmSegment(a.map((x, i) => [x[0], b[i]?.[0], c[i]?.[0]]), [[""]], [[""]], "")],
  ])("%s, on arbitrary cells", (_, call) => {
    fc.assert(
      fc.property(range, range, range, (a, b, c) => {
        try {
          expect(isCellSafe(call(a, b, c))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CustomFunctions.Error);
          const { code, message } = error as CustomFunctions.Error;
          expect(["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"]).toContain(code);
          if (code === "#VALUE!") expect(message).toMatch(/\S/);
          // A NaN cell (Excel never sends one) may be quoted as "NaN"; no message may show undefined or a bug.
          expect(message ?? "").not.toMatch(/undefined|Unexpected problem/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
