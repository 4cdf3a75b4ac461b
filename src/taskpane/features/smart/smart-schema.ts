/**
 * What each step of the SMART wizard accepts, as zod schemas over the form's text. Issue messages are
 * SmartErrorCodes (the view words them); paths name the field. Cross-field rules: the target is a multiple
 * of the rounding unit; the end date is after the start; the cadence gives at most MAX_PERIODS checkpoints.
 */
import { z } from "zod";
import { requirePositive } from "../../../core/shared/checks";
import { requireChallengeRatio, requireFloorRatio } from "../../../core/targets/tiers";
import { unitsIn } from "../../../core/targets/split";
import { EXCEL_MAX, toExcelPrecision } from "../../../core/shared/rounding";
import { AMOUNT_DISPLAYS } from "../../components/amount-format";
import { validateWith, type Validation } from "../../components/validation";
import { coreChecked, coreIssue, dateField, numberField, optionalText, requiredText } from "../../components/form-fields";
import { CADENCES, countPeriods, type Cadence } from "./milestones";

export type SmartErrorCode =
  | "required"
  | "tooLong"
  | "notNumber"
  | "percentNotAmount"
  | "tooLarge"
  | "positive"
  | "notNegative"
  | "notMultiple"
  | "date"
  | "endBeforeStart"
  | "tooManyPeriods"
  | "floorRatio"
  | "challengeRatio"
  | "address"
  | "growthTooLarge"
  | "unitHasWan";

export const KPIS = ["sales", "gmv", "orders", "customers", "profit"] as const;
export type Kpi = (typeof KPIS)[number];

export const MAX_TEXT = 100;
export const MAX_STRATEGY = 500;
export const MAX_PERIODS = 400;

const code = (c: SmartErrorCode) => ({ error: c });

/** {@link coreChecked} with this wizard's codes. */
const checked = (check: (x: number) => unknown, c: SmartErrorCode) => coreChecked(check, c);

export const specificSchema = z.object({
  channel: requiredText(MAX_TEXT),
  product: requiredText(MAX_TEXT),
  customers: optionalText(MAX_TEXT),
  occasion: optionalText(MAX_TEXT),
});

/**
 * The target is written into the sheet and split into milestones by `SALES.TARGET.SPLIT(target, days,
 * rounding unit)`: the rounding unit and the target's multiple of it are checked by the core's `unitsIn`,
 * the function the formula runs, so the form refuses exactly what would show #VALUE! in the sheet.
 */
export const measurableSchema = z
  .object({
    kpi: z.enum(KPIS),
    unit: requiredText(20),
    baseline: numberField("amount", z.number().min(0, code("notNegative"))),
    target: numberField("amount", z.number().gt(0, code("positive"))),
    roundTo: numberField("amount", checked((x) => requirePositive(x, { arg: "unit" }), "positive")),
    display: z.enum(AMOUNT_DISPLAYS),
  })
  .superRefine((m, ctx) => {
    // The growth cell (target ÷ baseline − 1) and the statement's percentage must be numbers a cell holds.
    if (m.baseline > 0 && !(Math.abs(m.target / m.baseline - 1) <= EXCEL_MAX)) {
      ctx.addIssue({ code: "custom", message: "growthTooLarge", path: ["baseline"], params: { min: toExcelPrecision(m.target / EXCEL_MAX) } });
    }
    // Amounts shown in 万 are followed by the unit: "5,000万元", never "5,000万万元".
    if (m.display === "wan" && m.unit.includes("万")) ctx.addIssue({ code: "custom", message: "unitHasWan", path: ["unit"] });
    coreIssue(
      ctx,
      () => unitsIn(m.target, m.roundTo),
      (error) => (error.code === "TOO_LARGE" ? { code: "tooLarge", path: ["target"] } : error.code === "NOT_MULTIPLE_OF_UNIT" ? { code: "notMultiple", path: ["target"] } : undefined),
    );
  });

/** An A1 range with an optional sheet: Sheet1!B2:B6, 'Sales 2024'!B2:B6, B2:B6. */
const ADDRESS = /^(('[^']+'|[^!'\s]+)!)?\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

export const achievableSchema = z.object({
  historyAddress: z.string().trim().refine((text) => text === "" || ADDRESS.test(text), code("address")),
});

export const relevantSchema = z.object({ strategy: requiredText(MAX_STRATEGY) });

/** Dates, cadence, and the tier ratios in percent (90 or 90%), checked by TARGET.TIERS's own rules. */
export const timeBoundSchema = z
  .object({
    start: dateField,
    end: dateField,
    cadence: z.enum(CADENCES as unknown as [Cadence, ...Cadence[]]),
    floorRatio: numberField("percent", checked(requireFloorRatio, "floorRatio")),
    challengeRatio: numberField("percent", checked(requireChallengeRatio, "challengeRatio")),
  })
  .superRefine((t, ctx) => {
    if (t.end <= t.start) ctx.addIssue({ code: "custom", message: "endBeforeStart", path: ["end"] });
    else if (countPeriods(t.start, t.end, t.cadence, MAX_PERIODS) > MAX_PERIODS) ctx.addIssue({ code: "custom", message: "tooManyPeriods", path: ["cadence"] });
  });

/** The wizard's steps in order, each with its schema. */
export const STEP_SCHEMAS = [specificSchema, measurableSchema, achievableSchema, relevantSchema, timeBoundSchema] as const;

export type SmartTarget = z.output<typeof specificSchema> &
  z.output<typeof measurableSchema> &
  z.output<typeof achievableSchema> &
  z.output<typeof relevantSchema> &
  z.output<typeof timeBoundSchema>;

/** The draft: every field as the form holds it (text). */
export type SmartDraft = Readonly<Record<keyof SmartTarget, string>>;

export const EMPTY_DRAFT: SmartDraft = {
  channel: "",
  product: "",
  customers: "",
  occasion: "",
  kpi: "sales",
  unit: "",
  baseline: "",
  target: "",
  roundTo: "1",
  display: "yuan",
  historyAddress: "",
  strategy: "",
  start: "",
  end: "",
  cadence: "monthly",
  floorRatio: "90",
  challengeRatio: "120",
};

/** One step's fields checked. */
export function validateStep(step: number, draft: SmartDraft): Validation<unknown, SmartErrorCode> {
  const schema = STEP_SCHEMAS[step];
  if (schema === undefined) return { ok: true, data: undefined };
  return validateWith<z.ZodType, SmartErrorCode>(schema, draft);
}

/** All steps checked together: the target the sheet is written from, or the errors of every step. */
export function validateSmart(draft: SmartDraft): Validation<SmartTarget, SmartErrorCode> {
  const errors: Record<string, SmartErrorCode> = {};
  const params: Record<string, Readonly<Record<string, unknown>>> = {};
  let data: Record<string, unknown> = {};
  for (const schema of STEP_SCHEMAS) {
    const result = validateWith<z.ZodType, SmartErrorCode>(schema, draft);
    if (result.ok) data = { ...data, ...(result.data as Record<string, unknown>) };
    else {
      Object.assign(errors, result.errors);
      Object.assign(params, result.params);
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, params };
  return { ok: true, data: data as SmartTarget };
}

/** The first step (0-based) with an error in `errors`, for jumping back to it. */
export function firstStepWithError(draft: SmartDraft): number | undefined {
  for (let step = 0; step < STEP_SCHEMAS.length; step++) if (!validateStep(step, draft).ok) return step;
  return undefined;
}
