import { serialFromYmd } from "../../src/core/shared/excel-date";
import { growthStats } from "../../src/taskpane/features/smart/milestones";
import { smartPlan } from "../../src/taskpane/features/smart/smart-plan";
import type { SmartTarget } from "../../src/taskpane/features/smart/smart-schema";
import { registerCustomFunctions, Registration } from "../support/hyperformula-bridge";
import { loadPlan } from "../support/plan-engine";

/**
 * The SMART target sheet as the wizard writes it, evaluated with the real SALES functions: the milestones
 * add up to the target, editing the target cell re-splits them, and the statement — a formula of the
 * parameter cells — says what the cells now hold. (TEXT's number formats are the workbench formatter's,
 * src/workbench/format.ts: the engine's own TEXT neither groups nor scales percentages.)
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day)!;

const TARGET: SmartTarget = {
  channel: "Tmall",
  product: "Gift boxes",
  customers: "",
  occasion: "",
  kpi: "sales",
  unit: "yuan",
  baseline: 96_000_000,
  target: 120_000_000,
  roundTo: 10_000,
  display: "yuan",
  historyAddress: "",
  strategy: "SO",
  start: d(2025, 1, 1),
  end: d(2025, 12, 31),
  cadence: "monthly",
  floorRatio: 0.9,
  challengeRatio: 1.2,
};

/** The course's Valentine's Day target. */
const VALENTINE: SmartTarget = {
  ...TARGET,
  channel: "天猫、抖音和小红书",
  product: "情人节礼盒",
  customers: "18–35 岁女性",
  occasion: "情人节大促",
  unit: "元",
  baseline: 40_000_000,
  target: 50_000_000,
  strategy: "SO：发挥内容优势，抢占节日流量",
  start: d(2025, 1, 20),
  end: d(2025, 2, 14),
  cadence: "weekly",
};

/** Five years of sales under a header, in Sheet1!A1:A6. */
const HISTORY_SHEET = { Sheet1: [["Sales"], [30], [33], [36], [38], [40]] };

describe("the SMART target sheet in a formula engine", () => {
  it("splits 120M over the 12 months by days, in multiples of 10,000, adding up exactly", () => {
    const sheet = loadPlan(smartPlan(TARGET, "en"));
    const months = sheet.range("E29", "E40").flat() as number[];
    expect(months.reduce((a, b) => a + b, 0)).toBe(120_000_000);
    for (const m of months) expect(m % 10_000).toBe(0);
    // January (31 days) gets more than February (28 days): 120M × 31/365 ≈ 10.19M.
    expect(months[0]).toBe(10_190_000);
    expect(months[1]).toBe(9_210_000);
    expect(sheet.at("F40")).toBe(120_000_000);
    expect(sheet.at("G40")).toBe(1);
    expect(sheet.at("D41")).toBe(365);
    expect(sheet.at("F41")).toBe("✓ adds up to the target");
    expect(sheet.at("B13")).toBeCloseTo(0.25, 12);
    expect(sheet.range("B25", "D25")).toEqual([[108_000_000, 120_000_000, 144_000_000]]);
    expect(sheet.problems()).toEqual([]);
  });

  it("re-splits every milestone when the target cell changes", () => {
    const sheet = loadPlan(smartPlan(TARGET, "zh"));
    sheet.set("B12", 150_000_000);
    const months = sheet.range("E29", "E40").flat() as number[];
    expect(months.reduce((a, b) => a + b, 0)).toBe(150_000_000);
    expect(sheet.at("F40")).toBe(150_000_000);
    expect(sheet.at("F41")).toBe("✓ 合计等于目标");
    expect(sheet.range("B25", "D25")).toEqual([[135_000_000, 150_000_000, 180_000_000]]);
  });

  it("states the target in the course's style, in Chinese and in English", () => {
    expect(loadPlan(smartPlan(VALENTINE, "zh")).at("A2")).toBe(
      "在情人节大促期间，2025年1月20日至2025年2月14日，通过天猫、抖音和小红书，面向18–35 岁女性，实现情人节礼盒销售额从40,000,000元提升到50,000,000元（增长25.0%），服务于策略：SO：发挥内容优势，抢占节日流量。",
    );
    expect(loadPlan(smartPlan({ ...VALENTINE, occasion: "", customers: "", channel: "Tmall", product: "gift boxes", unit: "yuan", strategy: "SO" }, "en")).at("A2")).toBe(
      "From 2025-01-20 to 2025-02-14, through Tmall, grow Sales amount of gift boxes from 40,000,000 to 50,000,000 yuan (+25.0%), serving the strategy: SO.",
    );
  });

  it("keeps the statement true when the target cell changes from 50M to 60M: amount and growth follow", () => {
    const sheet = loadPlan(smartPlan(VALENTINE, "zh"));
    sheet.set("B12", 60_000_000);
    expect(sheet.at("A2")).toBe(
      "在情人节大促期间，2025年1月20日至2025年2月14日，通过天猫、抖音和小红书，面向18–35 岁女性，实现情人节礼盒销售额从40,000,000元提升到60,000,000元（增长50.0%），服务于策略：SO：发挥内容优势，抢占节日流量。",
    );
    sheet.set("B11", 64_000_000);
    sheet.set("B19", "ST");
    expect(sheet.at("A2")).toContain("从64,000,000元提升到60,000,000元（下降6.3%），服务于策略：ST。");
    expect(sheet.range("B25", "D25")).toEqual([[54_000_000, 60_000_000, 72_000_000]]);
  });

  it("states amounts in 万 when the sheet shows 万, the cells keeping exact amounts", () => {
    const sheet = loadPlan(smartPlan({ ...VALENTINE, display: "wan", baseline: 40_005_000 }, "zh"));
    expect(sheet.at("A2")).toContain("实现情人节礼盒销售额从4,000.5万元提升到5,000万元（增长25.0%）");
    expect(sheet.at("B12")).toBe(50_000_000);
  });

  it("works out the best and the average past growth from the history range, and follows an edited history", () => {
    const plan = smartPlan(VALENTINE, "zh", { address: "Sheet1!A2:A6", stats: growthStats([30, 33, 36, 38, 40]) });
    const sheet = loadPlan(plan, HISTORY_SHEET);
    expect(sheet.at("B14")).toBeCloseTo(0.1, 12); // 30 → 33
    expect(sheet.at("B15")).toBeCloseTo((40 / 30) ** (1 / 4) - 1, 12);
    expect(sheet.at("C14")).toBe("Sheet1!A2:A6");
    sheet.set("A6", 50, "Sheet1"); // 38 → 50: +31.6%
    expect(sheet.at("B14")).toBeCloseTo(50 / 38 - 1, 9); // the engine keeps ~11 digits
    sheet.set("A2", 0, "Sheet1"); // a zero year: no growth from it, no error
    expect(sheet.at("B15")).toBe("");
    expect(sheet.problems(["B13"])).toEqual([]);
  });
});
