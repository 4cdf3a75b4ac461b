import {
  fractionRate,
  initialFunnel,
  pipelineStagesFromFunnel,
  readOpportunities,
  validateFunnel,
  validateLevers,
  validatePipeline,
  validatePyramid,
  validateStages,
  validateTarget,
  type StagesStep,
} from "../../../src/taskpane/features/funnel/funnel-model";
import { pyramidCounts, rankedLevers, stageCounts } from "../../../src/taskpane/features/funnel/funnel-preview";
import { FUNNEL_WIZARD_STRINGS } from "../../../src/i18n/funnel-wizard";
import { funnelMessage } from "../../../src/taskpane/features/funnel/funnel-messages";
import { courseDraft, draftWith, withRows } from "./fixture";

const COURSE_STAGES = (language: "en" | "zh" = "en") => {
  const result = validateStages(initialFunnel(language));
  if (!result.ok) throw new Error("the initial draft's stages do not validate");
  return result.data;
};

describe("Funnel planner: the course's example", () => {
  it("starts from the dealership funnel N → K → F → C at 40% / 50% / 25% with the A/B/C mix 10/20/70%", () => {
    const stages = COURSE_STAGES("zh");
    expect(stages.names).toEqual(["到店（N）", "信息留存（K）", "跟进（F）", "成交（C）"]);
    expect(stages.rates).toEqual([0.4, 0.5, 0.25]);
    expect(stages.mix).toEqual([0.1, 0.2, 0.7]);
  });

  it("plans 2000 visitors for 100 deals, the levers 125/125/120/120 and the pyramid 50/150/450/1350/4050", () => {
    const all = validateFunnel(courseDraft());
    if (!all.ok) throw new Error(`step ${all.step} does not validate`);
    const { stages, target, levers, pyramid } = all.data;
    expect(stageCounts(stages, target)).toEqual([2000, 800, 400, 100]);
    const ranked = rankedLevers(stages, target, levers);
    expect(ranked.map((lever) => [lever.index, lever.deals, lever.gain])).toEqual([
      [0, 125, 25],
      [1, 125, 25],
      [2, 120, 20],
      [3, 120, 20],
    ]);
    expect(pyramid).toMatchObject({ revenue: 10_000_000, order: 200_000, rateFormula: "=1/3" });
    expect(pyramidCounts(pyramid!)).toEqual([50, 150, 450, 1350, 4050]);
  });

  it("ranks the levers by deals gained, and gives the cost of each extra deal", () => {
    const draft = draftWith({ deals: "100", "lever.0": "10", "cost.0": "5000", "cost.3": "3000", pyramidOn: "false" });
    const all = validateFunnel(draft);
    if (!all.ok) throw new Error(`step ${all.step} does not validate`);
    const ranked = rankedLevers(all.data.stages, all.data.target, all.data.levers);
    expect(ranked.map((lever) => lever.index)).toEqual([1, 2, 3, 0]);
    expect(ranked.find((lever) => lever.index === 0)).toMatchObject({ deals: 110, gain: 10, costPerDeal: 500 });
    expect(ranked.find((lever) => lever.index === 3)).toMatchObject({ gain: 20, costPerDeal: 150 });
  });

  it("plans from revenue ÷ deal size, rounding each stage up once (1,000,000 at 7,000 → 143 deals)", () => {
    const stages = COURSE_STAGES();
    const target = validateTarget(draftWith({ targetKind: "revenue", revenue: "100万", dealSize: "7000" }), stages);
    if (!target.ok) throw new Error("the revenue target does not validate");
    expect(stageCounts(stages, target.data)).toEqual([2858, 1143, 572, 143]);
  });

  it("looks forward from a known top count: expected, unrounded", () => {
    const stages = COURSE_STAGES();
    const target = validateTarget(draftWith({ targetKind: "top", top: "2500" }), stages);
    if (!target.ok) throw new Error("the top count does not validate");
    expect(stageCounts(stages, target.data)).toEqual([2500, 1000, 500, 125]);
  });
});

describe("Funnel planner: rates from last period's counts", () => {
  const counted = (counts: readonly string[]) =>
    withRows(
      draftWith({ rateSource: "counts" }),
      "stages",
      counts.map((count, i) => ({ name: `S${i + 1}`, rate: "", count })),
    );

  it("computes FUNNEL.RATES' exact quotients: 2000/800/400/100 → 40% / 50% / 25%", () => {
    const result = validateStages(counted(["2000", "800", "400", "100"]));
    expect(result).toMatchObject({ ok: true, data: { source: "counts", rates: [0.4, 0.5, 0.25], counts: [2000, 800, 400, 100] } });
  });

  it("refuses a count that rises down the funnel, naming the stage and both counts", () => {
    const result = validateStages(counted(["2000", "800", "900", "100"]));
    expect(result).toMatchObject({ ok: false, errors: { "stages.2.count": "countRises" }, params: { "stages.2.count": { value: 900, previous: 800 } } });
    if (result.ok) return;
    expect(funnelMessage("countRises", result.params["stages.2.count"], FUNNEL_WIZARD_STRINGS.en, "en")).toBe("900 is more than the stage above (800): enter the counts top stage first.");
  });

  it("refuses a stage nobody reached (no rate to plan with)", () => {
    expect(validateStages(counted(["500", "120", "0", "0"]))).toMatchObject({ ok: false, errors: { "stages.2.count": "countZero" } });
  });

  it("refuses a negative count and text", () => {
    expect(validateStages(counted(["500", "-1", "0"]))).toMatchObject({ ok: false, errors: { "stages.1.count": "countNegative" } });
    expect(validateStages(counted(["500", "many", "10"]))).toMatchObject({ ok: false, errors: { "stages.1.count": "notNumber" } });
  });
});

describe("Funnel planner: what each step refuses", () => {
  it("a rate of 0 or above 100%, naming the stage's row (the first stage has none)", () => {
    const rows = [
      { name: "A", rate: "999", count: "" },
      { name: "B", rate: "0", count: "" },
      { name: "C", rate: "140%", count: "" },
    ];
    const result = validateStages(withRows(draftWith({ mixOn: "false" }), "stages", rows));
    expect(result).toMatchObject({ ok: false, errors: { "stages.1.rate": "rateRange", "stages.2.rate": "rateRange" } });
    if (!result.ok) expect(result.errors["stages.0.rate"]).toBeUndefined();
  });

  it("fewer than 2 stages, a blank or repeated name", () => {
    expect(validateStages(withRows(initialFunnel("en"), "stages", [{ name: "Only", rate: "", count: "" }]))).toMatchObject({ ok: false, errors: { stages: "tooFewStages" } });
    const rows = [
      { name: "Visits", rate: "", count: "" },
      { name: "visits", rate: "40", count: "" },
      { name: " ", rate: "50", count: "" },
    ];
    expect(validateStages(withRows(initialFunnel("en"), "stages", rows))).toMatchObject({ ok: false, errors: { "stages.1.name": "duplicate", "stages.2.name": "required" } });
  });

  it("a lead mix that does not add up to 100%", () => {
    const result = validateStages(draftWith({ mixC: "60" }));
    expect(result).toMatchObject({ ok: false, errors: { mixA: "mixSum" } });
    if (!result.ok) expect(funnelMessage("mixSum", result.params.mixA, FUNNEL_WIZARD_STRINGS.zh, "zh")).toBe("比例合计为 90.0%：请使 A + B + C 等于 100%。");
  });

  it("a target of 0, a percentage for an amount, a missing deal size", () => {
    const stages = COURSE_STAGES();
    expect(validateTarget(draftWith({ deals: "0" }), stages)).toMatchObject({ ok: false, errors: { deals: "positive" } });
    expect(validateTarget(draftWith({ deals: "40%" }), stages)).toMatchObject({ ok: false, errors: { deals: "percentNotAmount" } });
    expect(validateTarget(draftWith({ targetKind: "revenue", revenue: "100万" }), stages)).toMatchObject({ ok: false, errors: { dealSize: "required" } });
  });

  it("a plan beyond what a cell holds", () => {
    expect(validateTarget(draftWith({ deals: "9e306" }), COURSE_STAGES())).toMatchObject({ ok: false, errors: { deals: "planTooLarge" } });
  });

  it("a negative raise, a rate raised by more than 100 points, a negative cost", () => {
    const result = validateLevers(draftWith({ deals: "100", "lever.0": "-5", "lever.1": "150", "cost.2": "-1" }), COURSE_STAGES(), { kind: "deals", deals: 100 });
    expect(result).toMatchObject({ ok: false, errors: { "lever.0": "nonNegative", "lever.1": "pointsRange", "cost.2": "nonNegative" } });
  });

  it("a blank raise is no change; an improved rate stops at 100%", () => {
    const result = validateLevers(draftWith({ "lever.0": "", "lever.3": "90" }), COURSE_STAGES(), { kind: "deals", deals: 100 });
    if (!result.ok) throw new Error("the levers do not validate");
    const ranked = rankedLevers(COURSE_STAGES(), { kind: "deals", deals: 100 }, result.data);
    expect(ranked.find((lever) => lever.index === 0)).toMatchObject({ deals: 100, gain: 0 });
    expect(ranked.find((lever) => lever.index === 3)).toMatchObject({ deals: 400, gain: 300 });
  });

  it("the pyramid: 1/3 exactly, 30% as typed, a rate of 0 refused; off means nothing to check", () => {
    expect(fractionRate("1/3")).toEqual({ value: 1 / 3, formula: "=1/3" });
    expect(fractionRate("１／３")).toEqual({ value: 1 / 3, formula: "=1/3" });
    const at30 = validatePyramid(draftWith({ pyramidRevenue: "10000000", pyramidOrder: "200000", pyramidRate: "30%" }));
    if (!at30.ok || at30.data === undefined) throw new Error("30% does not validate");
    expect(pyramidCounts(at30.data)).toEqual([50, 167, 556, 1852, 6173]);
    expect(validatePyramid(draftWith({ pyramidRevenue: "1", pyramidOrder: "1", pyramidRate: "0" }))).toMatchObject({ ok: false, errors: { pyramidRate: "rateRange" } });
    expect(validatePyramid(draftWith({ pyramidOn: "false", pyramidRevenue: "" }))).toEqual({ ok: true, data: undefined });
  });
});

describe("Funnel planner: the pipeline", () => {
  const stages: StagesStep = { names: ["潜在", "合格", "方案", "谈判", "成交"], source: "typed", rates: [0.5, 0.5, 0.6, 0.5] };
  const read = {
    address: "商机!A2:C4",
    values: [
      [500000, "谈判", 46000],
      [120000, " 方案 ", 46010],
      [800000, "潜在", null],
    ],
  };
  const pipelineDraft = (extra: Record<string, string> = {}) =>
    withRows(draftWith({ pipelineOn: "true", oppsAddress: "商机!A2:C4", periodTarget: "300万", closed: "50万", ...extra }), "pipelineStages", pipelineStagesFromFunnel(stages));

  it("fills the stage table from the funnel: the chance of reaching the bottom, the last open stages Commit and Best case", () => {
    expect(pipelineStagesFromFunnel(stages)).toEqual([
      { stage: "潜在", probability: "7.5", group: "pipeline" },
      { stage: "合格", probability: "15", group: "pipeline" },
      { stage: "方案", probability: "30", group: "best" },
      { stage: "谈判", probability: "50", group: "commit" },
    ]);
  });

  it("accepts opportunities whose stages the table lists (spaces and case as PIPELINE.WEIGHTED reads them)", () => {
    const result = validatePipeline(pipelineDraft(), read);
    expect(result).toMatchObject({ ok: true, data: { target: 3_000_000, closed: 500_000, amounts: { sheet: "商机", row: 1, column: 0, rows: 3, columns: 1 }, stages: { column: 1, columns: 1 } } });
  });

  it("refuses an unknown stage naming the opportunity, an amount that is not one, a range not read yet", () => {
    const unknown = { ...read, values: [...read.values, [1000, "签约中", null]], address: "商机!A2:C5" };
    expect(validatePipeline(pipelineDraft({ oppsAddress: "商机!A2:C5" }), unknown)).toMatchObject({ ok: false, errors: { oppsAddress: "unknownStage" }, params: { oppsAddress: { row: 4, stage: "签约中" } } });
    expect(readOpportunities({ address: "X!A1:B1", values: [["lots", "谈判"]] })).toMatchObject({ ok: false, code: "oppAmount", params: { row: 1, text: "lots" } });
    expect(validatePipeline(pipelineDraft(), undefined)).toMatchObject({ ok: false, errors: { oppsAddress: "notRead" } });
    expect(validatePipeline(pipelineDraft({ oppsAddress: "A2:C4" }), read)).toMatchObject({ ok: false, errors: { oppsAddress: "address" } });
  });
});
