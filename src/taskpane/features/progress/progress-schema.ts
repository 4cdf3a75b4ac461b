/**
 * What the Progress form accepts, step by step: one zod schema per step over the draft's text and the
 * ranges read from the workbook (the plan, the order export). Issue messages are ProgressErrorCodes (the
 * page words them); paths name the field ("year", "leavers.1.takers"). A picked range is checked by the
 * readers in plan-source.ts and orders.ts — the same rules the sheet's formulas need — and its problem is
 * the issue's params.
 */
import { z } from "zod";
import { requirePositive } from "../../../core/shared/checks";
import type { RangeData } from "../../../excel/gateway";
import { AMOUNT_DISPLAYS } from "../../components/amount-format";
import { coreChecked, dateField, numberField, optionalText, requiredText } from "../../components/form-fields";
import { validateWith, type Validation } from "../../components/validation";
import { SPLIT_METHODS } from "./adjust-plan";
import { readOrders, type OrderExport } from "./orders";
import { readDecomposeSheet, readTargetRange, type PlanSource } from "./plan-source";

export type ProgressErrorCode =
  | "required"
  | "tooLong"
  | "notNumber"
  | "percentNotAmount"
  | "tooLarge"
  | "date"
  | "notPicked"
  | "plan"
  | "orders"
  | "year"
  | "unitPositive"
  | "monthsDone"
  | "percentRange"
  | "amberAboveGreen"
  | "version"
  | "unknownPerson"
  | "leaverTwice"
  | "takerIsLeaver"
  | "noTakers"
  | "everyoneLeaves";

export const MAX_TEXT = 255;
export const MAX_LEAVERS = 20;

/** The form's text and what was read from the workbook for it. */
export interface ProgressDraft {
  readonly source: string;
  readonly planAddress: string;
  readonly planData: RangeData | undefined;
  readonly year: string;
  readonly unit: string;
  readonly actuals: string;
  readonly ordersAddress: string;
  readonly ordersData: RangeData | undefined;
  readonly monthsDone: string;
  readonly basis: string;
  readonly green: string;
  readonly amber: string;
  readonly display: string;
  readonly reviewSheet: string;
  readonly method: string;
  readonly version: string;
  readonly reason: string;
  readonly who: string;
  readonly date: string;
  readonly leavers: readonly { readonly leaver: string; readonly takers: string }[];
}

const issue = (ctx: z.core.$RefinementCtx, message: ProgressErrorCode, path: PropertyKey[], params?: Record<string, unknown>) =>
  ctx.addIssue({ code: "custom", message, path, ...(params === undefined ? {} : { params }) });

const wholeIn = (min: number, max: number, code: ProgressErrorCode) =>
  numberField("amount", z.number().int({ error: code }).min(min, { error: code }).max(max, { error: code }));

/** The plan read as the source says (a unit only matters for one column of quotas). */
export function planRead(draft: Pick<ProgressDraft, "source" | "planData">, unit: number) {
  if (draft.planData === undefined) return undefined;
  return draft.source === "decompose" ? readDecomposeSheet(draft.planData) : readTargetRange(draft.planData, unit);
}

const planSchema = z
  .object({
    source: z.enum(["decompose", "range"]),
    planAddress: z.string(),
    planData: z.custom<RangeData | undefined>(),
    year: wholeIn(1900, 9998, "year"),
    unit: z.string(),
  })
  .transform((s, ctx) => {
    let unit = 1;
    if (s.source === "range") {
      const parsed = numberField("amount", coreChecked((x) => requirePositive(x, { arg: "unit" }), "unitPositive")).safeParse(s.unit);
      if (parsed.success) unit = parsed.data;
      else issue(ctx, parsed.error.issues[0]!.message as ProgressErrorCode, ["unit"]);
    }
    if (s.planAddress.trim() === "" || s.planData === undefined) {
      issue(ctx, "notPicked", ["planAddress"]);
      return z.NEVER;
    }
    const read = planRead(s, unit);
    if (read === undefined || !read.ok) {
      issue(ctx, "plan", ["planAddress"], read === undefined ? undefined : { ...read.problem });
      return z.NEVER;
    }
    return { plan: read.source as PlanSource, year: s.year, unit };
  });

const actualsSchema = z
  .object({
    actuals: z.enum(["typed", "orders"]),
    ordersAddress: z.string(),
    ordersData: z.custom<RangeData | undefined>(),
    monthsDone: wholeIn(1, 12, "monthsDone"),
  })
  .transform((s, ctx) => {
    let orders: OrderExport | undefined;
    if (s.actuals === "orders") {
      if (s.ordersAddress.trim() === "" || s.ordersData === undefined) issue(ctx, "notPicked", ["ordersAddress"]);
      else {
        const read = readOrders(s.ordersData);
        if (read.ok) orders = read.orders;
        else issue(ctx, "orders", ["ordersAddress"], { ...read.problem });
      }
    }
    return { orders, monthsDone: s.monthsDone };
  });

const percent = numberField("percent", z.number().min(0, { error: "percentRange" }).max(10, { error: "percentRange" }));

const reviewSchema = z
  .object({ basis: z.enum(["plan", "days"]), green: percent, amber: percent, display: z.enum(AMOUNT_DISPLAYS) })
  .superRefine((s, ctx) => {
    if (s.amber >= s.green) issue(ctx, "amberAboveGreen", ["amber"]);
  });

/** Names in a takers cell: separated by commas (either width), 、 or semicolons. */
export const splitNames = (text: string) =>
  text
    .split(/[,，、;；]/)
    .map((name) => name.trim())
    .filter((name) => name !== "");

/** The version's own fields. */
const adjustFieldsSchema = z.object({
  reviewSheet: requiredText(MAX_TEXT),
  method: z.enum(SPLIT_METHODS),
  version: wholeIn(2, 999, "version"),
  reason: requiredText(MAX_TEXT),
  who: requiredText(MAX_TEXT),
  date: dateField,
});

/** Leavers and the colleagues taking over, by their indexes in the plan's `names`: checked apart from the fields, so that every problem shows at once. */
const leaversSchema = (names: readonly string[]) =>
  z
    .object({ leavers: z.array(z.object({ leaver: optionalText(MAX_TEXT), takers: optionalText(MAX_TEXT) })).max(MAX_LEAVERS, { error: "tooLong" }) })
    .transform((s, ctx) => {
      const index = new Map(names.map((name, i) => [name.toLowerCase(), i]));
      const leaving = new Set<number>();
      const leavers: { person: number; takers: number[] }[] = [];
      s.leavers.forEach((row, i) => {
        if (row.leaver === "" && row.takers === "") return;
        const person = index.get(row.leaver.toLowerCase());
        if (row.leaver === "") return issue(ctx, "required", ["leavers", i, "leaver"]);
        if (person === undefined) return issue(ctx, "unknownPerson", ["leavers", i, "leaver"], { names: row.leaver });
        if (leaving.has(person)) return issue(ctx, "leaverTwice", ["leavers", i, "leaver"]);
        leaving.add(person);
        leavers.push({ person, takers: [] });
      });
      s.leavers.forEach((row, i) => {
        const leaver = leavers.find((l) => names[l.person]!.toLowerCase() === row.leaver.toLowerCase());
        if (leaver === undefined) return;
        const takers = splitNames(row.takers);
        if (takers.length === 0) return issue(ctx, "noTakers", ["leavers", i, "takers"]);
        const unknown = takers.filter((name) => !index.has(name.toLowerCase()));
        if (unknown.length > 0) return issue(ctx, "unknownPerson", ["leavers", i, "takers"], { names: unknown.join("、") });
        const indexes = [...new Set(takers.map((name) => index.get(name.toLowerCase())!))];
        const gone = indexes.filter((k) => leaving.has(k));
        if (gone.length > 0) return issue(ctx, "takerIsLeaver", ["leavers", i, "takers"], { names: gone.map((k) => names[k]).join("、") });
        leaver.takers = indexes;
      });
      if (names.length > 0 && leaving.size >= names.length) issue(ctx, "everyoneLeaves", ["leavers"]);
      return leavers;
    });

export type PlanStep = z.output<typeof planSchema>;
export type ActualsStep = z.output<typeof actualsSchema>;
export type ReviewStep = z.output<typeof reviewSchema>;
export type AdjustStep = z.output<typeof adjustFieldsSchema> & { readonly leavers: z.output<ReturnType<typeof leaversSchema>> };

export const validatePlan = (d: ProgressDraft): Validation<PlanStep, ProgressErrorCode> =>
  validateWith(planSchema, { source: d.source as "range", planAddress: d.planAddress, planData: d.planData, year: d.year, unit: d.unit });
export const validateActuals = (d: ProgressDraft): Validation<ActualsStep, ProgressErrorCode> =>
  validateWith(actualsSchema, { actuals: d.actuals as "typed", ordersAddress: d.ordersAddress, ordersData: d.ordersData, monthsDone: d.monthsDone });
export const validateReview = (d: ProgressDraft): Validation<ReviewStep, ProgressErrorCode> =>
  validateWith(reviewSchema, { basis: d.basis as "plan", green: d.green, amber: d.amber, display: d.display as "yuan" });
export function validateAdjust(d: ProgressDraft, names: readonly string[]): Validation<AdjustStep, ProgressErrorCode> {
  const fields = validateWith<typeof adjustFieldsSchema, ProgressErrorCode>(adjustFieldsSchema, {
    reviewSheet: d.reviewSheet,
    method: d.method as "even",
    version: d.version,
    reason: d.reason,
    who: d.who,
    date: d.date,
  });
  const leavers = validateWith<ReturnType<typeof leaversSchema>, ProgressErrorCode>(leaversSchema(names), { leavers: [...d.leavers] });
  if (fields.ok && leavers.ok) return { ok: true, data: { ...fields.data, leavers: leavers.data } };
  return {
    ok: false,
    errors: { ...(fields.ok ? {} : fields.errors), ...(leavers.ok ? {} : leavers.errors) },
    params: { ...(fields.ok ? {} : fields.params), ...(leavers.ok ? {} : leavers.params) },
  };
}
