/**
 * The Funnel planner's form: its draft (fields and lists, kept in the draft store), the stage templates,
 * and what each step accepts. Every rule the sheet's formulas also apply is checked by calling the core
 * function the formula runs (FUNNEL.RATES, PLAN, STAGES, LEVERS, PYRAMID, PIPELINE.WEIGHTED), so the form
 * refuses exactly what would show an error in the sheet. Issue codes are FunnelErrorCodes (the view words
 * them); paths name the field ("stages.2.rate", "lever.0", "pipelineStages.1.probability").
 */
import { funnelLevers, funnelPlan, funnelPyramid, funnelRates, funnelStages, pipelineWeighted, stageKey } from "../../../core/funnel";
import { isCoreError, type CoreError } from "../../../core/shared/errors";
import { numberFromText } from "../../../core/shared/number-text";
import { parseRange, type RangeRef } from "../../../excel/address";
import type { CellValue, RangeData } from "../../../excel/gateway";
import { FUNNEL_TEMPLATES } from "../../../i18n/funnel-wizard";
import type { Language } from "../../../i18n/language";
import { createDraft, rowsOf, type FormDraft } from "../../components/form-draft";
import { readNumberField, type NumberKind } from "../../components/form-fields";
import type { Validation } from "../../components/validation";

export type FunnelErrorCode =
  | "required"
  | "tooLong"
  | "notNumber"
  | "percentNotAmount"
  | "tooLarge"
  | "duplicate"
  | "tooFewStages"
  | "tooManyStages"
  | "rateRange"
  | "probabilityRange"
  | "countNegative"
  | "countRises"
  | "countZero"
  | "mixSum"
  | "positive"
  | "nonNegative"
  | "pointsRange"
  | "planTooLarge"
  | "address"
  | "twoColumns"
  | "notRead"
  | "oppAmount"
  | "oppStage"
  | "unknownStage"
  | "noOpps";

export const STEP_COUNT = 5;
export const MIN_STAGES = 2;
export const MAX_STAGES = 12;
export const MAX_PIPELINE_STAGES = 20;
export const MAX_NAME = 60;
/** The most opportunities read (a pipeline, not a CRM export: larger ranges are summed by the sheet's formulas all the same). */
export const MAX_OPPORTUNITIES = 10_000;

export const TEMPLATES = ["dealership", "b2b", "own"] as const;
export type Template = (typeof TEMPLATES)[number];
export const TARGET_KINDS = ["deals", "revenue", "top"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const GROUPS = ["commit", "best", "pipeline"] as const;
export type Group = (typeof GROUPS)[number];

export const BLANK_STAGE: Readonly<Record<string, string>> = { name: "", rate: "", count: "" };
export const BLANK_PIPELINE_STAGE: Readonly<Record<string, string>> = { stage: "", probability: "", group: "pipeline" };

/** The course's dealership rates (K 40%, F 50%, C 25%) and its lever scenario (N +25%, K +10, F +10, C +5 points). */
const DEALERSHIP_RATES = ["", "40", "50", "25"];

/** The default raise of lever k of n rates: the top +25%, each rate +10 points, the last (the close rate) +5. */
export function defaultRaise(lever: number, rates: number): string {
  if (lever === 0) return "25";
  return lever === rates ? "5" : "10";
}

/** The stage rows of a template in a language (the user's own: three blank rows). */
export function templateStages(template: Template, language: Language): Record<string, string>[] {
  if (template === "own") return [BLANK_STAGE, BLANK_STAGE, BLANK_STAGE].map((row) => ({ ...row }));
  const names = FUNNEL_TEMPLATES[template][language];
  return names.map((name, i) => ({ name, rate: template === "dealership" ? (DEALERSHIP_RATES[i] ?? "") : "", count: "" }));
}

/** The lever fields of a template of `stages` stages: the default raises, blank beyond (no change). */
export function templateLevers(stages: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: MAX_STAGES }, (_, k) => [leverField(k), k < stages ? defaultRaise(k, stages - 1) : ""]));
}

/** A new form: the course's dealership funnel with its rates and mix, a target in deals, the pyramid at 1/3. */
export function initialFunnel(language: Language = "zh"): FormDraft {
  const stages = templateStages("dealership", language);
  return createDraft(
    {
      ...templateLevers(stages.length),
      ...Object.fromEntries(Array.from({ length: MAX_STAGES }, (_, k) => [costField(k), ""])),
      template: "dealership",
      rateSource: "typed",
      mixOn: "true",
      mixA: "10",
      mixB: "20",
      mixC: "70",
      targetKind: "deals",
      deals: "",
      revenue: "",
      dealSize: "",
      top: "",
      pyramidOn: "true",
      pyramidRevenue: "",
      pyramidOrder: "",
      pyramidRate: "1/3",
      pipelineOn: "false",
      oppsAddress: "",
      periodTarget: "",
      closed: "0",
    },
    { stages, pipelineStages: [{ ...BLANK_PIPELINE_STAGE }] },
  );
}

/** A lever's field: "lever.0" is the top count, "lever.k" the rate into stage k + 1. */
export const leverField = (k: number) => `lever.${k}`;
export const costField = (k: number) => `cost.${k}`;

/** The raise typed for lever k ("" reads as no change). */
export function leverText(draft: FormDraft, k: number): string {
  return draft.fields[leverField(k)] ?? "";
}

// ---------------------------------------------------------------------------------------------------------
// Parsed steps

export interface StagesStep {
  readonly names: readonly string[];
  readonly source: "typed" | "counts";
  /** The rates into stages 2…n: typed, or FUNNEL.RATES of the counts (exact quotients). */
  readonly rates: readonly number[];
  readonly counts?: readonly number[];
  /** A, B, C shares of the second stage (fractions adding up to 1), when chosen. */
  readonly mix?: readonly [number, number, number];
}

export type TargetStep =
  | { readonly kind: "deals"; readonly deals: number }
  | { readonly kind: "revenue"; readonly revenue: number; readonly dealSize: number }
  | { readonly kind: "top"; readonly top: number };

export interface Lever {
  /** For the top: the relative raise (0.25 = +25%); for a rate: points added (0.1 = +10 points), capped at 100%. */
  readonly raise: number;
  readonly cost?: number;
}

export interface PyramidStep {
  readonly revenue: number;
  readonly order: number;
  readonly rate: number;
  /** The rate as typed "a/b" is written as the formula =a/b, so 1/3 is exact in the sheet. */
  readonly rateFormula?: string;
}

export interface PipelineStep {
  /** The opportunities' amount and stage columns (0-based, one sheet). */
  readonly amounts: RangeRef;
  readonly stages: RangeRef;
  readonly table: readonly { readonly stage: string; readonly probability: number; readonly group: Group }[];
  readonly target: number;
  readonly closed: number;
}

export interface FunnelInput {
  readonly stages: StagesStep;
  readonly target: TargetStep;
  readonly levers: readonly Lever[];
  readonly pyramid?: PyramidStep;
  readonly pipeline?: PipelineStep;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

class Issues {
  readonly errors: Record<string, FunnelErrorCode> = {};
  readonly params: Record<string, Readonly<Record<string, unknown>>> = {};

  add(path: string, code: FunnelErrorCode, params?: Readonly<Record<string, unknown>>): void {
    if (path in this.errors) return;
    this.errors[path] = code;
    if (params !== undefined) this.params[path] = params;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  result<T>(data: T): Validation<T, FunnelErrorCode> {
    return this.ok ? { ok: true, data } : { ok: false, errors: this.errors, params: this.params };
  }

  /** A number field read as `kind`; its reading problem is the field's issue. */
  number(path: string, text: string, kind: NumberKind): number | undefined {
    const reading = readNumberField(text, kind);
    if (reading.ok) return reading.value;
    this.add(path, reading.code, reading.params);
    return undefined;
  }

  /** Runs a core check; a CoreError becomes `code` at `path`. */
  core(path: string, code: FunnelErrorCode, check: () => unknown): boolean {
    try {
      check();
      return true;
    } catch (error) {
      if (!isCoreError(error)) throw error;
      this.add(path, code);
      return false;
    }
  }
}

const field = (draft: FormDraft, name: string) => draft.fields[name] ?? "";
const on = (draft: FormDraft, name: string) => draft.fields[name] === "true";

/** A rate typed "a/b" (1/3): its value and the exact formula; undefined for any other text. */
export function fractionRate(text: string): { value: number; formula: string } | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*[/／]\s*(\d+(?:\.\d+)?)\s*$/.exec(text.normalize("NFKC"));
  if (match === null) return undefined;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return b > 0 ? { value: a / b, formula: `=${match[1]}/${match[2]}` } : undefined;
}

/** A rate in (0, 1] typed as a percentage ("40", "40%") or a fraction ("1/3"). */
function rateField(issues: Issues, path: string, text: string): { value: number; formula?: string } | undefined {
  const fraction = fractionRate(text);
  const value = fraction?.value ?? issues.number(path, text, "percent");
  if (value === undefined) return undefined;
  if (!(value > 0 && value <= 1)) {
    issues.add(path, "rateRange");
    return undefined;
  }
  return fraction ?? { value };
}

/** Step 1: the stages, their rates (typed or from counts), the A/B/C mix. */
export function validateStages(draft: FormDraft): Validation<StagesStep, FunnelErrorCode> {
  const issues = new Issues();
  const rows = rowsOf(draft, "stages");
  const source = field(draft, "rateSource") === "counts" ? "counts" : "typed";
  if (rows.length < MIN_STAGES) issues.add("stages", "tooFewStages");
  if (rows.length > MAX_STAGES) issues.add("stages", "tooManyStages");
  const seen = new Set<string>();
  const names = rows.map((row, i) => {
    const name = (row.name ?? "").trim();
    if (name === "") issues.add(`stages.${i}.name`, "required");
    else if (name.length > MAX_NAME) issues.add(`stages.${i}.name`, "tooLong");
    else if (seen.has(name.toLowerCase())) issues.add(`stages.${i}.name`, "duplicate");
    seen.add(name.toLowerCase());
    return name;
  });
  let rates: number[] = [];
  let counts: number[] | undefined;
  if (source === "typed") {
    rates = rows.slice(1).map((row, i) => rateField(issues, `stages.${i + 1}.rate`, row.rate ?? "")?.value ?? Number.NaN);
  } else {
    const read = rows.map((row, i) => {
      const value = issues.number(`stages.${i}.count`, row.count ?? "", "amount");
      if (value !== undefined && value < 0) issues.add(`stages.${i}.count`, "countNegative");
      return value ?? Number.NaN;
    });
    if (read.every((x) => x >= 0) && rows.length >= MIN_STAGES) {
      try {
        const observed = funnelRates(read);
        // A stage nobody reached has no rate (#DIV/0! below it) and a rate of 0 plans nothing: refused on the first such stage.
        const zero = observed.findIndex((rate) => rate === null || rate === 0);
        if (zero >= 0) issues.add(`stages.${zero + 1}.count`, "countZero");
        rates = observed.map((rate) => rate ?? 0);
        counts = read;
      } catch (error) {
        if (!isCoreError(error)) throw error;
        const where = (error as CoreError<"COUNT_RISES">).details;
        if (error.code === "COUNT_RISES") issues.add(`stages.${where.index}.count`, "countRises", { value: where.value, previous: where.previous });
        else issues.add("stages", "tooManyStages");
      }
    }
  }
  let mix: [number, number, number] | undefined;
  if (on(draft, "mixOn") && rows.length >= 2) {
    const shares = (["mixA", "mixB", "mixC"] as const).map((name) => {
      const value = issues.number(name, field(draft, name), "percent");
      if (value !== undefined && !(value >= 0 && value <= 1)) issues.add(name, "probabilityRange");
      return value ?? Number.NaN;
    });
    const sum = shares[0]! + shares[1]! + shares[2]!;
    if (shares.every((x) => x >= 0 && x <= 1) && Math.abs(sum - 1) > 1e-9) issues.add("mixA", "mixSum", { sum });
    mix = shares as [number, number, number];
  }
  return issues.result({ names, source, rates, ...(counts === undefined ? {} : { counts }), ...(mix === undefined ? {} : { mix }) });
}

/** Step 2: the target (deals, revenue ÷ deal size, or a known top count); the plan must fit a cell. */
export function validateTarget(draft: FormDraft, stages?: StagesStep): Validation<TargetStep, FunnelErrorCode> {
  const issues = new Issues();
  const kind = (TARGET_KINDS as readonly string[]).includes(field(draft, "targetKind")) ? (field(draft, "targetKind") as TargetKind) : "deals";
  const positive = (name: string) => {
    const value = issues.number(name, field(draft, name), "amount");
    if (value !== undefined && !(value > 0)) issues.add(name, "positive");
    return value ?? Number.NaN;
  };
  let target: TargetStep;
  if (kind === "deals") target = { kind, deals: positive("deals") };
  else if (kind === "revenue") target = { kind, revenue: positive("revenue"), dealSize: positive("dealSize") };
  else target = { kind, top: positive("top") };
  if (issues.ok && stages !== undefined) {
    const path = kind === "revenue" ? "revenue" : kind;
    issues.core(path, "planTooLarge", () => (target.kind === "top" ? funnelStages(target.top, stages.rates) : funnelPlan(dealsNeeded(target), stages.rates)));
  }
  return issues.result(target);
}

/** The deals a target asks for (revenue ÷ deal size, unrounded: FUNNEL.PLAN rounds each stage up once). */
export function dealsNeeded(target: TargetStep): number {
  return target.kind === "deals" ? target.deals : target.kind === "revenue" ? target.revenue / target.dealSize : Number.NaN;
}

/** Today's top of the funnel: the known top, or the plan's required top. */
export function todayTop(target: TargetStep, rates: readonly number[]): number {
  return target.kind === "top" ? target.top : (funnelPlan(dealsNeeded(target), rates)[0] as number);
}

/** The improved values FUNNEL.LEVERS gets: the top × (1 + raise), each rate + points (at most 100%). */
export function improvedValues(top: number, rates: readonly number[], levers: readonly Lever[]): number[] {
  return [top * (1 + (levers[0]?.raise ?? 0)), ...rates.map((rate, i) => Math.min(1, rate + (levers[i + 1]?.raise ?? 0)))];
}

/** Step 3: the raise of each lever (top %, rates in points) and its optional cost. */
export function validateLevers(draft: FormDraft, stages?: StagesStep, target?: TargetStep): Validation<Lever[], FunnelErrorCode> {
  const issues = new Issues();
  const rates = stages?.rates.length ?? Math.max(0, (draft.lists.stages?.length ?? 0) - 1);
  const levers: Lever[] = [];
  for (let k = 0; k <= rates; k++) {
    const text = leverText(draft, k);
    const raise = text.trim() === "" ? 0 : issues.number(leverField(k), text, "percent");
    if (raise !== undefined && raise < 0) issues.add(leverField(k), "nonNegative");
    else if (raise !== undefined && k > 0 && raise > 1) issues.add(leverField(k), "pointsRange");
    else if (raise !== undefined && k === 0 && raise > 100) issues.add(leverField(k), "tooLarge", { max: 10_000 });
    const costText = field(draft, costField(k));
    let cost: number | undefined;
    if (costText.trim() !== "") {
      cost = issues.number(costField(k), costText, "amount");
      if (cost !== undefined && cost < 0) issues.add(costField(k), "nonNegative");
    }
    levers.push({ raise: raise ?? 0, ...(cost === undefined ? {} : { cost }) });
  }
  if (issues.ok && stages !== undefined && target !== undefined) {
    issues.core(leverField(0), "planTooLarge", () => {
      const top = todayTop(target, stages.rates);
      return funnelLevers(top, stages.rates, improvedValues(top, stages.rates, levers));
    });
  }
  return issues.result(levers);
}

/** Step 4: the lead pyramid (when chosen): revenue, A's average order, the promotion rate. */
export function validatePyramid(draft: FormDraft): Validation<PyramidStep | undefined, FunnelErrorCode> {
  const issues = new Issues();
  if (!on(draft, "pyramidOn")) return issues.result(undefined);
  const positive = (name: string) => {
    const value = issues.number(name, field(draft, name), "amount");
    if (value !== undefined && !(value > 0)) issues.add(name, "positive");
    return value ?? Number.NaN;
  };
  const revenue = positive("pyramidRevenue");
  const order = positive("pyramidOrder");
  const rate = rateField(issues, "pyramidRate", field(draft, "pyramidRate"));
  if (issues.ok) issues.core("pyramidRevenue", "planTooLarge", () => funnelPyramid(revenue, order, rate!.value));
  return issues.result({ revenue, order, rate: rate?.value ?? Number.NaN, ...(rate?.formula === undefined ? {} : { rateFormula: rate.formula }) });
}

/** The opportunities as read (address and values), kept while the page is open. */
export type OpportunitiesRead = RangeData;

/** Step 5: the pipeline (when chosen): the opportunities range as read, the stage table, the target and what is closed. */
export function validatePipeline(draft: FormDraft, read: OpportunitiesRead | undefined): Validation<PipelineStep | undefined, FunnelErrorCode> {
  const issues = new Issues();
  if (!on(draft, "pipelineOn")) return issues.result(undefined);
  const address = field(draft, "oppsAddress").trim();
  const ref = parseRange(address);
  if (address === "") issues.add("oppsAddress", "required");
  else if (ref === undefined || ref.sheet === undefined) issues.add("oppsAddress", "address");
  else if (ref.columns < 2) issues.add("oppsAddress", "twoColumns");
  else if (read === undefined || !sameRange(read.address, ref)) issues.add("oppsAddress", "notRead");

  const rows = rowsOf(draft, "pipelineStages");
  if (rows.length === 0) issues.add("pipelineStages", "required");
  const seen = new Set<string>();
  const table = rows.map((row, i) => {
    const stage = (row.stage ?? "").trim();
    if (stage === "") issues.add(`pipelineStages.${i}.stage`, "required");
    else if (stage.length > MAX_NAME) issues.add(`pipelineStages.${i}.stage`, "tooLong");
    else if (seen.has(stageKey(stage))) issues.add(`pipelineStages.${i}.stage`, "duplicate");
    seen.add(stageKey(stage));
    const probability = issues.number(`pipelineStages.${i}.probability`, row.probability ?? "", "percent");
    if (probability !== undefined && !(probability >= 0 && probability <= 1)) issues.add(`pipelineStages.${i}.probability`, "probabilityRange");
    const group = (GROUPS as readonly string[]).includes(row.group ?? "") ? (row.group as Group) : "pipeline";
    return { stage, probability: probability ?? Number.NaN, group };
  });

  const target = issues.number("periodTarget", field(draft, "periodTarget"), "amount");
  if (target !== undefined && !(target > 0)) issues.add("periodTarget", "positive");
  const closedText = field(draft, "closed");
  const closed = closedText.trim() === "" ? 0 : issues.number("closed", closedText, "amount");
  if (closed !== undefined && closed < 0) issues.add("closed", "nonNegative");

  if (ref !== undefined && ref.sheet !== undefined && ref.columns >= 2 && read !== undefined && sameRange(read.address, ref)) {
    const opportunities = readOpportunities(read);
    if (!opportunities.ok) issues.add("oppsAddress", opportunities.code, opportunities.params);
    else if (issues.ok) {
      // The sheet's SUM of PIPELINE.WEIGHTED would show #N/A for a stage the table does not list: named here instead.
      const weighted = pipelineWeighted(opportunities.amounts, opportunities.stages, { names: table.map((s) => s.stage), probabilities: table.map((s) => s.probability) });
      const unknown = weighted.findIndex((x) => typeof x !== "number");
      if (unknown >= 0) issues.add("oppsAddress", "unknownStage", { row: unknown + 1, stage: String(opportunities.stages[unknown]) });
    }
  }
  const sheetRef: RangeRef = ref ?? { sheet: undefined, row: 0, column: 0, rows: 0, columns: 0 };
  return issues.result({
    amounts: { ...sheetRef, columns: 1, rows: sheetRef.rows },
    stages: { ...sheetRef, column: sheetRef.column + 1, columns: 1 },
    table,
    target: target ?? Number.NaN,
    closed: closed ?? 0,
  });
}

/** The opportunities' amounts and stages, or the first cell the sheet's formulas would refuse. */
export function readOpportunities(
  data: RangeData,
): { ok: true; amounts: number[]; stages: (string | number)[] } | { ok: false; code: FunnelErrorCode; params?: Readonly<Record<string, unknown>> } {
  const amounts: number[] = [];
  const stages: (string | number)[] = [];
  const rows = data.values.slice(0, MAX_OPPORTUNITIES);
  // Trailing blank rows are ignored, as PIPELINE.WEIGHTED ignores them.
  let last = rows.length - 1;
  while (last >= 0 && rows[last]!.every((cell) => cell === null || cell === "")) last--;
  for (let i = 0; i <= last; i++) {
    const [amountCell, stageCell] = rows[i] as readonly CellValue[];
    const value = typeof amountCell === "number" ? amountCell : typeof amountCell === "string" ? (numberFromText(amountCell.trim()) ?? Number.NaN) : Number.NaN;
    if (!(value >= 0)) return { ok: false, code: "oppAmount", params: { row: i + 1, text: String(amountCell ?? "") } };
    if (stageCell === null || stageCell === undefined || String(stageCell).trim() === "") return { ok: false, code: "oppStage", params: { row: i + 1 } };
    amounts.push(value);
    stages.push(typeof stageCell === "number" ? stageCell : String(stageCell));
  }
  if (amounts.length === 0) return { ok: false, code: "noOpps" };
  return { ok: true, amounts, stages };
}

function sameRange(address: string, ref: RangeRef): boolean {
  const read = parseRange(address);
  return (
    read !== undefined &&
    (read.sheet ?? "").toLowerCase() === (ref.sheet ?? "").toLowerCase() &&
    read.row === ref.row &&
    read.column === ref.column &&
    read.rows === ref.rows &&
    read.columns === ref.columns
  );
}

/** Step i's validation, each step given the steps before it where it needs them. */
export function validateStep(step: number, draft: FormDraft, read?: OpportunitiesRead): Validation<unknown, FunnelErrorCode> {
  const stages = validateStages(draft);
  if (step === 0) return stages;
  const target = validateTarget(draft, stages.ok ? stages.data : undefined);
  if (step === 1) return target;
  if (step === 2) return validateLevers(draft, stages.ok ? stages.data : undefined, target.ok ? target.data : undefined);
  if (step === 3) return validatePyramid(draft);
  return validatePipeline(draft, read);
}

/** The whole form, or the first step with a problem. */
export function validateFunnel(draft: FormDraft, read?: OpportunitiesRead): { ok: true; data: FunnelInput } | { ok: false; step: number } {
  const stages = validateStages(draft);
  if (!stages.ok) return { ok: false, step: 0 };
  const target = validateTarget(draft, stages.data);
  if (!target.ok) return { ok: false, step: 1 };
  const levers = validateLevers(draft, stages.data, target.data);
  if (!levers.ok) return { ok: false, step: 2 };
  const pyramid = validatePyramid(draft);
  if (!pyramid.ok) return { ok: false, step: 3 };
  const pipeline = validatePipeline(draft, read);
  if (!pipeline.ok) return { ok: false, step: 4 };
  return {
    ok: true,
    data: {
      stages: stages.data,
      target: target.data,
      levers: levers.data,
      ...(pyramid.data === undefined ? {} : { pyramid: pyramid.data }),
      ...(pipeline.data === undefined ? {} : { pipeline: pipeline.data }),
    },
  };
}

/**
 * The pipeline's stage table filled in from the funnel: every stage but the last, its win probability the
 * product of the rates below it (the chance that someone at that stage reaches the bottom), the last two
 * open stages Commit and Best case.
 */
export function pipelineStagesFromFunnel(stages: StagesStep): Record<string, string>[] {
  const open = stages.names.slice(0, -1);
  return open.map((stage, i) => {
    const probability = stages.rates.slice(i).reduce((p, r) => p * r, 1);
    const group: Group = i === open.length - 1 ? "commit" : i === open.length - 2 ? "best" : "pipeline";
    return { stage, probability: String(Math.round(probability * 1e6) / 1e4), group };
  });
}
