/**
 * The Progress wizard's sheets recalculate as intended, in HyperFormula with the real SALES functions of the
 * built bundle (`npm run build`): the review sheet on the worked case (five people, 12 months, actuals to
 * June), pacing by the plan's seasonal shares against pacing by days, actuals summed from an order export,
 * and the adjust step's new version, whose year targets add up to the year target exactly.
 */
import { adjustLayout, adjustPlan, type AdjustInput } from "../../../src/taskpane/features/progress/adjust-plan";
import { readOrders } from "../../../src/taskpane/features/progress/orders";
import { readTargetRange } from "../../../src/taskpane/features/progress/plan-source";
import { reviewLayout, reviewPlan, type ReviewInput } from "../../../src/taskpane/features/progress/review-plan";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";
import { ACTUALS, MONTHS_DONE, NAMES, ordersSheet, SHARES, TARGETS, targetsRange, targetsSheet, YEAR, YEARLY } from "./fixture";

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions();
});
afterAll(() => registration.unregister());

const source = () => {
  const read = readTargetRange(targetsRange(), 1);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.source;
};

const input = (over: Partial<ReviewInput> = {}): ReviewInput => ({
  plan: source(),
  year: YEAR,
  monthsDone: MONTHS_DONE,
  basis: "plan",
  green: 1,
  amber: 0.9,
  display: "yuan",
  actuals: { kind: "typed" },
  ...over,
});

/** The review sheet beside the Targets sheet, with the worked case's actuals typed into its table. */
function reviewSheet(over: Partial<ReviewInput> = {}, typeActuals = true) {
  const plan = reviewPlan(input(over), "zh");
  const sheet = loadPlan(plan, { Targets: targetsSheet(), Orders: ordersSheet() });
  const L = reviewLayout(NAMES.length);
  if (typeActuals) ACTUALS.forEach((months, i) => months.forEach((x, k) => sheet.set(`${String.fromCharCode(66 + k)}${L.actualsFirst + i}`, x, plan.name)));
  return { sheet, L, plan };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const DAYS_TO_JUNE = 31 + 28 + 31 + 30 + 31 + 30;
const DAYS_SHARE = DAYS_TO_JUNE / 365;
const CUMULATIVE_SHARE = sum(SHARES.slice(0, 6)) / 100; // 46%

describe("the review sheet on the worked case", () => {
  it("shows no error and no negative number outside the ahead/behind columns", () => {
    const { sheet, L } = reviewSheet();
    const behind = Array.from({ length: NAMES.length + 1 }, (_, i) => [`H${L.reviewFirst + i}`, `I${L.reviewFirst + i}`]).flat();
    expect(sheet.problems(behind)).toEqual([]);
  });

  it("links the plan to the Targets cells, and each row and the total add up", () => {
    const { sheet, L } = reviewSheet();
    NAMES.forEach((_, i) => expect(sheet.range(`B${L.planFirst + i}`, `N${L.planFirst + i}`)[0]).toEqual([...TARGETS[i]!, YEARLY[i]]));
    expect(sheet.at(`N${L.planTotal}`)).toBe(7_200_000);
    sheet.set("B2", 3_000_000, "Targets");
    expect(sheet.at(`B${L.planFirst}`)).toBe(3_000_000);
  });

  it("works out 张伟's row as by hand: target to date 1,104,000, actual 1,125,000, 46.875%, pace 101.9%, projections", () => {
    const { sheet, L } = reviewSheet();
    const row = L.reviewFirst;
    const at = (c: string) => sheet.at(`${c}${row}`) as number;
    expect([at("B"), at("C"), at("D")]).toEqual([2_400_000, 1_104_000, 1_125_000]);
    expect(at("E")).toBeCloseTo(0.46875, 9);
    expect(at("F")).toBeCloseTo(0.46, 9); // by the plan: 6+6+8+8+8+10 = 46%
    expect(at("G")).toBeCloseTo(1_125_000 / 1_104_000, 9);
    expect(at("H")).toBeCloseTo(21_000, 6); // ahead by 21,000
    expect(at("I")).toBeCloseTo(0.00875, 9); // +0.875 points
    expect(at("J")).toBeCloseTo(1_125_000 / DAYS_SHARE, 4); // linear: 2,268,646.41
    expect(at("J")).toBeCloseTo(2_268_646.4088, 3);
    expect(at("K")).toBeCloseTo(1_125_000 / 0.46, 4); // seasonal: 2,445,652.17
    expect(sheet.at(`M${row}`)).toBe("绿");
  });

  it("computes every person and the total from the definitions, ranks by attainment and colours by the thresholds", () => {
    const { sheet, L } = reviewSheet();
    const attainments = ACTUALS.map((a, i) => sum(a) / YEARLY[i]!);
    NAMES.forEach((_, i) => {
      const r = L.reviewFirst + i;
      const actual = sum(ACTUALS[i]!);
      const toDate = YEARLY[i]! * CUMULATIVE_SHARE;
      expect(sheet.at(`C${r}`)).toBeCloseTo(toDate, 6);
      expect(sheet.at(`D${r}`)).toBe(actual);
      expect(sheet.at(`G${r}`)).toBeCloseTo(actual / toDate, 9);
      expect(sheet.at(`H${r}`)).toBeCloseTo(actual - toDate, 6);
      expect(sheet.at(`K${r}`)).toBeCloseTo(actual / CUMULATIVE_SHARE, 4);
      expect(sheet.at(`L${r}`)).toBe(1 + attainments.filter((x) => x > attainments[i]!).length);
      const pace = actual / toDate;
      expect(sheet.at(`M${r}`)).toBe(pace >= 1 ? "绿" : pace >= 0.9 ? "黄" : "红");
    });
    // The five cover all three colours.
    expect(new Set(NAMES.map((_, i) => sheet.at(`M${L.reviewFirst + i}`)))).toEqual(new Set(["绿", "黄", "红"]));
    const total = L.reviewTotal;
    expect(sheet.at(`B${total}`)).toBe(7_200_000);
    expect(sheet.at(`D${total}`)).toBe(sum(ACTUALS.map(sum)));
    expect(sheet.at(`G${total}`)).toBeCloseTo(sum(ACTUALS.map(sum)) / (7_200_000 * CUMULATIVE_SHARE), 9);
  });

  it("paces seasonally by the plan's shares or linearly by days, as B4 says", () => {
    const { sheet, L } = reviewSheet();
    const r = L.reviewFirst + 3; // 刘洋: 335,000 of 1,200,000
    expect(sheet.at(`F${r}`)).toBeCloseTo(0.46, 9);
    expect(sheet.at(`G${r}`)).toBeCloseTo(335_000 / 552_000, 9);
    sheet.set("B4", 0);
    expect(sheet.at(`F${r}`)).toBeCloseTo(DAYS_SHARE, 9);
    expect(sheet.at(`G${r}`)).toBeCloseTo(335_000 / (1_200_000 * DAYS_SHARE), 9);
    expect(sheet.at(`H${r}`)).toBeCloseTo(335_000 - 1_200_000 * DAYS_SHARE, 4);
    // The two projections do not depend on the basis: linear by days, seasonal by the plan.
    expect(sheet.at(`J${r}`)).toBeCloseTo(335_000 / DAYS_SHARE, 4);
    expect(sheet.at(`K${r}`)).toBeCloseTo(335_000 / 0.46, 4);
  });

  it("is current after next month's actuals are typed and B3 moves to 7", () => {
    const { sheet, L, plan } = reviewSheet();
    NAMES.forEach((_, i) => sheet.set(`H${L.actualsFirst + i}`, 100_000, plan.name));
    sheet.set("B3", 7);
    expect(sheet.at(`C${L.reviewFirst}`)).toBe(1_104_000 + 144_000);
    expect(sheet.at(`D${L.reviewFirst}`)).toBe(1_125_000 + 100_000);
    expect(sheet.at("B8")).toBeCloseTo((DAYS_TO_JUNE + 31) / 365, 9);
    expect(sheet.problems(Array.from({ length: 6 }, (_, i) => [`H${L.reviewFirst + i}`, `I${L.reviewFirst + i}`]).flat())).toEqual([]);
  });

  it("moves the colours with the threshold cells", () => {
    const { sheet, L } = reviewSheet();
    sheet.set("B5", 2);
    sheet.set("B6", 0);
    NAMES.forEach((_, i) => expect(sheet.at(`M${L.reviewFirst + i}`)).toBe("黄"));
  });

  it("feeds the chart block with the team's monthly target and actual", () => {
    const { sheet, L } = reviewSheet();
    const rows = sheet.range(`A${L.chartHeader + 1}`, `C${L.chartHeader + 12}`);
    rows.forEach((row, k) => {
      expect(row[1]).toBe(sum(TARGETS.map((t) => t[k]!)));
      expect(row[2]).toBe(k < 6 ? sum(ACTUALS.map((a) => a[k]!)) : 0);
    });
  });

  it("sums an order export with SUMIFS per person and month, leaving out other years and other people", () => {
    const read = readOrders({ address: "Orders!A1:D63", values: ordersSheet() as never });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.orders.live).toBe(true);
    const o = read.orders;
    const { sheet, L } = reviewSheet({ actuals: { kind: "orders", where: "Orders!A1:D63", sheet: o.sheet, firstRow: o.firstRow, lastRow: o.lastRow, columns: o.columns } }, false);
    NAMES.forEach((_, i) => expect(sheet.range(`B${L.actualsFirst + i}`, `M${L.actualsFirst + i}`)[0]).toEqual([...ACTUALS[i]!, 0, 0, 0, 0, 0, 0]));
  });

  it("splits yearly quotas over the months by days when the plan is one column, each row adding up to its quota", () => {
    const read = readTargetRange({ address: "Quotas!A1:B6", values: [["销售员", "全年指标"], ...NAMES.map((n, i) => [n, YEARLY[i]!])] }, 1000);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const plan = reviewPlan(input({ plan: read.source }), "en");
    const sheet = loadPlan(plan, { Quotas: [["销售员", "全年指标"], ...NAMES.map((n, i) => [n, YEARLY[i]!])] });
    const L = reviewLayout(NAMES.length);
    NAMES.forEach((_, i) => {
      const months = sheet.range(`B${L.planFirst + i}`, `M${L.planFirst + i}`)[0] as number[];
      expect(sum(months)).toBe(YEARLY[i]);
      expect(months.every((m) => m % 1000 === 0)).toBe(true);
      expect(months[0]! / YEARLY[i]!).toBeCloseTo(31 / 365, 2);
    });
    expect(sheet.problems(Array.from({ length: 6 }, (_, i) => [`H${L.reviewFirst + i}`, `I${L.reviewFirst + i}`]).flat())).toEqual([]);
  });
});

describe("the adjust step's new version", () => {
  const adjust = (over: Partial<AdjustInput> = {}) => {
    const { sheet, plan } = reviewSheet();
    const version = adjustPlan(
      {
        review: plan.name,
        names: NAMES,
        version: 2,
        monthsDone: MONTHS_DONE,
        method: "remaining",
        leavers: [],
        log: [{ date: 45839, reason: "Half-year review", who: "Manager", change: "v2" }],
        display: "yuan",
        ...over,
      },
      "en",
    );
    // The version sheet loaded beside the review sheet and its sources, with the typed actuals.
    const both = loadPlan(version, { [plan.name]: sheet.hf.getSheetSerialized(sheet.hf.getSheetId(plan.name)!) as unknown[][], Targets: targetsSheet() });
    return { sheet: both, version };
  };

  const peopleRows = (log: number) => {
    const L = adjustLayout(NAMES.length, log);
    return { first: L.peopleFirst, total: L.peopleTotal, gridFirst: L.gridFirst };
  };

  it.each(["remaining", "recent", "even"] as const)("by %s: keeps the actuals, and the new year targets add up to 7,200,000 exactly", (method) => {
    const { sheet } = adjust({ method });
    expect(sheet.problems()).toEqual([]);
    const { first, total } = peopleRows(1);
    const newYear = NAMES.map((_, i) => sheet.at(`K${first + i}`) as number);
    expect(sum(newYear)).toBe(7_200_000);
    expect(sheet.at(`K${total}`)).toBe(7_200_000);
    expect(sheet.at(`M${total}`)).toBe("✓");
    NAMES.forEach((_, i) => expect(newYear[i]).toBeGreaterThanOrEqual(sum(ACTUALS[i]!)));
    // The plan by month: months done are the actuals; each row adds up to its new year target.
    const { gridFirst } = peopleRows(1);
    NAMES.forEach((_, i) => {
      const row = sheet.range(`B${gridFirst + i}`, `O${gridFirst + i}`)[0]!;
      expect(row.slice(0, 6)).toEqual(ACTUALS[i]);
      expect(row[12]).toBe(newYear[i]);
      expect(row[13]).toBe("✓");
    });
    expect(sheet.at(`N${gridFirst + NAMES.length}`)).toBe(7_200_000);
    expect(sheet.at(`O${gridFirst + NAMES.length}`)).toBe("✓");
  });

  it("by remaining quota: each person's still-to-plan is their remaining quota when no one leaves", () => {
    const { sheet } = adjust({ method: "remaining" });
    const { first } = peopleRows(1);
    // The gap equals the sum of remaining quotas when no one is ahead of the year: each keeps their own.
    NAMES.forEach((_, i) => expect(sheet.at(`L${first + i}`)).toBe(YEARLY[i]! - sum(ACTUALS[i]!)));
  });

  it("moves a leaver's remaining quota to the colleagues named, in equal parts, and still adds up", () => {
    const { sheet } = adjust({ method: "even", leavers: [{ person: 4, takers: [0, 2] }] });
    expect(sheet.problems()).toEqual([]);
    const { first, total } = peopleRows(1);
    const leaverRemaining = YEARLY[4]! - sum(ACTUALS[4]!); // 306,000
    expect(sheet.at(`I${first}`)).toBe(leaverRemaining / 2);
    expect(sheet.at(`I${first + 2}`)).toBe(leaverRemaining / 2);
    expect(sheet.at(`K${first + 4}`)).toBe(sum(ACTUALS[4]!)); // the leaver keeps only what was achieved
    expect(sheet.at(`K${total}`)).toBe(7_200_000);
  });

  it("falls back to a 0.01 unit when the actuals are in fen, and still adds up exactly", () => {
    const { sheet: review, plan } = reviewSheet();
    const L = reviewLayout(NAMES.length);
    review.set(`B${L.actualsFirst}`, 150_000.37, plan.name);
    const version = adjustPlan({ review: plan.name, names: NAMES, version: 3, monthsDone: 6, method: "recent", leavers: [], log: [], display: "yuan" }, "zh");
    const sheet = loadPlan(version, { [plan.name]: review.hf.getSheetSerialized(review.hf.getSheetId(plan.name)!) as unknown[][], Targets: targetsSheet() });
    expect(sheet.problems()).toEqual([]);
    const { first, total } = peopleRows(0);
    expect(sheet.at("B12")).toBe(0.01);
    expect(sheet.at(`D${first}`)).toBeCloseTo(1_125_000.37, 6);
    expect(sheet.at(`K${total}`)).toBeCloseTo(7_200_000, 6);
    expect(sheet.at(`M${total}`)).toBe("✓");
  });
});
