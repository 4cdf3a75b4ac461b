import fc from "fast-check";
import { CN8_KEYS, cn8Codes, COURSE_KEYS, courseCodes, matchRules, NO_RULE, RFM_R_RULES, SegmentRule } from "../../../src/core/rfm";
import { CoreError } from "../../../src/core/shared/errors";
import { SEGMENT_LABELS } from "../../../src/i18n/segments";
import { COURSE_GROUPS_ZH, COURSE_SCORES } from "../../support/course";
import { thrown } from "../../support/core-error";
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

describe("course groups (scheme \"course\")", () => {
  /** The Chinese label of each customer's group. */
  const groups = (rows: readonly (readonly number[])[], thresholds = {}): string[] =>
    Array.from(courseCodes(rows.map((x) => x[0]!), rows.map((x) => x[1]!), rows.map((x) => x[2]!), thresholds), (code) => SEGMENT_LABELS[COURSE_KEYS[code]!]!.zh);

  it("group the five customers of the worked example as worked by hand (test/support/course.ts)", () => {
    expect(groups(COURSE_SCORES)).toEqual(COURSE_GROUPS_ZH);
  });

  it("are the course's seven groups, in the order of its rules, in both languages", () => {
    expect(COURSE_KEYS.map((key) => SEGMENT_LABELS[key]?.zh)).toEqual(["重要价值客户", "重要挽回客户", "沉睡客户", "重要保持客户", "重要发展客户", "低价值客户", "一般价值客户"]);
    expect(COURSE_KEYS.map((key) => SEGMENT_LABELS[key]?.en)).toEqual(["Important value", "Win back", "Dormant", "Keep", "Develop", "Low value", "Average value"]);
  });

  it("reach every group, each by the first rule that matches", () => {
    // Means R 24/9 ≈ 2.67, F 29/9 ≈ 3.22, M 29/9 ≈ 3.22: 5 is high, 1 and 2 are low in every column.
    const rows = [
      [5, 5, 5], // all high → 1
      [1, 5, 5], // R = 1, F and M high → 2 (rule 4 would match too, but comes later)
      [1, 1, 1], // R = 1 → 3, before rule 6 (all low)
      [1, 5, 1], // R = 1 → 3, before rule 7
      [2, 5, 5], // R low but not 1, F and M high → 4
      [5, 1, 5], // R high, F low, M high → 5
      [2, 1, 1], // all low, R not 1 → 6
      [2, 1, 5], // R low, F low, M high → 7
      [5, 5, 1], // R and F high, M low → 7
    ];
    expect(groups(rows)).toEqual(["重要价值客户", "重要挽回客户", "沉睡客户", "沉睡客户", "重要保持客户", "重要发展客户", "低价值客户", "一般价值客户", "一般价值客户"]);
  });

  it("use a given threshold instead of the means", () => {
    // Threshold 4: A003 445 is now high on R → 重要价值; A004 433 is high on R only → rule 7, 一般价值.
    expect(groups(COURSE_SCORES, { recency: 4, frequency: 4, monetary: 4 })).toEqual(["重要价值客户", "低价值客户", "重要价值客户", "一般价值客户", "一般价值客户"]);
    // One threshold per score: R ≥ 5, F ≥ 3, M ≥ 5. A003: R low, F high, M high → 重要保持; A004: F high
    // only → 一般价值; A005: R and F high, M low → 一般价值.
    expect(groups(COURSE_SCORES, { recency: 5, frequency: 3, monetary: 5 })).toEqual(["重要价值客户", "低价值客户", "重要保持客户", "一般价值客户", "一般价值客户"]);
  });

  it("count a score equal to the mean as high", () => {
    // Means R 3, F 3, M 3: the first customer sits on every mean → all high → 重要价值.
    expect(groups([[3, 3, 3], [1, 3, 3], [5, 3, 3]])).toEqual(["重要价值客户", "重要挽回客户", "重要价值客户"]);
  });

  it("let rule 1 win over the R = 1 rules when 1 counts as high (threshold 1)", () => {
    expect(groups([[1, 5, 5], [1, 1, 1], [5, 1, 1]], { recency: 1, frequency: 5, monetary: 5 })).toEqual(["重要价值客户", "沉睡客户", "一般价值客户"]);
    expect(groups([[1, 5, 5], [1, 1, 1]], { recency: 1, frequency: 1, monetary: 1 })).toEqual(["重要价值客户", "重要价值客户"]);
  });

  it("call every customer 重要价值 when all scores are equal (each equals its mean, so all are high)", () => {
    expect(groups([[3, 3, 3], [3, 3, 3], [3, 3, 3]])).toEqual(["重要价值客户", "重要价值客户", "重要价值客户"]);
    expect(groups([[1, 1, 1], [1, 1, 1]])).toEqual(["重要价值客户", "重要价值客户"]);
  });

  it("look for R = 1, the bottom of every scoring scale, even when no customer has it", () => {
    // R scores 2–5 only (e.g. quantile bands under ties): nobody is dormant; the least recent is low.
    expect(groups([[2, 1, 1], [5, 5, 5], [4, 2, 2]])).toEqual(["低价值客户", "重要价值客户", "一般价值客户"]);
    // A fractional R above 1 is not the lowest score.
    expect(groups([[1.5, 1, 1], [5, 5, 5]])).toEqual(["低价值客户", "重要价值客户"]);
  });

  it("reject a score below 1, naming its row and column", () => {
    const error = thrown(() => courseCodes([5, 0], [5, 5], [5, 5]));
    expect(error.code).toBe("TOO_SMALL");
    expect(error.details).toEqual({ arg: "scores", row: 2, column: 1, value: 0, min: 1 });
    expect(thrown(() => courseCodes([5, 5], [5, 5], [5, 0.5])).details).toMatchObject({ row: 2, column: 3, value: 0.5 });
  });

  it("always give one of the seven groups, R = 1 only in 重要价值 / 重要挽回 / 沉睡", () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score), { minLength: 1, maxLength: 50 }), (rows) => {
        const codes = courseCodes(rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2]));
        codes.forEach((code, i) => {
          expect(COURSE_KEYS[code]).toBeDefined();
          if (rows[i]![0] === 1) expect(["course_important_value", "course_win_back", "course_dormant"]).toContain(COURSE_KEYS[code]);
        });
      }),
    );
  });

  it("agree with cn8 wherever the R = 1 rules do not apply", () => {
    // Without R = 1, the seven groups merge cn8's codes: 111 → 1, 011 → 4, 101 → 5, 000 → 6, others → 7.
    const merged: Record<string, string> = { important_value: "course_important_value", important_retain: "course_keep", important_develop: "course_develop", general_winback: "course_low_value" };
    const score = fc.integer({ min: 2, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score), { minLength: 1, maxLength: 50 }), (rows) => {
        const [r, f, m] = [rows.map((x) => x[0]), rows.map((x) => x[1]), rows.map((x) => x[2])];
        const course = courseCodes(r, f, m);
        cn8Codes(r, f, m).forEach((code, i) => {
          expect(COURSE_KEYS[course[i]!]).toBe(merged[CN8_KEYS[code]!] ?? "course_average_value");
        });
      }),
    );
  });
});
