/**
 * The Funnel plan sheet recalculates as a manager expects: the plan is loaded as Excel would receive it into
 * HyperFormula with the real SALES functions of the built bundle. The course's example end to end (100 deals
 * → 2000 visitors; levers 125/125/120/120; the pyramid 50/150/450/1350/4050 at 1/3; the A/B/C mix
 * 80/160/560), then a change of the close-rate cell re-plans every stage, the levers and the check rows.
 * Needs `npm run build`.
 */
import type { SheetPlan } from "../../../src/excel/gateway";
import { validateFunnel, pipelineStagesFromFunnel, type StagesStep } from "../../../src/taskpane/features/funnel/funnel-model";
import { funnelPlan } from "../../../src/taskpane/features/funnel/funnel-plan";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { loadPlan } from "../../support/plan-engine";
import { courseDraft, draftWith, withRows } from "./fixture";

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

function planOf(draft: Parameters<typeof validateFunnel>[0], read?: Parameters<typeof validateFunnel>[1], language: "en" | "zh" = "en") {
  const all = validateFunnel(draft, read);
  if (!all.ok) throw new Error(`step ${all.step} does not validate`);
  return funnelPlan(all.data, language);
}

/** The row (1-based) whose first cell is `label`. */
const rowOf = (plan: SheetPlan, label: string) => 1 + plan.rows.findIndex((row) => row[0] !== null && row[0] !== undefined && "value" in row[0] && row[0].value === label);

describe("Funnel plan sheet: the course's example", () => {
  const plan = planOf(courseDraft());
  const { first, last } = plan.layout.stages;

  it("needs 2000 visitors, 800 kept, 400 followed up for 100 deals; the check row holds", () => {
    const sheet = loadPlan(plan);
    expect(sheet.range(`B${first}`, `B${last}`).flat()).toEqual([2000, 800, 400, 100]);
    expect(sheet.range(`C${first + 1}`, `C${last}`).flat()).toEqual([0.4, 0.5, 0.25]);
    expect(sheet.range(`B${last + 1}`, `C${last + 1}`).flat()).toEqual([100, "✓"]);
    expect(sheet.problems()).toEqual([]);
  });

  it("splits the 800 kept by the A/B/C mix into 80/160/560", () => {
    const sheet = loadPlan(plan);
    const header = rowOf(plan, "Grade");
    expect(sheet.range(`C${header + 1}`, `C${header + 3}`).flat()).toEqual([80, 160, 560]);
    expect(sheet.at(`D${header + 4}`)).toBe("✓");
  });

  it("gives the four levers 125, 125, 120, 120 deals (gains 25, 25, 20, 20), ranked 1, 1, 3, 3", () => {
    const sheet = loadPlan(plan);
    const header = rowOf(plan, "Lever");
    const rows = sheet.range(`B${header + 1}`, `G${header + 4}`);
    expect(rows.map((row) => row[2])).toEqual([2500, 0.5, 0.6, 0.3]);
    expect(rows.map((row) => [row[3], row[4], row[5]])).toEqual([
      [125, 25, 1],
      [125, 25, 1],
      [120, 20, 3],
      [120, 20, 3],
    ]);
  });

  it("needs 50/150/450/1350/4050 customers from grade A to E at a promotion rate of exactly 1/3", () => {
    const sheet = loadPlan(plan);
    const header = rowOf(plan, "Grade");
    const pyramid = plan.rows.findIndex((row, i) => i + 1 > header + 3 && row[0] !== null && "value" in (row[0] ?? {}) && (row[0] as { value: unknown }).value === "Grade") + 1;
    expect(sheet.range(`E${pyramid + 1}`, `E${pyramid + 5}`).flat()).toEqual([50, 150, 450, 1350, 4050]);
    expect(sheet.at(`A${pyramid + 1}`)).toBe("A");
    expect(sheet.at(`B${pyramid + 1}`)).toBe("Can close within 3 months");
  });

  it("re-plans everything when the close-rate cell changes from 25% to 20%", () => {
    const sheet = loadPlan(plan);
    expect(plan.names).toContainEqual({ name: "Funnel_CloseRate", address: `C${last}` });
    sheet.set(`C${last}`, 0.2);
    expect(sheet.range(`B${first}`, `B${last}`).flat()).toEqual([2500, 1000, 500, 100]);
    const header = rowOf(plan, "Lever");
    // Today's top is now 2500: the close rate +5 points gives 2500·0.4·0.5·0.25 = 125.
    expect(sheet.range(`E${header + 1}`, `E${header + 4}`).flat()).toEqual([125, 125, 120, 125]);
    expect(sheet.at(`C${last + 1}`)).toBe("✓");
    expect(sheet.problems()).toEqual([]);
  });

  it("re-plans when the target cell changes (120 deals → 2400 visitors)", () => {
    const sheet = loadPlan(plan);
    sheet.set("B4", 120);
    expect(sheet.range(`B${first}`, `B${last}`).flat()).toEqual([2400, 960, 480, 120]);
  });

  it("draws a funnel chart of the stages and their required counts", () => {
    expect(plan.charts).toEqual([{ kind: "funnel", source: `A${first - 1}:B${last}`, title: "Funnel: required at each stage", from: "L3", to: "S20" }]);
  });
});

describe("Funnel plan sheet: rates from last period's counts", () => {
  const draft = withRows(
    draftWith({ rateSource: "counts", deals: "120", pyramidOn: "false", mixOn: "false" }, "zh"),
    "stages",
    [
      { name: "到店", rate: "", count: "2000" },
      { name: "留存", rate: "", count: "800" },
      { name: "跟进", rate: "", count: "400" },
      { name: "成交", rate: "", count: "100" },
    ],
  );
  const plan = planOf(draft, undefined, "zh");
  const { first, last } = plan.layout.stages;

  it("computes the rates with FUNNEL.RATES in the sheet and plans 2400/960/480/120 for 120 deals", () => {
    const sheet = loadPlan(plan);
    expect(sheet.range(`C${first + 1}`, `C${last}`).flat()).toEqual([0.4, 0.5, 0.25]);
    expect(sheet.range(`B${first}`, `B${last}`).flat()).toEqual([2400, 960, 480, 120]);
    expect(sheet.problems()).toEqual([]);
  });

  it("re-plans when last period's deals change (100 → 80: a close rate of 20%)", () => {
    const sheet = loadPlan(plan);
    sheet.set(`D${last}`, 80);
    expect(sheet.at(`C${last}`)).toBe(0.2);
    expect(sheet.range(`B${first}`, `B${last}`).flat()).toEqual([3000, 1200, 600, 120]);
  });
});

describe("Funnel plan sheet: the pipeline", () => {
  const stages: StagesStep = { names: ["潜在", "合格", "方案", "谈判", "成交"], source: "typed", rates: [0.5, 0.5, 0.6, 0.5] };
  const opportunities = [
    [500000, "谈判", 46000],
    [120000, "方案", 46010],
    [800000, "潜在", 46020],
    [35000, "合格", 46030],
  ];
  const draft = withRows(
    withRows(
      draftWith({ template: "b2b", pyramidOn: "false", mixOn: "false", deals: "20", pipelineOn: "true", oppsAddress: "商机!A2:C5", periodTarget: "300万", closed: "50万" }, "zh"),
      "stages",
      stages.names.map((name, i) => ({ name, rate: i === 0 ? "" : String(stages.rates[i - 1]! * 100), count: "" })),
    ),
    "pipelineStages",
    pipelineStagesFromFunnel(stages),
  );
  const plan = planOf(draft, { address: "商机!A2:C5", values: opportunities }, "zh");
  const others = { 商机: [["金额", "阶段", "预计成交"], ...opportunities] };

  it("weighs the pipeline by stage, sums commit and best case, and covers the remaining 250万 0.6×", () => {
    const sheet = loadPlan(plan, others);
    const at = (label: string) => sheet.at(`B${rowOf(plan, label)}`);
    expect(at("商机金额合计")).toBe(1_455_000);
    // 500000·50% + 120000·30% + 800000·7.5% + 35000·15%
    expect(at("加权商机金额")).toBeCloseTo(250_000 + 36_000 + 60_000 + 5_250, 6);
    expect(at("确定成交")).toBe(500_000);
    expect(at("最好情况（确定 + 可能）")).toBe(620_000);
    expect(at("尚需成交")).toBe(2_500_000);
    expect(at("覆盖倍数（商机 ÷ 尚需）")).toBeCloseTo(0.582, 9);
    expect(sheet.at(`C${rowOf(plan, "经验法则：覆盖 3 倍或以上")}`)).toBe("✗ 不足 3 倍");
    expect(sheet.at(`F${rowOf(plan, "检查：各阶段合计等于加权商机")}`)).toBe("✓");
    expect(sheet.problems()).toEqual([]);
  });

  it("follows the opportunities: a deal moving to 谈判 and more closed change the coverage", () => {
    const sheet = loadPlan(plan, others);
    sheet.set("B4", "谈判", "商机");
    expect(sheet.at(`B${rowOf(plan, "确定成交")}`)).toBe(1_300_000);
    sheet.set(`B${rowOf(plan, "已成交金额 ✎")}`, 2_800_000);
    expect(sheet.at(`B${rowOf(plan, "尚需成交")}`)).toBe(200_000);
    expect(sheet.at(`C${rowOf(plan, "经验法则：覆盖 3 倍或以上")}`)).toBe("✓ 达到 3 倍");
  });
});
