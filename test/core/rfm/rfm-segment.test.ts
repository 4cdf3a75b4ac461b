import fc from "fast-check";
import { CN8_KEYS, cn8Codes, matchRules, NO_RULE, RFM_R_RULES, SegmentRule } from "../../../src/core/rfm";
import { CoreError } from "../../../src/core/shared/errors";
import { SEGMENT_LABELS } from "../../../src/i18n/segments";
import { readCsv } from "../../support/fixtures";

describe("cn8 segments", () => {
  const example = readCsv("seed/seed_threshold_example.csv");
  const r = example.map((c) => Number(c.r_score));
  const f = example.map((c) => Number(c.f_score));
  const m = example.map((c) => Number(c.m_score));

  it("classify the worked example against the score means 4.2, 3.4, 3.6", () => {
    const keys = Array.from(cn8Codes(r, f, m), (code) => CN8_KEYS[code]);
    expect(keys.map((k) => SEGMENT_LABELS[k as string]?.zh)).toEqual(["重要价值客户", "一般挽留客户", "重要保持客户", "一般挽留客户", "一般发展客户"]);
    expect(example.map((c) => c.cn8_segment_score_ge_mean)).toEqual(keys.map((k) => SEGMENT_LABELS[k as string]?.zh));
    expect(Array.from(cn8Codes(r, f, m), (c) => c.toString(2).padStart(3, "0"))).toEqual(example.map((c) => c.cn8_code_score_ge_mean));
  });

  it("map every code to the segment table of the fixtures", () => {
    const table = readCsv("seed/segment_map_cn8.csv");
    for (const row of table) {
      const key = CN8_KEYS[parseInt(row.code_RFM as string, 2)] as string;
      expect(SEGMENT_LABELS[key]?.zh).toBe(row.segment_zh);
      expect(key).toBe(row.segment_en);
    }
  });

  it("count a score equal to the mean as high, even when the mean is not exact in binary", () => {
    // Mean of 1, 1, 2 is 4/3; a score of 4/3 does not occur, but three equal scores equal their mean.
    expect(Array.from(cn8Codes([3, 3, 3], [1, 1, 1], [2, 2, 2]))).toEqual([7, 7, 7]);
    expect(Array.from(cn8Codes([0.1, 0.2, 0.3], [1, 1, 1], [1, 1, 1]))).toEqual([3, 7, 7]);
  });

  it("use explicit thresholds instead of the means where given", () => {
    const codes = cn8Codes(r, f, m, { recency: 5, frequency: 3, monetary: 5 });
    expect(Array.from(codes, (c) => CN8_KEYS[c])).toEqual(["important_value", "general_winback", "important_retain", "general_retain", "general_value"]);
  });

  it("always give one of the eight codes", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 50 }), (rows) => {
        const codes = cn8Codes(rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2]));
        for (const code of codes) expect(CN8_KEYS[code]).toBeDefined();
      }),
    );
  });
});

describe("rule-table segments", () => {
  it("are the R package vignette's table, in its order", () => {
    const vignette = readCsv("seed/rfm_segment_rules_vignette.csv");
    expect(RFM_R_RULES.map((rule) => SEGMENT_LABELS[rule.name]?.en)).toEqual(vignette.map((v) => v.segment));
    RFM_R_RULES.forEach((rule, i) => {
      const v = vignette[i]!;
      expect([...rule.recency, ...rule.frequency, ...rule.monetary]).toEqual(
        [v.recency_lower, v.recency_upper, v.frequency_lower, v.frequency_upper, v.monetary_lower, v.monetary_upper].map(Number),
      );
    });
  });

  it("let the first matching rule win and leave unmatched customers to 'others'", () => {
    // 555 also fits Potential Loyalist (rule 2) but Champions comes first; 155 fits At Risk (rule 7) and
    // Need Attention (rule 8); 215 fits no rule.
    const names = (r: number[], f: number[], m: number[]) =>
      Array.from(matchRules(r, f, m, RFM_R_RULES), (k) => (k === NO_RULE ? "others" : RFM_R_RULES[k]!.name));
    expect(names([5, 4, 1, 2, 5], [5, 4, 5, 1, 1], [5, 4, 5, 5, 1])).toEqual(["champions", "potential_loyalist", "at_risk", "others", "new_customers"]);
  });

  it("always give a rule index or none", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 50 }), (rows) => {
        const matched = matchRules(rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2]), RFM_R_RULES);
        for (const k of matched) expect(k === NO_RULE || (k >= 0 && k < RFM_R_RULES.length)).toBe(true);
      }),
    );
  });

  it("reject a rule whose lower bound is above its upper bound", () => {
    const rules: SegmentRule[] = [{ name: "x", recency: [1, 5], frequency: [4, 2], monetary: [1, 5] }];
    try {
      matchRules([1], [1], [1], rules);
      throw new Error("expected an error");
    } catch (error) {
      expect(error).toBeInstanceOf(CoreError);
      expect((error as CoreError).details).toMatchObject({ arg: "scheme", index: 0, lower: 4, upper: 2 });
    }
  });
});
