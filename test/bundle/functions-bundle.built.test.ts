import { readFileSync } from "node:fs";
import { checkManifest } from "../../scripts/manifest-check.cjs";
import { DIST, distFile, readMetadata } from "../support/dist";
import { cdnowSummary } from "../support/cdnow";
import { COURSE_SCORES } from "../support/course";
import { loadBundle } from "../support/functions-bundle";

describe("the built functions bundle", () => {
  const { associated, ExcelError } = loadBundle({ displayLanguage: "en-US" });
  const metadataIds = readMetadata().functions.map((f) => f.id);

  it("associates exactly the ids in functions.json", () => {
    expect([...associated.keys()].sort()).toEqual([...metadataIds].sort());
  });

  it("computes the worked example through RFM.SCORE and RFM.SEGMENT", () => {
    const score = associated.get("RFM.SCORE")!;
    const segment = associated.get("RFM.SEGMENT")!;
    const scores = score([[10], [180], [35], [90], [5]], [[12], [1], [8], [3], [2]], [[8000], [200], [5000], [1500], [800]], null, null);
    expect(scores).toEqual(COURSE_SCORES);
    expect(segment(scores, null, null, null)).toEqual([["重要价值客户"], ["一般挽留客户"], ["重要保持客户"], ["一般挽留客户"], ["一般发展客户"]]);
  });

  it("computes the course's funnel, lead pyramid, a KPI and a commission", () => {
    const fn = (id: string) => associated.get(id)!;
    expect(fn("FUNNEL.TARGET")(100, [[0.4, 0.5, 0.25]])).toBe(2000);
    expect(fn("FUNNEL.PLAN")(120, [[0.4], [0.5], [0.25]])).toEqual([[2400], [960], [480], [120]]);
    expect(fn("FUNNEL.STAGES")(2000, [[0.4, 0.5, 0.25]])).toEqual([[2000, 800, 400, 100]]);
    expect(fn("FUNNEL.LEVERS")(2000, [[0.4, 0.5, 0.25]], [[2500, 0.5, 0.6, 0.3]])).toEqual([[125, 25], [125, 25], [120, 20], [120, 20]]);
    expect(fn("FUNNEL.PYRAMID")(10_000_000, 200_000, [[0.3]], null)).toEqual([[50], [167], [556], [1852], [6173]]);
    expect(fn("KPI.CONVERSION")(100, 2000)).toBe(0.05);
    expect(fn("COMMISSION.TIERED")(250_000, [[0, 0.03], [100_000, 0.05], [200_000, 0.08]], null)).toBe(12_000);
    expect(() => fn("KPI.AOV")(100, 0)).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
    let shown: unknown;
    try {
      fn("FUNNEL.TARGET")(100, [[40, 0.5, 0.25]]);
    } catch (error) {
      shown = error;
    }
    expect(shown).toBeInstanceOf(ExcelError);
    expect(shown).toMatchObject({ code: "#VALUE!", message: "rates, column 1: 40 is not a rate. Enter 40% or 0.4." });
  });

  it("associates the customer-value family and takes the CDNOW sample from its summary to the published figures", () => {
    const ids = ["CLV.SUMMARY", "CLV.FIT", "CLV.PURCHASES", "CLV.ALIVE", "CLV.SPEND.FIT", "CLV.VALUE"];
    expect(ids.filter((id) => !associated.has(id))).toEqual([]);
    const fn = (id: string) => associated.get(id)!;
    // lifetimes' unit test of the summary (daily periods, analysis date the day after the last order).
    const orders = [["1", "2015-01-01", 1], ["1", "2015-02-06", 2], ["2", "2015-01-01", 2], ["3", "2015-01-01", 3], ["3", "2015-01-02", 1], ["3", "2015-01-05", 5]];
    const summary = fn("CLV.SUMMARY")(orders.map((o) => [o[0]]), orders.map((o) => [o[1]]), orders.map((o) => [o[2]]), "2015-02-07", 1, null);
    expect(summary).toEqual([["1", 1, 36, 37, 2], ["2", 0, 0, 37, 0], ["3", 2, 4, 37, 3]]);
    const cdnow = cdnowSummary();
    const range = (values: ArrayLike<number>) => Array.from(values, (value) => [value]);
    const [x, tx, T, m] = [cdnow.frequency, cdnow.recency, cdnow.T, cdnow.monetaryValue].map(range);
    const fit = fn("CLV.FIT")(x, tx, T) as number[][];
    expect(fit.map(([value]) => Number(value!.toFixed(4)))).toEqual([0.2426, 4.4136, 0.7929, 2.4259, -9582.4292]);
    const first = cdnow.ids.indexOf("1");
    expect((fn("CLV.PURCHASES")(fit, 39, x, tx, T) as number[][])[first]![0]).toBeCloseTo(1.226, 3);
    expect((fn("CLV.ALIVE")(fit, x, tx, T) as number[][])[first]![0]).toBeCloseTo(0.7266, 4);
    const spend = fn("CLV.SPEND.FIT")(x, m) as number[][];
    expect(spend.slice(0, 3).map(([value]) => Number(value!.toFixed(2)))).toEqual([6.25, 3.74, 15.44]);
    expect((fn("CLV.VALUE")(fit, spend, x, tx, T, m, null, null, null) as number[][])[first]![0]).toBeCloseTo(36.27, 2);
  });

  it("throws the runtime's CustomFunctions.Error with a message, in the Office language", () => {
    const call = (fn: (...args: unknown[]) => unknown) => {
      try {
        fn([["a"]], [[45352]], [["abc"]], null, null);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const en = call(associated.get("RFM.TABLE")!) as { code: string; message: string };
    expect(en).toBeInstanceOf(ExcelError);
    expect(en).toMatchObject({ code: "#VALUE!", message: 'amounts, row 1: "abc" is not a number.' });
    const zh = loadBundle({ displayLanguage: "zh-CN" });
    const shown = call(zh.associated.get("RFM.TABLE")!) as { message: string };
    expect(shown.message).toBe("参数“金额”第 1 行：“abc”不是数字。");
  });

  it("reads observed funnel counts into rates and weights a pipeline, one cell's error in the runtime's class", () => {
    const fn = (id: string) => associated.get(id)!;
    const rates = fn("FUNNEL.RATES")([[2000], [800], [400], [100]]) as number[][];
    expect(rates).toEqual([[0.4], [0.5], [0.25]]);
    expect(fn("FUNNEL.TARGET")(100, rates)).toBe(2000);
    const table = [["商机阶段", "赢率"], ["谈判", "80%"], ["赢单", 1]];
    const weighted = fn("PIPELINE.WEIGHTED")([["50万"], ["20万"], [100]], [["谈判"], [" 赢单 "], ["签约中"]], table) as unknown[][];
    expect(weighted.slice(0, 2)).toEqual([[400_000], [200_000]]);
    expect(weighted[2]![0]).toBeInstanceOf(ExcelError);
    expect(weighted[2]![0]).toMatchObject({ code: "#N/A", message: 'stages, row 3: "签约中" is not a stage in stage_table. Add it to stage_table or correct the name.' });
  });

  it("stays small and free of UI code (it loads with every workbook)", () => {
    const source = readFileSync(distFile("functions.js"), "utf8");
    expect(source.length).toBeLessThan(125_000); // minified; 87.7 k with CUSTOMER.TAGS, 120.5 k with TARGET.GRID (the gzipped budget is in budget.built.test.ts)
    expect(source).not.toMatch(/react|fluentui|zod/i);
  });
});

describe("the built manifest", () => {
  it("passes the structural checks and points at the build's files, the Chinese metadata's Override too", () => {
    const xml = readFileSync(distFile("manifest.xml"), "utf8");
    const { errors } = checkManifest(xml, { assetsDir: distFile("assets"), distDir: DIST });
    expect(errors).toEqual([]);
    expect(xml).toContain("/functions.json");
    expect(xml).toMatch(/<bt:Override Locale="zh-CN" Value="https:\/\/[^"]+\/functions-zh-CN\.json"\/>/);
    expect(readFileSync(distFile("taskpane.html"), "utf8")).toMatch(/<script[^>]+functions\.js[^>]*>.*<script[^>]+taskpane\.js/s);
  });
});
