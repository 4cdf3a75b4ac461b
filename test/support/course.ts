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
