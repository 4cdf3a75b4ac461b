/**
 * What the Decompose form accepts: one zod schema per part (the total and unit, each level), composed by
 * `decomposeSchema`, which validates only the levels the user chose and adds the rules across parts (the
 * total a multiple of the unit, product lines need channels, the salespeople's parent channel exists).
 * Each issue's message is a DecomposeErrorCode (the view turns it into a sentence in the pane's language);
 * its path names the field, e.g. "channels.2.weight", "base.total", "salespeople.blend.history".
 */
import { z } from "zod";
import { requireNonNegative, requirePositive } from "../../../core/shared/checks";
import { isCoreError, type ErrorDetails } from "../../../core/shared/errors";
import { requireRate } from "../../../core/shared/rates";
import { quotaWeights } from "../../../core/targets/quota";
import { checkWeights, unitsIn } from "../../../core/targets/split";
import { parseRange, type RangeRef } from "../../../excel/address";
import type { CellValue, RangeData } from "../../../excel/gateway";
import { AMOUNT_DISPLAYS, type AmountDisplay } from "../../components/amount-format";
import { seasonalHistory, type HistoryProblemCode } from "../../components/history-range";
import { coreChecked, coreIssue, numberField, readNumberField } from "../../components/form-fields";
import { validateWith, type FieldErrors as Errors, type Validation as Result } from "../../components/validation";

export type DecomposeErrorCode =
  | "required"
  | "tooLong"
  | "notNumber"
  | "percentNotAmount"
  | "tooLarge"
  | "totalTooLarge"
  | "unitPositive"
  | "notMultiple"
  | "nonNegative"
  | "allZero"
  | "noRows"
  | "tooManyRows"
  | "duplicate"
  | "reservedName"
  | "noLevel"
  | "rampRange"
  | "rampAllZero"
  | "blendAllZero"
  | "badAddress"
  | "notOneCell"
  | "cellNotNumber"
  | "notPicked"
  | "historyShape"
  | "customPeriods"
  | "daysNeedMonths"
  | "productsNeedChannels"
  | "parentMissing"
  | "historyAllZero"
  | "potentialAllZero"
  | "totalPositive"
  | HistoryProblemCode;

export type FieldErrors = Errors<DecomposeErrorCode>;
export type Validation<T> = Result<T, DecomposeErrorCode>;

export const MAX_ROWS = 50;

export const MAX_TEXT = 255;

export const LEVELS = ["time", "channels", "products", "regions", "salespeople"] as const;
export type Level = (typeof LEVELS)[number];

/**
 * The problem TARGET.SPLIT would have with `total` at `unit` — the core's own check (`unitsIn`), so the
 * form refuses exactly what the sheet's formulas would: "unitPositive", "totalTooLarge" (params `max`, the
 * largest total at this unit) or "notMultiple" (params `below`, `above`: the nearest multiples). Undefined
 * when the split can be made.
 */
export function totalProblem(total: number, unit: number): { readonly code: DecomposeErrorCode; readonly params: Readonly<Record<string, number>> } | undefined {
  try {
    unitsIn(total, unit);
    return undefined;
  } catch (error) {
    if (!isCoreError(error)) throw error;
    if (error.code === "TOO_LARGE") return { code: "totalTooLarge", params: { max: (error.details as ErrorDetails["TOO_LARGE"]).max } };
    if (error.code === "NOT_MULTIPLE_OF_UNIT") {
      // A multiple beyond the largest double is left out by the core; the pane then offers the other one twice.
      const { below, above } = error.details as ErrorDetails["NOT_MULTIPLE_OF_UNIT"];
      return { code: "notMultiple", params: { below: below ?? above ?? 0, above: above ?? below ?? 0 } };
    }
    return { code: "unitPositive", params: {} }; // TOO_SMALL: the unit
  }
}

const code = (c: DecomposeErrorCode) => ({ error: c });
const requiredText = z.string().trim().min(1, code("required")).max(MAX_TEXT, code("tooLong"));

/** {@link coreChecked} with this wizard's codes. */
const checked = (check: (x: number) => unknown, c: DecomposeErrorCode) => coreChecked(check, c);

/** An amount ≥ 0 (last year's sales): QUOTA.ALLOCATE's rule for history. */
const amountAtLeastZero = numberField("amount", checked((x) => requireNonNegative(x, { arg: "history" }), "nonNegative"));
/** A proportion ≥ 0 (weights, potential): TARGET.SPLIT's and QUOTA.ALLOCATE's rule. */
const weightAtLeastZero = numberField("weight", checked((x) => requireNonNegative(x, { arg: "weights" }), "nonNegative"));

/** The total, where it comes from, the unit and the period label. */
export const baseSchema = z
  .object({
    period: z.string().trim().max(MAX_TEXT, code("tooLong")),
    source: z.enum(["typed", "cell"]),
    total: z.string(),
    /** The picked cell's address as the gateway reports it ("'SMART target'!B8"), "" before picking. */
    cell: z.string(),
    /** The picked cell's value when it was picked. */
    cellValue: z.custom<CellValue>(),
    unit: numberField("amount", checked((x) => requirePositive(x, { arg: "unit" }), "unitPositive")),
    display: z.enum(AMOUNT_DISPLAYS).optional(),
  })
  .transform((base, ctx) => {
    let total: DecomposeTotal | undefined;
    if (base.source === "typed") {
      const reading = readNumberField(base.total, "amount");
      if (reading.ok) total = { kind: "typed", value: reading.value };
      else ctx.addIssue({ code: "custom", message: reading.code, path: ["total"], ...(reading.params === undefined ? {} : { params: reading.params }) });
    } else {
      const ref = parseRange(base.cell);
      if (base.cell.trim() === "") ctx.addIssue({ code: "custom", message: "notPicked", path: ["cell"] });
      else if (ref === undefined || ref.sheet === undefined) ctx.addIssue({ code: "custom", message: "badAddress", path: ["cell"] });
      else if (ref.rows !== 1 || ref.columns !== 1) ctx.addIssue({ code: "custom", message: "notOneCell", path: ["cell"] });
      else if (typeof base.cellValue !== "number" || !Number.isFinite(base.cellValue)) ctx.addIssue({ code: "custom", message: "cellNotNumber", path: ["cell"] });
      else total = { kind: "cell", sheet: ref.sheet, row: ref.row, column: ref.column, value: base.cellValue };
    }
    // A target to split is above 0: the functions would split a negative total too (a gap to take back),
    // into negative targets, which is never what this form is for.
    const problem = total === undefined ? undefined : total.value > 0 ? totalProblem(total.value, base.unit) : { code: "totalPositive" as const, params: { value: total.value } };
    if (total !== undefined && problem !== undefined) {
      ctx.addIssue({ code: "custom", message: problem.code, path: [total.kind === "typed" ? "total" : "cell"], params: problem.params });
    }
    return { period: base.period, total: total as DecomposeTotal, unit: base.unit, display: base.display ?? "yuan" };
  });

export type DecomposeTotal =
  | { readonly kind: "typed"; readonly value: number }
  /** A cell elsewhere in the workbook (0-based row and column), with its value when picked. */
  | { readonly kind: "cell"; readonly sheet: string; readonly row: number; readonly column: number; readonly value: number };

/** Rows of a list: at least one, at most MAX_ROWS, names unique (case-insensitive). */
const namedRows = <T extends z.ZodType<{ name: string }>>(row: T) =>
  z
    .array(row)
    .min(1, code("noRows"))
    .max(MAX_ROWS, code("tooManyRows"))
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((r, i) => {
        const key = r.name.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", message: "duplicate", path: [i, "name"] });
        seen.add(key);
      });
    });

/** Names with weights ≥ 0, not all 0 (only their proportions count): TARGET.SPLIT's rule for weights. */
export const weightedSchema = namedRows(z.object({ name: requiredText, weight: weightAtLeastZero })).superRefine((rows, ctx) => {
  if (rows.length === 0) return; // "noRows" says it already
  coreIssue(
    ctx,
    () => checkWeights(rows.map((r) => r.weight)),
    (error) => (error.code === "ALL_ZERO" ? { code: "allZero", path: [0, "weight"] } : undefined),
  );
});
export type Weighted = z.output<typeof weightedSchema>[number];

export const PERIODS = ["months", "quarters", "custom"] as const;
export const TIME_METHODS = ["equal", "days", "seasonal"] as const;

/** The time level: which periods, and how the total is spread over them. */
export const timeSchema = z
  .object({
    periods: z.enum(PERIODS),
    custom: z.string(),
    method: z.enum(TIME_METHODS),
    history: z.string(),
    /** The history range as read (at picking, and again at submit); checked when it is the range typed. */
    historyData: z.custom<RangeData | undefined>().optional(),
  })
  .transform((time, ctx) => {
    const custom = time.custom
      .split(/[,，、;；]/)
      .map((label) => label.trim())
      .filter((label) => label !== "");
    const count = time.periods === "months" ? 12 : time.periods === "quarters" ? 4 : custom.length;
    if (time.periods === "custom") {
      if (custom.length < 2 || custom.length > 60) ctx.addIssue({ code: "custom", message: "customPeriods", path: ["custom"] });
      else if (custom.some((label) => label.length > MAX_TEXT)) ctx.addIssue({ code: "custom", message: "tooLong", path: ["custom"] });
      else if (new Set(custom.map((label) => label.toLowerCase())).size !== custom.length) ctx.addIssue({ code: "custom", message: "duplicate", path: ["custom"] });
    }
    if (time.method === "days" && time.periods !== "months") ctx.addIssue({ code: "custom", message: "daysNeedMonths", path: ["method"] });
    let history: SeasonalHistory | undefined;
    if (time.method === "seasonal") {
      const ref = parseRange(time.history);
      if (time.history.trim() === "") ctx.addIssue({ code: "custom", message: "required", path: ["history"] });
      else if (ref === undefined || ref.sheet === undefined) ctx.addIssue({ code: "custom", message: "badAddress", path: ["history"] });
      else {
        const block = ref.rows > 1 && ref.columns > 1;
        const fits = block ? ref.columns === count : Math.max(ref.rows, ref.columns) >= count;
        const content = time.historyData !== undefined && sameRange(time.historyData.address, ref) ? seasonalHistory(time.historyData, count) : undefined;
        if (count >= 2 && !fits) ctx.addIssue({ code: "custom", message: "historyShape", path: ["history"] });
        else if (content !== undefined && !content.ok) ctx.addIssue({ code: "custom", message: content.code, path: ["history"], params: content.params });
        else history = { sheet: ref.sheet, row: ref.row, column: ref.column, rows: ref.rows, columns: ref.columns };
      }
    }
    return { periods: time.periods, custom, method: time.method, history };
  });

/** The address a read reported names the same rectangle as `ref` (sheet names compare case-insensitively, as Excel's). */
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

/** A history range elsewhere in the workbook (0-based). */
export interface SeasonalHistory {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** A blend weight in percent (30 or 30%, read as 0.3), ≥ 0: QUOTA.ALLOCATE's rule for `weights`. */
const percentBlend = numberField("percent", checked((x) => requireNonNegative(x, { arg: "weights" }), "nonNegative"));

/** The salespeople: each one's last year, potential and ramp; the blend of history / potential / even. */
export const salespeopleSchema = z
  .object({
    parent: z.string(),
    blend: z.object({ history: percentBlend, potential: percentBlend, even: percentBlend }),
    people: namedRows(
      z.object({
        name: requiredText,
        history: amountAtLeastZero,
        potential: weightAtLeastZero,
        ramp: numberField("percent", checked((x) => requireRate(x, { arg: "capacity" }, { allowZero: true }), "rampRange")),
      }),
    ),
  })
  .superRefine((s, ctx) => {
    if (s.people.length === 0) return;
    // QUOTA.ALLOCATE's own weights: what it would refuse (all blend weights 0, history or potential all 0
    // while weighted, every ramp 0), the form refuses.
    coreIssue(
      ctx,
      () =>
        quotaWeights({
          total: 0,
          history: s.people.map((p) => p.history),
          potential: s.people.map((p) => p.potential),
          weights: [s.blend.history, s.blend.potential, s.blend.even],
          capacity: s.people.map((p) => p.ramp),
        }),
      (error) => {
        if (error.code !== "ALL_ZERO") return undefined;
        switch (error.details.arg) {
          case "weights":
            return { code: "blendAllZero", path: ["blend", "history"] };
          case "history":
            return { code: "historyAllZero", path: ["people", 0, "history"] };
          case "potential":
            return { code: "potentialAllZero", path: ["people", 0, "potential"] };
          default:
            return { code: "rampAllZero", path: ["people", 0, "ramp"] };
        }
      },
    );
  });

/** The form as typed: every part is present; only the chosen levels are validated. */
export interface DecomposeDraft {
  readonly levels: Readonly<Record<Level, boolean>>;
  readonly base: z.input<typeof baseSchema>;
  readonly time: z.input<typeof timeSchema>;
  readonly channels: z.input<typeof weightedSchema>;
  readonly products: z.input<typeof weightedSchema>;
  readonly regions: z.input<typeof weightedSchema>;
  readonly salespeople: z.input<typeof salespeopleSchema>;
}

export type TimeLevel = z.output<typeof timeSchema>;
export interface SalespeopleLevel extends Omit<z.output<typeof salespeopleSchema>, "parent"> {
  /** "total", or the 0-based index of the channel whose amount they share. */
  readonly parent: "total" | number;
}

/** What the plan builder receives: the base, and each chosen level (absent when not chosen). */
export interface DecomposeInput {
  readonly period: string;
  readonly total: DecomposeTotal;
  readonly unit: number;
  /** How the sheet shows amounts (default yuan). */
  readonly display?: AmountDisplay;
  readonly time?: TimeLevel;
  readonly channels?: readonly Weighted[];
  readonly products?: readonly Weighted[];
  readonly regions?: readonly Weighted[];
  readonly salespeople?: SalespeopleLevel;
}

/** Parses `value` with `schema`, forwarding its issues under `prefix`; undefined when it has any. */
function parsePart<S extends z.ZodType>(schema: S, value: unknown, prefix: string, ctx: z.core.$RefinementCtx): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const params = (issue as { params?: Record<string, unknown> }).params;
    ctx.addIssue({ code: "custom", message: issue.message, path: [prefix, ...issue.path], ...(params === undefined ? {} : { params }) });
  }
  return undefined;
}

/**
 * The schema of the whole form. Product lines become the product table's column headers beside
 * `reservedProductNames` (its other headers: Channel, Sum, Check in the sheet's language), and Excel
 * renames a repeated header ("Sum2"), so a product line may not take one of them.
 */
export const decomposeSchemaWith = (reservedProductNames: readonly string[] = []) =>
  z.custom<DecomposeDraft>().transform((draft, ctx): DecomposeInput => {
    const { levels } = draft;
    const base = parsePart(baseSchema, draft.base, "base", ctx);
    if (!LEVELS.some((level) => levels[level])) ctx.addIssue({ code: "custom", message: "noLevel", path: ["levels"] });
    if (levels.products && !levels.channels) ctx.addIssue({ code: "custom", message: "productsNeedChannels", path: ["levels", "products"] });
    const time = levels.time ? parsePart(timeSchema, draft.time, "time", ctx) : undefined;
    const channels = levels.channels ? parsePart(weightedSchema, draft.channels, "channels", ctx) : undefined;
    const products = levels.products ? parsePart(weightedSchema, draft.products, "products", ctx) : undefined;
    const reserved = new Set(reservedProductNames.map((name) => name.trim().toLowerCase()));
    products?.forEach((p, i) => reserved.has(p.name.toLowerCase()) && ctx.addIssue({ code: "custom", message: "reservedName", path: ["products", i, "name"] }));
    const regions = levels.regions ? parsePart(weightedSchema, draft.regions, "regions", ctx) : undefined;
    let salespeople: SalespeopleLevel | undefined;
    if (levels.salespeople) {
      const parsed = parsePart(salespeopleSchema, draft.salespeople, "salespeople", ctx);
      const parentText = draft.salespeople.parent;
      const index = /^\d+$/.test(parentText) ? Number(parentText) : undefined;
      const parentOk = parentText === "total" || (index !== undefined && levels.channels && index < draft.channels.length);
      if (!parentOk) ctx.addIssue({ code: "custom", message: "parentMissing", path: ["salespeople", "parent"] });
      if (parsed !== undefined && parentOk) salespeople = { ...parsed, parent: index ?? "total" };
    }
    // On failure zod discards this value; on success every chosen part parsed.
    return { period: base?.period ?? "", total: base?.total as DecomposeTotal, unit: base?.unit ?? 1, display: base?.display ?? "yuan", time, channels, products, regions, salespeople };
  });

export const decomposeSchema = decomposeSchemaWith();

/** Parses a draft; on failure, the first problem of each field, keyed by its dotted path. */
export function validateDecompose(draft: DecomposeDraft, reservedProductNames: readonly string[] = []): Validation<DecomposeInput> {
  const schema = decomposeSchemaWith(reservedProductNames);
  return validateWith<typeof schema, DecomposeErrorCode>(schema, draft);
}
