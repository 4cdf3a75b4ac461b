/**
 * The course's worked RFM example (A001–A005: recency 10, 180, 35, 90, 5 days; 12, 1, 8, 3, 2 orders;
 * 8000, 200, 5000, 1500, 800 spent) and the answers the product specification gives for it.
 */
export const COURSE_SCORES: readonly (readonly [number, number, number])[] = Object.freeze([
  [5, 5, 5],
  [3, 2, 2],
  [4, 4, 5],
  [4, 3, 3],
  [5, 3, 3],
]);

/** cn8 segments of the five customers (high = score ≥ the column mean: 4.2, 3.4, 3.6). */
export const COURSE_SEGMENTS_ZH = Object.freeze(["重要价值客户", "一般挽留客户", "重要保持客户", "一般挽留客户", "一般发展客户"]);

/**
 * The course's seven groups (RFM.SEGMENT "course") of the five customers, worked by hand from the rules
 * (first match wins; high = score ≥ the column mean, R 4.2, F 3.4, M 3.6):
 * - A001 555: R, F, M all high → rule 1, 重要价值客户.
 * - A002 322: all low; R is 3, not the lowest score 1, so rules 2–3 pass; rule 4 needs F high, rule 5 R
 *   high → rule 6, 低价值客户.
 * - A003 445: R 4 < 4.2 low, F 4 and M 5 high; R is not 1 → rule 4, 重要保持客户.
 * - A004 433: R 4, F 3, M 3 all low → rule 6, 低价值客户.
 * - A005 533: R high, F and M low; rule 5 needs M high, rule 6 all low → rule 7, 一般价值客户.
 */
export const COURSE_GROUPS_ZH = Object.freeze(["重要价值客户", "低价值客户", "重要保持客户", "低价值客户", "一般价值客户"]);
