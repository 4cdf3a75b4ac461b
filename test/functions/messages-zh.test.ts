import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { clvAlive, clvFit, clvPurchases, clvSpendFit, clvSummary, clvValue } from "../../src/functions/clv";
import { commissionTiered } from "../../src/functions/commission";
import { forecastAccuracy, forecastBacktest, forecastHolt, forecastHw, forecastHwParams, forecastInterval, forecastLinear, forecastMa, forecastSes } from "../../src/functions/forecast";
import { funnelLevers, funnelPlan, funnelPyramid, funnelRates, funnelStages, funnelTarget, pipelineWeighted } from "../../src/functions/funnel";
import {
  kpiAov,
  kpiCac,
  kpiChurn,
  kpiClv,
  kpiCollection,
  kpiConversion,
  kpiMargin,
  kpiRepurchase,
  kpiRoas,
  kpiRoi,
  kpiScore,
} from "../../src/functions/kpi";
import { customerTags, rfmScore, rfmSegment, rfmTable } from "../../src/functions/rfm";
import { quotaAllocate, quotaReconcile, targetGrid, targetPace, targetSeasonal, targetSplit, targetTiers } from "../../src/functions/targets";
import { ERROR_MESSAGES } from "../../src/i18n/errors";
import { FUNCTION_METADATA_ZH } from "../../src/i18n/function-metadata-zh";
import { PARAMETER_NAMES_ZH } from "../../src/i18n/parameter-names";
import { cdnowSummary } from "../support/cdnow";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

/**
 * In Chinese Office a message names each argument by the Chinese name Excel's Chinese tooltips show
 * (src/i18n/parameter-names.ts, the table functions-zh-CN.json is built from), never by its English name.
 */
const zh = (call: () => unknown) => withOfficeLanguage("zh-CN", () => excelError(call));
const en = (call: () => unknown) => withOfficeLanguage("en-US", () => excelError(call));

describe("Chinese error messages name the parameters as the Chinese tooltips do", () => {
  it("RFM.TABLE: a bad amount names 金额 and its row; ranges of different sizes name both", () => {
    const ids = column("A001", "A002");
    expect(zh(() => rfmTable(ids, column(45352, 45353), column(100, "abc"), omitted, omitted))).toEqual({
      code: "#VALUE!",
      message: "参数“金额”第 2 行：“abc”不是数字。",
    });
    expect(zh(() => rfmTable(ids, column(45352), column(100, 200), omitted, omitted)).message).toBe(
      "参数“下单日期”有 1 个单元格，而“客户编号”有 2 个。请选择大小相同的区域。",
    );
    // English keeps the English names.
    expect(en(() => rfmTable(ids, column(45352, 45353), column(100, "abc"), omitted, omitted)).message).toBe('amounts, row 2: "abc" is not a number.');
  });

  it("RFM.SCORE: cut points given to the course's table name 分档 and the 评分方法 that makes them unused", () => {
    expect(zh(() => rfmScore(column(10), column(12), column(8000), "seed", [[30, 90]])).message).toBe(
      "参数“分档”在“评分方法”为“seed”时不使用。请留空。",
    );
  });

  it("FUNNEL.LEVERS and FUNNEL.PYRAMID: the other argument a message refers to is named in Chinese too", () => {
    expect(zh(() => funnelLevers(2000, row(0.4, 0.5, 0.25), row(2500, 0.5))).message).toBe(
      "参数“改进值”有 2 个单元格，但需要 4 个：先填顶层人数，再为“转化率”中的每个比率各填一个。",
    );
    expect(zh(() => funnelPyramid(1e7, 2e5, row(0.3, 0.3), 5)).message).toBe("参数“级数”：5 与“晋级率”不符，其比率对应 3 级。请将“级数”留空或填写 3。");
  });

  it("QUOTA.ALLOCATE and QUOTA.RECONCILE: a missing argument, and a derived amount (total − SUM(commitments))", () => {
    expect(zh(() => quotaAllocate(100, column(1, 2), omitted, row(0.5, 0.5, 0), omitted, omitted)).message).toBe(
      "参数“潜力”不能省略：“权重”为其设置了大于 0 的权重。请选择该区域，或将该权重设为 0。",
    );
    const derived = zh(() => quotaReconcile(12_000_000, column(4_000_000, 3_500_005), column(1, 1), 10_000)).message;
    expect(derived).toBe("“总目标 − SUM(承诺目标)”：4499995 不是取整单位 10000 的整数倍。请改为 4490000 或 4500000，或使用更小的单位。");
    expect(en(() => quotaReconcile(12_000_000, column(4_000_000, 3_500_005), column(1, 1), 10_000)).message).toMatch(/^total − SUM\(commitments\): 4499995/);
  });

  it("KPI.CONVERSION, TARGET.PACE and FORECAST.ACCURACY", () => {
    expect(zh(() => kpiConversion(1000, 25)).message).toBe("参数“购买人数”：1000 大于“访客数”（25）。请检查参数顺序。");
    expect(zh(() => targetPace(260_000, 96_000, 0, omitted)).message).toBe("参数“时间进度”：0 必须大于 0。");
    expect(zh(() => forecastAccuracy(column(1, 2, 3), column(1, 2), omitted, omitted)).message).toBe(
      "参数“预测值”有 2 个单元格，而“实际值”有 3 个。请选择大小相同的区域。",
    );
  });
});

/**
 * Every parameter of every function, given a bad value while the others are fine: the Chinese message
 * names that parameter in Chinese and no parameter in English. `valid` is a call that succeeds; `bad`
 * overrides the value tried for a parameter (the default is "坏" in every cell, or alone).
 */
interface Case {
  fn: (...args: never[]) => unknown;
  valid: unknown[];
  bad?: Record<number, unknown>;
}

/** The CDNOW summary as the spill of CLV.SUMMARY gives it, and its published BG/NBD parameters. */
const cdnow = (() => {
  const summary = cdnowSummary();
  const range = (values: ArrayLike<number>) => Array.from(values, (value) => [value]);
  return { frequency: range(summary.frequency), recency: range(summary.recency), T: range(summary.T), monetaryValue: range(summary.monetaryValue) };
})();
const CDNOW_FIT = column(0.242593, 4.413532, 0.792886, 2.425753, -9582.43);

const CASES: Record<string, Case> = {
  "RFM.TABLE": { fn: rfmTable, valid: [column("A", "B"), column(45352, 45353), column(10, 20), null, null, null], bad: { 0: column(null, "B") } },
  "RFM.SCORE": { fn: rfmScore, valid: [column(10, 180), column(12, 1), column(8000, 200), null, null] },
  "RFM.SEGMENT": { fn: rfmSegment, valid: [[[5, 5, 5], [1, 2, 3]], null, null, null] },
  "CUSTOMER.TAGS": { fn: customerTags, valid: [column(10, 180), column(12, 0), column(8000, 0), null, null] },
  "FUNNEL.TARGET": { fn: funnelTarget, valid: [100, column(0.4, 0.5)] },
  "FUNNEL.PLAN": { fn: funnelPlan, valid: [100, column(0.4, 0.5)] },
  "FUNNEL.STAGES": { fn: funnelStages, valid: [2000, column(0.4, 0.5)] },
  "FUNNEL.LEVERS": { fn: funnelLevers, valid: [2000, row(0.4, 0.5, 0.25), row(2500, 0.5, 0.6, 0.3)] },
  "FUNNEL.PYRAMID": { fn: funnelPyramid, valid: [1e7, 2e5, row(0.3), null] },
  "FUNNEL.RATES": { fn: funnelRates, valid: [column(2000, 800, 400)] },
  // A stage is any text: the bad one is a blank (an unknown stage is #N/A in its own cell, not thrown).
  "PIPELINE.WEIGHTED": { fn: pipelineWeighted, valid: [column(100, 200), column("谈判", "赢单"), [["谈判", 0.8], ["赢单", 1]]], bad: { 1: column("谈判", null) } },
  "TARGET.SPLIT": { fn: targetSplit, valid: [100, column(1, 1), null] },
  "TARGET.SEASONAL": { fn: targetSeasonal, valid: [120, column(1, 2, 3, 4), null, 2] },
  "TARGET.TIERS": { fn: targetTiers, valid: [100, null, null] },
  "QUOTA.ALLOCATE": { fn: quotaAllocate, valid: [100, column(1, 2), null, null, null, null] },
  "QUOTA.RECONCILE": { fn: quotaReconcile, valid: [100, column(40, 50), column(1, 1), null] },
  "TARGET.PACE": { fn: targetPace, valid: [100, 40, 0.5, null] },
  "TARGET.GRID": { fn: targetGrid, valid: [column(60, 40), row(50, 50), null, null] },
  "KPI.CONVERSION": { fn: kpiConversion, valid: [1, 2] },
  "KPI.AOV": { fn: kpiAov, valid: [1, 2] },
  "KPI.MARGIN": { fn: kpiMargin, valid: [1, 2] },
  "KPI.ROI": { fn: kpiRoi, valid: [1, 2] },
  "KPI.ROAS": { fn: kpiRoas, valid: [1, 2] },
  "KPI.CAC": { fn: kpiCac, valid: [1, 2] },
  "KPI.REPURCHASE": { fn: kpiRepurchase, valid: [1, 2] },
  "KPI.CHURN": { fn: kpiChurn, valid: [1, 2] },
  "KPI.COLLECTION": { fn: kpiCollection, valid: [1, 2] },
  "KPI.CLV": { fn: kpiClv, valid: [100, 0.8, null] },
  "KPI.SCORE": { fn: kpiScore, valid: [column(1, 2), column(1, 2), column(1, 1), null, null] },
  "COMMISSION.TIERED": { fn: commissionTiered, valid: [250_000, [[0, 0.03], [100_000, 0.05]], null] },
  "FORECAST.MA": { fn: forecastMa, valid: [column(1, 2, 3), 2, null] },
  "FORECAST.SES": { fn: forecastSes, valid: [column(1, 2, 3), 1, null] },
  "FORECAST.HOLT": { fn: forecastHolt, valid: [column(1, 2, 3, 4), 1, null, null] },
  "FORECAST.HW": { fn: forecastHw, valid: [column(1, 2, 3, 4, 5, 6, 7, 8), 2, 2, null, 0.5, 0.3, 0.4] },
  "FORECAST.HW.PARAMS": { fn: forecastHwParams, valid: [column(1, 3, 2, 4, 3, 5, 4, 6), 2, null] },
  "FORECAST.ACCURACY": { fn: forecastAccuracy, valid: [column(1, 2), column(1, 3), null, null] },
  "FORECAST.INTERVAL": { fn: forecastInterval, valid: [column(1, 2, 3, 4, 5, 6, 7, 8), 2, 2, null, null, 0.5, 0.3, 0.4] },
  "FORECAST.LINEAR": { fn: forecastLinear, valid: [column(1, 3, 2, 4, 3), 2, null, null] },
  "FORECAST.BACKTEST": { fn: forecastBacktest, valid: [column(1, 3, 2, 4, 3), 2, null] },
  "CLV.SUMMARY": { fn: clvSummary, valid: [column("A", "B"), column(45352, 45353), column(10, 20), null, null, null], bad: { 0: column(null, "B") } },
  "CLV.FIT": { fn: clvFit, valid: [cdnow.frequency, cdnow.recency, cdnow.T] },
  "CLV.PURCHASES": { fn: clvPurchases, valid: [CDNOW_FIT, 52, column(2, 0), column(30, 0), column(38, 38)] },
  "CLV.ALIVE": { fn: clvAlive, valid: [CDNOW_FIT, column(2, 0), column(30, 0), column(38, 38)] },
  "CLV.SPEND.FIT": { fn: clvSpendFit, valid: [cdnow.frequency, cdnow.monetaryValue] },
  "CLV.VALUE": { fn: clvValue, valid: [CDNOW_FIT, column(6.25, 3.74, 15.44), column(2, 0), column(30, 0), column(38, 38), column(22.35, 0), null, null, null] },
};

const BAD = "坏";
const badValue = (valid: unknown): unknown => (Array.isArray(valid) ? (valid as unknown[][]).map((cells) => cells.map(() => BAD)) : BAD);

/** Lower-case words of a message: what an English parameter name left in a Chinese message would show as. */
const englishWords = (message: string): string[] => message.match(/[a-z_]+/g) ?? [];

describe("every parameter, named in Chinese", () => {
  it("covers every function the Chinese metadata describes", () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(FUNCTION_METADATA_ZH).sort());
  });

  const cases = Object.entries(CASES).flatMap(([id, { fn, valid, bad }]) => {
    const parameters = Object.keys(FUNCTION_METADATA_ZH[id]?.parameters ?? {});
    return parameters.map((parameter, index) => [id, parameter, index, fn, valid, bad?.[index] ?? badValue(valid[index])] as const);
  });

  it.each(Object.entries(CASES))("%s: the valid call succeeds, with one value per parameter", (id, { fn, valid }) => {
    expect(valid).toHaveLength(Object.keys(FUNCTION_METADATA_ZH[id]!.parameters).length);
    expect(fn.length).toBe(valid.length);
    expect(() => (fn as (...args: unknown[]) => unknown)(...valid)).not.toThrow();
  });

  it.each(cases)("%s, %s", (_, parameter, index, fn, valid, bad) => {
    const args = valid.slice();
    args[index] = bad;
    const shown = zh(() => (fn as (...args: unknown[]) => unknown)(...args));
    expect(shown.message).toContain(`“${PARAMETER_NAMES_ZH[parameter]}”`);
    for (const word of englishWords(shown.message ?? "")) expect(Object.keys(PARAMETER_NAMES_ZH)).not.toContain(word);
  });
});

describe("the Chinese message templates", () => {
  it.each(Object.entries(ERROR_MESSAGES.zh))("%s: no space between a quoted name and the Chinese after it", (_, template) => {
    const quoted = "“金额”";
    const params = new Proxy({ where: `参数${quoted}`, arg: quoted, otherArg: quoted, because: quoted } as Record<string, string>, {
      get: (target, key: string) => target[key] ?? "1",
    });
    expect(template(params)).not.toMatch(/”\s+\p{Script=Han}/u);
  });
});

/**
 * The argument names written in the source: every word of every string the core and the adapters name an
 * argument with (`arg: "..."`, `numberOf("...", …)`, `call.list("...", …)`, a KPI's numerator…) is a
 * parameter with a Chinese name, so no message can show an English word the table does not know.
 */
describe("argument names in the source", () => {
  const SRC = resolve(__dirname, "..", "..", "src");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
    });
  const NAMING = [
    /\b(?:arg|otherArg|because|numerator|denominator|total|weights|unit): "([^"]+)"/g,
    /\bconst arg = "([^"]+)"/g,
    /\b(?:numberOf|optionalNumberOf|optionOf|flagOf|languageOf|scalarOf|columnsOf|listOf|numberRangeOf|requireRates|requireSmoothing|list)\(\s*"([^"]+)"/g,
  ];
  const named = [...files(join(SRC, "core")), ...files(join(SRC, "functions"))].flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const names = new Set(NAMING.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] as string)));
    return [...names].map((name) => [relative(SRC, file), name] as const);
  });

  it("finds the names the adapters and the core use", () => {
    expect(named.map(([, name]) => name)).toEqual(expect.arrayContaining(["amounts", "customer_ids", "total − SUM(commitments)", "visitors", "history"]));
  });

  it.each(named)("%s: %s", (_, name) => {
    for (const word of name.match(/[a-z_]+/g) ?? []) expect(Object.keys(PARAMETER_NAMES_ZH)).toContain(word);
  });
});
