import { fail } from "../shared/errors";

/**
 * The eight classic segments (RFM 八大客户类型), indexed by their code R·4 + F·2 + M with 1 = high:
 * code 7 = 111 重要价值, 0 = 000 一般挽留. Keys are language-neutral; src/i18n holds the labels.
 */
export const CN8_KEYS = [
  "general_winback", // 000
  "important_winback", // 001
  "general_retain", // 010
  "important_retain", // 011
  "general_develop", // 100
  "important_develop", // 101
  "general_value", // 110
  "important_value", // 111
] as const;
export type Cn8Key = (typeof CN8_KEYS)[number];

/** Score thresholds for "high"; a missing metric uses the mean of that column. */
export interface Cn8Thresholds {
  readonly recency?: number;
  readonly frequency?: number;
  readonly monetary?: number;
}

/**
 * cn8 code (0–7) of each customer: a score is high when it is ≥ its threshold or, without one, ≥ the mean
 * of that score over the given customers. The mean test is done as score·n ≥ Σ scores, exact for whole
 * scores, so a score equal to the mean is always high.
 */
export function cn8Codes(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  thresholds: Cn8Thresholds = {},
): Uint8Array {
  const n = recency.length;
  const isHighR = highTest(recency, thresholds.recency);
  const isHighF = highTest(frequency, thresholds.frequency);
  const isHighM = highTest(monetary, thresholds.monetary);
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    codes[i] =
      (isHighR(recency[i] as number) ? 4 : 0) +
      (isHighF(frequency[i] as number) ? 2 : 0) +
      (isHighM(monetary[i] as number) ? 1 : 0);
  }
  return codes;
}

function highTest(scores: ArrayLike<number>, threshold: number | undefined): (score: number) => boolean {
  if (threshold !== undefined) return (score) => score >= threshold;
  const n = scores.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scores[i] as number;
  return (score) => score * n >= sum;
}

/**
 * The course's seven customer groups (课程七类客户), in the order of the rules that assign them. Keys are
 * language-neutral; src/i18n holds the labels.
 */
export const COURSE_KEYS = [
  "course_important_value", // 1. R, F, M all high
  "course_win_back", // 2. R = 1, F and M high
  "course_dormant", // 3. R = 1
  "course_keep", // 4. R low, F and M high
  "course_develop", // 5. R high, F low, M high
  "course_low_value", // 6. R, F, M all low
  "course_average_value", // 7. otherwise
] as const;
export type CourseKey = (typeof COURSE_KEYS)[number];

/** The lowest score of every RFM.SCORE method: the bottom of the scale the `course` rules 2 and 3 look for. */
export const LOWEST_SCORE = 1;

/**
 * Index into {@link COURSE_KEYS} of each customer, by the course's rules, first match wins:
 * 1. R, F, M all high → important value; 2. R = 1 (the lowest score) and F, M high → win back;
 * 3. R = 1 → dormant; 4. R low, F, M high → keep; 5. R high, F low, M high → develop; 6. all low → low
 * value; 7. otherwise → average value.
 *
 * High and low are decided as for cn8 ({@link cn8Codes}): ≥ the threshold, or ≥ the column mean. "The
 * lowest possible R score" is 1 whatever the scores came from: every RFM.SCORE method scores from 1 (seed
 * and custom cut points: more days than the last cut; quantile and rfm-r: the oldest band), so 1 is the
 * bottom of the scale even when no customer has it (quantile bands skipped under ties). It is not the
 * lowest score present: then the least recent of a list of recent buyers would be called dormant. A score
 * below 1 is an error, since these rules would not know where such a scale starts.
 */
export function courseCodes(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  thresholds: Cn8Thresholds = {},
): Uint8Array {
  const columns: readonly (readonly [ArrayLike<number>, number])[] = [
    [recency, 1],
    [frequency, 2],
    [monetary, 3],
  ];
  for (const [scores, column] of columns) {
    for (let i = 0; i < scores.length; i++) {
      const value = scores[i] as number;
      if (!(value >= LOWEST_SCORE)) throw fail("TOO_SMALL", { arg: "scores", row: i + 1, column, value, min: LOWEST_SCORE });
    }
  }
  const n = recency.length;
  const isHighR = highTest(recency, thresholds.recency);
  const isHighF = highTest(frequency, thresholds.frequency);
  const isHighM = highTest(monetary, thresholds.monetary);
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = recency[i] as number;
    const highR = isHighR(r);
    const highF = isHighF(frequency[i] as number);
    const highM = isHighM(monetary[i] as number);
    const lowestR = r === LOWEST_SCORE;
    let code: number;
    if (highR && highF && highM) code = 0;
    else if (lowestR && highF && highM) code = 1;
    else if (lowestR) code = 2;
    else if (!highR && highF && highM) code = 3;
    else if (highR && !highF && highM) code = 4;
    else if (!highR && !highF && !highM) code = 5;
    else code = 6;
    codes[i] = code;
  }
  return codes;
}

/** A segment rule: inclusive score ranges; the first rule that matches a customer names its segment. */
export interface SegmentRule {
  readonly name: string;
  readonly recency: readonly [number, number];
  readonly frequency: readonly [number, number];
  readonly monetary: readonly [number, number];
}

/**
 * The segment table of the R package `rfm` vignette (rfm_segment), first matching rule wins. Names are
 * keys for src/i18n; customers no rule matches are "others".
 */
export const RFM_R_RULES: readonly SegmentRule[] = Object.freeze([
  rule("champions", [5, 5], [5, 5], [5, 5]),
  rule("potential_loyalist", [3, 5], [3, 5], [2, 5]),
  rule("loyal_customers", [2, 4], [2, 4], [2, 4]),
  rule("promising", [3, 4], [1, 3], [3, 5]),
  rule("new_customers", [4, 5], [1, 3], [1, 5]),
  rule("cant_lose_them", [1, 2], [3, 4], [4, 5]),
  rule("at_risk", [1, 2], [2, 5], [4, 5]),
  rule("need_attention", [1, 3], [3, 5], [3, 5]),
  rule("about_to_sleep", [2, 3], [1, 3], [1, 4]),
  rule("lost", [1, 1], [1, 5], [1, 5]),
]);

function rule(
  name: string,
  recency: readonly [number, number],
  frequency: readonly [number, number],
  monetary: readonly [number, number],
): SegmentRule {
  return Object.freeze({ name, recency, frequency, monetary });
}

/** Marks a customer no rule matches. */
export const NO_RULE = -1;

/**
 * The most rules a rule table may have. Matching is O(customers·rules): 100 rules on a million customers
 * is about a second; 10,000 rules on 100,000 customers took 10 s.
 */
export const MAX_RULES = 100;

/**
 * Index of the first rule each customer's scores fall in (bounds inclusive), or {@link NO_RULE}.
 * O(n·rules), with at most {@link MAX_RULES} rules.
 */
export function matchRules(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  rules: readonly SegmentRule[],
): Int32Array {
  if (rules.length > MAX_RULES) throw fail("TOO_MANY_VALUES", { arg: "scheme", length: rules.length, max: MAX_RULES });
  rules.forEach((r, index) => {
    for (const [lower, upper] of [r.recency, r.frequency, r.monetary]) {
      if (lower > upper) throw fail("BAD_BOUNDS", { arg: "scheme", index, lower, upper });
    }
  });
  const n = recency.length;
  const matched = new Int32Array(n).fill(NO_RULE);
  for (let i = 0; i < n; i++) {
    const r = recency[i] as number;
    const f = frequency[i] as number;
    const m = monetary[i] as number;
    for (let k = 0; k < rules.length; k++) {
      const candidate = rules[k] as SegmentRule;
      if (
        r >= candidate.recency[0] &&
        r <= candidate.recency[1] &&
        f >= candidate.frequency[0] &&
        f <= candidate.frequency[1] &&
        m >= candidate.monetary[0] &&
        m <= candidate.monetary[1]
      ) {
        matched[i] = k;
        break;
      }
    }
  }
  return matched;
}
