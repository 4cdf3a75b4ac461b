import { columnLetters } from "../../src/excel/address";
import type { CellSpec, SheetPlan } from "../../src/excel/gateway";
import { decomposePlan } from "../../src/taskpane/features/decompose/decompose-plan";
import { validateFunnel } from "../../src/taskpane/features/funnel/funnel-model";
import { funnelPlan } from "../../src/taskpane/features/funnel/funnel-plan";
import { bcgPlan } from "../../src/taskpane/features/market/bcg-plan";
import { pestPlan } from "../../src/taskpane/features/market/pest-plan";
import { riskPlan } from "../../src/taskpane/features/market/risk-plan";
import { swotPlan } from "../../src/taskpane/features/market/swot-plan";
import { forecastPlan } from "../../src/taskpane/features/forecast/forecast-plan";
import { growthStats } from "../../src/taskpane/features/smart/milestones";
import { adjustPlan } from "../../src/taskpane/features/progress/adjust-plan";
import { readTargetRange } from "../../src/taskpane/features/progress/plan-source";
import { reviewPlan } from "../../src/taskpane/features/progress/review-plan";
import { smartPlan } from "../../src/taskpane/features/smart/smart-plan";
import { validateSmart } from "../../src/taskpane/features/smart/smart-schema";
import { rfmExamplePlan } from "../../src/taskpane/features/start/rfm-example";
import { HYPERFORMULA, MEMORY, OFFICE_BATCHING, OFFICE_MOCK, type GatewayKind } from "../support/gateway-harnesses";
import { exampleInput } from "../taskpane/decompose/fixture";
import { courseDraft } from "../taskpane/funnel/fixture";
import { BCG_INPUT, PEST_INPUT, RISK_INPUT, SWOT_INPUT } from "../taskpane/market/fixture";
import { NAMES, targetsRange } from "../taskpane/progress/fixture";
import { VALID_DRAFT } from "../taskpane/smart/fixture";
import { failAtEveryStep } from "./gateway-contract";

/**
 * Data safety for every write of every wizard: each plan, built by the page's own plan function, written
 * (1) into a new sheet — with its tables, names, charts and formats — and (2) over a range of the user's
 * cells after the user confirmed the overwrite, with a failure injected at every step in turn (see each
 * gateway's `steps`): after each failure the workbook must be identical, cell by cell, to before.
 * Writes go in blocks of 3 rows, so that failures fall between blocks too. A new wizard is one line in
 * WIZARDS.
 */

function smart(): SheetPlan {
  const result = validateSmart(VALID_DRAFT);
  if (!result.ok) throw new Error("the SMART draft should be valid");
  return smartPlan(result.data, "zh", { address: "Sheet1!B2:B6", stats: growthStats([3200, 3500, 3900, 4000]) });
}

function forecast(): SheetPlan {
  const quarters = Array.from({ length: 12 }, (_, k) => `${2022 + Math.floor(k / 4)}年第${(k % 4) + 1}季度`);
  const series = [
    { name: "华北", values: [362, 385, 432, 341, 382, 409, 498, 387, 473, 513, 582, 474], method: "hw-additive" as const },
    { name: "=华东", values: [120, 130, 150, 110, 125, 140, 160, 118, 131, 150, 171, 126], method: "linear" as const },
  ];
  return forecastPlan({ source: "Sheet1!A1:C13", labels: quarters, futureLabels: ["2025年第1季度", "2025年第2季度", "2025年第3季度", "2025年第4季度"], series, totalMethod: "holt", season: 4, horizon: 4, level: 0.8 }, "zh").plan;
}

function progressReview(): SheetPlan {
  const read = readTargetRange(targetsRange(), 1);
  if (!read.ok) throw new Error("the fixture's targets do not read");
  return reviewPlan({ plan: read.source, year: 2025, monthsDone: 6, basis: "plan", green: 1, amber: 0.9, display: "yuan", actuals: { kind: "typed" } }, "en");
}

/** The course's funnel example, as the Funnel planner writes it. */
function funnelPlanOf(): SheetPlan {
  const result = validateFunnel(courseDraft("zh"));
  if (!result.ok) throw new Error("the funnel fixture does not validate");
  return funnelPlan(result.data, "zh");
}

/** Every wizard's write, through its page's plan function. */
const WIZARDS: readonly [string, () => SheetPlan][] = [
  ["Start page: RFM example", () => rfmExamplePlan("zh")],
  ["SWOT", () => swotPlan(SWOT_INPUT, "zh")],
  ["PEST", () => pestPlan(PEST_INPUT, "en")],
  ["BCG", () => bcgPlan(BCG_INPUT, "zh")],
  ["risk matrix", () => riskPlan(RISK_INPUT, "en")],
  ["SMART", smart],
  ["Decompose", () => decomposePlan(exampleInput(), "zh")],
  ["Funnel planner", () => funnelPlanOf()],
  ["Forecast", forecast],
  ["Progress review", progressReview],
  ["Progress: plan v2", () => adjustPlan({ review: "进度跟踪", names: NAMES, version: 2, monthsDone: 6, method: "remaining", leavers: [{ person: 4, takers: [0, 2] }], log: [{ date: 45839, reason: "半年复盘", who: "李经理", change: "v2" }], display: "wan" }, "zh")],
];

const KINDS: readonly GatewayKind[] = [MEMORY, OFFICE_BATCHING, OFFICE_MOCK, HYPERFORMULA];

const BLOCK_ROWS = 3;

/** What a user has in the cells a write will replace: text that stays text only behind an apostrophe, formulas, numbers, plain text, gaps. */
function userCells(rows: number, columns: number): CellSpec[][] {
  const kinds = [(r: number, c: number): CellSpec => ({ value: `0${r}-${c}` }), (r: number) => ({ formula: `=ROW()*${r + 1}` }), (r: number, c: number) => ({ value: r * 100 + c }), () => ({ value: "备注" }), () => null];
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => kinds[(r + c) % kinds.length]!(r, c)));
}

describe.each(WIZARDS)("%s: a failure at any step leaves the workbook as it was", (_wizard, plan) => {
  it.each(KINDS.map((kind) => [kind.name, kind] as const))("new sheet, %s", async (_name, kind) => {
    const sheetPlan = plan();
    const setUp = () => {
      const harness = kind.make({ sheets: ["Sheet1", sheetPlan.name], blockRows: BLOCK_ROWS });
      harness.seed("Sheet1!A1", userCells(6, 4));
      harness.seed(`'${sheetPlan.name}'!A1`, [[{ value: "an earlier copy" }]]);
      return harness;
    };
    const { failures, harness } = await failAtEveryStep(kind, setUp, (gateway) => gateway.createSheet(sheetPlan));
    expect(failures).toBeGreaterThan(0);
    expect(harness.sheetNames()).toEqual(["Sheet1", sheetPlan.name, `${sheetPlan.name} (2)`]);
    harness.dispose();
  });

  it.each(KINDS.map((kind) => [kind.name, kind] as const))("overwrite confirmed, %s", async (_name, kind) => {
    const { rows } = plan();
    const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
    const setUp = () => {
      const harness = kind.make({ sheets: ["Sheet1", "Plan"], blockRows: BLOCK_ROWS });
      harness.seed("Plan!B3", userCells(rows.length + 1, width + 1));
      return harness;
    };
    const { failures, harness } = await failAtEveryStep(kind, setUp, (gateway) => gateway.writeRange({ address: "Plan!B3", rows, overwrite: true }));
    expect(failures).toBeGreaterThan(0);
    // Written at last: the first cell of the plan, and the user's cell beside the target still there.
    expect(harness.cellAt("Plan!B3")).toEqual(rows[0]![0]);
    expect(harness.cellAt(`Plan!${columnLetters(width + 1)}3`)).toEqual(userCells(1, width + 1)[0]![width]);
    harness.dispose();
  });
});
