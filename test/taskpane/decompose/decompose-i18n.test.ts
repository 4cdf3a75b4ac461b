import { DECOMPOSE_STRINGS } from "../../../src/i18n/decompose";
import { UI_STRINGS } from "../../../src/i18n/ui";
import type { DecomposeErrorCode } from "../../../src/taskpane/features/decompose/decompose-schema";
import { errorMessage } from "../../../src/taskpane/features/decompose/decompose-messages";

const en = DECOMPOSE_STRINGS.en as unknown as Record<string, unknown>;
const zh = DECOMPOSE_STRINGS.zh as unknown as Record<string, unknown>;

const sample = (fn: (...args: unknown[]) => unknown) => String(fn(...Array.from({ length: fn.length }, (_, i) => (i === 0 ? "X" : 2))));

describe("the Decompose strings", () => {
  it("have the same keys in Chinese and English", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))("%s says something in both languages, with the same shape", (key) => {
    const a = en[key];
    const b = zh[key];
    expect(typeof b).toBe(typeof a);
    if (typeof a === "function") {
      expect((b as (...x: unknown[]) => unknown).length).toBe(a.length);
      for (const fn of [a, b]) expect(sample(fn as (...x: unknown[]) => unknown).trim()).not.toBe("");
    } else if (Array.isArray(a)) {
      expect((b as unknown[]).length).toBe(a.length);
      for (const item of [...a, ...(b as unknown[])]) expect(String(item).trim()).not.toBe("");
    } else {
      expect(String(a).trim()).not.toBe("");
      expect(String(b).trim()).not.toBe("");
    }
  });

  it("name the page in both languages", () => {
    expect(UI_STRINGS.en.pageDecompose).toBe("Decompose");
    expect(UI_STRINGS.zh.pageDecompose).toBe("目标分解");
  });

  it("use the course's Chinese terms", () => {
    const d = DECOMPOSE_STRINGS.zh;
    expect([d.sheetName, d.levelTime, d.levelChannels, d.colProduct, d.levelRegions, d.levelSalespeople, d.colHistory, d.colPotential, d.cellRamp, d.cellUnit, d.cellCheck]).toEqual([
      "目标分解",
      "时间",
      "渠道",
      "品类",
      "区域",
      "销售人员",
      "去年业绩",
      "潜力",
      "爬坡系数",
      "单位",
      "校验",
    ]);
  });

  it("turn every error code into a sentence in both languages", () => {
    const codes: DecomposeErrorCode[] = [
      "required", "tooLong", "notNumber", "unitPositive", "notMultiple", "nonNegative", "allZero", "noRows", "tooManyRows", "duplicate", "reservedName", "noLevel", "rampRange",
      "blendAllZero", "badAddress", "notOneCell", "cellNotNumber", "notPicked", "historyShape", "customPeriods", "daysNeedMonths", "productsNeedChannels",
      "parentMissing", "historyAllZero", "potentialAllZero", "percentNotAmount", "tooLarge", "totalTooLarge", "rampAllZero",
      "periodWeights", "unknownRegion", "regionNoPeople", "gridNeedsTime", "gridNeedsRows",
    ];
    for (const language of ["en", "zh"] as const) {
      const messages = codes.map((c) => errorMessage(c, DECOMPOSE_STRINGS[language], { params: { below: 1_000_000, above: 1_010_000, max: 9.00719925474099e19, text: "30%" }, periods: 4, language }));
      expect(messages.every((m) => typeof m === "string" && m.trim().length >= 3)).toBe(true);
      expect(new Set(messages).size).toBe(codes.length);
    }
    expect(errorMessage("notMultiple", DECOMPOSE_STRINGS.en, { params: { below: 1_000_000, above: 1_010_000 }, language: "en" })).toBe(
      "The total must be a multiple of the unit: use 1,000,000 or 1,010,000, or a smaller unit.",
    );
    expect(errorMessage("totalTooLarge", DECOMPOSE_STRINGS.zh, { params: { max: 9.00719925474099e15 }, language: "zh" })).toBe(
      "按此单位，总目标最大为 9,007,199,254,740,990：请减小总目标或增大单位。",
    );
    expect(errorMessage("percentNotAmount", DECOMPOSE_STRINGS.en, { params: { text: "30%" }, language: "en" })).toBe("30% is a percentage; enter an amount such as 300000.");
    expect(errorMessage("percentNotAmount", DECOMPOSE_STRINGS.zh, { params: { text: "30%" }, language: "zh" })).toBe("30% 是百分比；这里需要金额，例如 300000 或 30万。");
    expect(errorMessage("reservedName", DECOMPOSE_STRINGS.zh, { language: "zh" })).toBe("该名称与品类表的列名（渠道、合计、校验）重复，请换一个。");
    expect(errorMessage("historyShape", DECOMPOSE_STRINGS.zh, { periods: 4, language: "zh" })).toBe("请使用 4 列的区域（每年一行），或至少 4 个值的一行或一列。");
  });
});
