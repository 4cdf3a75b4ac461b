import fc from "fast-check";
import { serialFromYmd } from "../../../src/core/shared/excel-date";
import { countPeriods, growthStats, periods } from "../../../src/taskpane/features/smart/milestones";
import { validateSmart, validateStep, type SmartDraft } from "../../../src/taskpane/features/smart/smart-schema";
import { VALID_DRAFT as VALID } from "./fixture";

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

describe("checkpoint periods", () => {
  it("monthly: calendar months, the first and last cut at the start and end", () => {
    expect(periods(d(2025, 1, 15), d(2025, 3, 10), "monthly")).toEqual([
      { start: d(2025, 1, 15), end: d(2025, 1, 31) },
      { start: d(2025, 2, 1), end: d(2025, 2, 28) },
      { start: d(2025, 3, 1), end: d(2025, 3, 10) },
    ]);
  });

  it("quarterly: calendar quarters across a year end; weekly: 7-day blocks from the start", () => {
    expect(periods(d(2024, 11, 1), d(2025, 6, 30), "quarterly")).toEqual([
      { start: d(2024, 11, 1), end: d(2024, 12, 31) },
      { start: d(2025, 1, 1), end: d(2025, 3, 31) },
      { start: d(2025, 4, 1), end: d(2025, 6, 30) },
    ]);
    expect(periods(d(2025, 2, 1), d(2025, 2, 16), "weekly")).toEqual([
      { start: d(2025, 2, 1), end: d(2025, 2, 7) },
      { start: d(2025, 2, 8), end: d(2025, 2, 14) },
      { start: d(2025, 2, 15), end: d(2025, 2, 16) },
    ]);
  });

  it("property: periods cover every day from start to end exactly once, and countPeriods agrees", () => {
    fc.assert(
      fc.property(fc.integer({ min: d(2000, 1, 1), max: d(2040, 1, 1) }), fc.integer({ min: 1, max: 1500 }), fc.constantFrom("weekly", "monthly", "quarterly" as const), (start, span, cadence) => {
        const end = start + span;
        const list = periods(start, end, cadence);
        expect(list[0]!.start).toBe(start);
        expect(list[list.length - 1]!.end).toBe(end);
        list.forEach((p, i) => {
          expect(p.end).toBeGreaterThanOrEqual(p.start);
          if (i > 0) expect(p.start).toBe(list[i - 1]!.end + 1);
        });
        expect(countPeriods(start, end, cadence, 10_000)).toBe(list.length);
      }),
    );
  });
});

describe("growth in a history", () => {
  it("best period-on-period growth and the average (geometric) growth", () => {
    const stats = growthStats([100, 120, 150, 135]);
    expect(stats.best).toBeCloseTo(0.25, 12);
    expect(stats.average).toBeCloseTo(Math.cbrt(1.35) - 1, 12);
    expect(growthStats([0, 50, 100]).best).toBe(1); // no growth from 0
    expect(growthStats([7])).toEqual({ count: 1, best: undefined, average: undefined });
  });
});


describe("SMART wizard validation", () => {
  it("accepts a complete draft and parses numbers, dates and ratios", () => {
    const result = validateSmart(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ baseline: 4000, target: 5000, roundTo: 10, floorRatio: 0.9, challengeRatio: 1.2, start: d(2025, 1, 20), end: d(2025, 2, 14) });
  });

  it.each<[string, Partial<SmartDraft>, number, string, string]>([
    ["channel empty", { channel: "  " }, 0, "channel", "required"],
    ["product too long", { product: "x".repeat(101) }, 0, "product", "tooLong"],
    ["unit empty", { unit: "" }, 1, "unit", "required"],
    ["baseline not a number", { baseline: "abc" }, 1, "baseline", "notNumber"],
    ["baseline negative", { baseline: "-1" }, 1, "baseline", "notNegative"],
    ["target zero", { target: "0" }, 1, "target", "positive"],
    ["target not a multiple of the unit", { target: "5005" }, 1, "target", "notMultiple"],
    ["rounding unit 0", { roundTo: "0" }, 1, "roundTo", "positive"],
    ["history address malformed", { historyAddress: "B2:" }, 2, "historyAddress", "address"],
    ["strategy empty", { strategy: "" }, 3, "strategy", "required"],
    ["start missing", { start: "" }, 4, "start", "date"],
    ["end before start", { end: "2025-01-01" }, 4, "end", "endBeforeStart"],
    ["end on the start day", { end: "2025-01-20" }, 4, "end", "endBeforeStart"],
    ["too many weekly checkpoints", { end: "2033-12-31" }, 4, "cadence", "tooManyPeriods"],
    ["floor ratio above 100%", { floorRatio: "120" }, 4, "floorRatio", "floorRatio"],
    ["challenge ratio below 100%", { challengeRatio: "80" }, 4, "challengeRatio", "challengeRatio"],
    ["challenge ratio above 10× (TARGET.TIERS's limit)", { challengeRatio: "1001%" }, 4, "challengeRatio", "challengeRatio"],
    ["floor ratio 0", { floorRatio: "0%" }, 4, "floorRatio", "floorRatio"],
    ["a baseline typed as a percentage", { baseline: "30%" }, 1, "baseline", "percentNotAmount"],
    ["a target typed as a percentage", { target: "30%" }, 1, "target", "percentNotAmount"],
    ["a target beyond what TARGET.SPLIT counts at the rounding unit", { target: "1e16", roundTo: "1" }, 1, "target", "tooLarge"],
    ["a baseline beyond any cell", { baseline: "1e400" }, 1, "baseline", "tooLarge"],
    ["a target with digits beyond the unit at Excel's 15 digits", { target: "1000000.0005", roundTo: "1" }, 1, "target", "notMultiple"],
    ["a date that does not exist", { end: "2025-02-30" }, 4, "end", "date"],
  ])("%s", (_name, change, step, field, code) => {
    const draft = { ...VALID, ...change };
    const result = validateStep(step, draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(code);
    // The other steps are unaffected.
    for (let other = 0; other < 5; other++) if (other !== step) expect(validateStep(other, draft).ok).toBe(true);
  });

  it("reads amounts as Chinese exports write them, ratios in percent with or without %, and 年月日 dates", () => {
    const result = validateSmart({ ...VALID, baseline: "4000万", target: "¥0.5亿", roundTo: "1万", floorRatio: "90%", challengeRatio: "１２０", start: "2025年1月20日", end: "2025/2/14" });
    expect(result.ok && result.data).toMatchObject({ baseline: 40_000_000, target: 50_000_000, roundTo: 10_000, floorRatio: 0.9, challengeRatio: 1.2, start: d(2025, 1, 20), end: d(2025, 2, 14) });
  });

  it("reads numbers in scientific notation, and a floor ratio above 0 as TARGET.TIERS does", () => {
    const result = validateSmart({ ...VALID, baseline: "4e3", target: "5E3", floorRatio: "0.5" });
    expect(result.ok && result.data).toMatchObject({ baseline: 4000, target: 5000, floorRatio: 0.005 });
  });

  it("gives the nearest multiples and the limit with the error, as the core computes them", () => {
    const notMultiple = validateStep(1, { ...VALID, target: "1000000.0005", roundTo: "1" });
    expect(!notMultiple.ok && notMultiple.params.target).toMatchObject({ below: 1_000_000, above: 1_000_001 });
    const tooLarge = validateStep(1, { ...VALID, target: "1e16", roundTo: "1" });
    expect(!tooLarge.ok && tooLarge.params.target).toMatchObject({ max: 9_007_199_254_740_990 });
    const percent = validateStep(1, { ...VALID, baseline: " 30% " });
    expect(!percent.ok && percent.params.baseline).toEqual({ text: "30%" });
  });

  it("accepts numbers as people type them: 5,000 / 5000.0 / full-width digits; an empty history address", () => {
    expect(validateStep(1, { ...VALID, target: "5,000" }).ok).toBe(true);
    expect(validateStep(1, { ...VALID, target: "５０００" }).ok).toBe(true);
    expect(validateStep(2, { ...VALID, historyAddress: "" }).ok).toBe(true);
    expect(validateStep(2, { ...VALID, historyAddress: "'Sales 2024'!$B$2:$B$6" }).ok).toBe(true);
  });
});
