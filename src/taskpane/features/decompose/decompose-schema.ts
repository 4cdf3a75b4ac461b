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
  | "periodWeights"
  | "unknownRegion"
  | "regionNoPeople"
  | "gridNeedsTime"
  | "gridNeedsRows"
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
export const TIME_METHODS = ["equal", "days", "typed", "seasonal"] as const;

/** The time level: which periods, and how the total is spread over them. */
export const timeSchema = z
  .object({
    periods: z.enum(PERIODS),
    custom: z.string(),
    method: z.enum(TIME_METHODS),
    history: z.string(),
    /** The history range as read (at picking, and again at submit); checked when it is the range typed. */
    historyData: z.custom<RangeData | undefined>().optional(),
    /** Weights typed per period (method "typed"), in the periods' order: Q2 and Q4 heavier for 618 and 双11. */
    weights: z.array(z.string()).optional(),
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
    let weights: number[] | undefined;
    if (time.method === "typed") {
      // One weight per period, each ≥ 0, not all 0: TARGET.SPLIT's rule, the period's field named.
      const typed = time.weights ?? [];
      const read: number[] = [];
      for (let i = 0; i < count; i++) {
        const parsed = weightAtLeastZero.safeParse(typed[i] ?? "");
        if (parsed.success) read.push(parsed.data);
        else ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "notNumber", path: ["weights", i], ...paramsOf(parsed.error.issues[0]) });
      }
      if (read.length === count && count > 0) {
        if (read.every((w) => w === 0)) ctx.addIssue({ code: "custom", message: "periodWeights", path: ["weights", 0] });
        else weights = read;
      }
    }
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
    return { periods: time.periods, custom, method: time.method, history, ...(weights === undefined ? {} : { weights }) };
  });

/** An issue's params, to pass on with it. */
function paramsOf(issue: unknown): { params?: Record<string, unknown> } {
  const params = (issue as { params?: Record<string, unknown> } | undefined)?.params;
  return params === undefined ? {} : { params };
}

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
        /** The region's name (when the salespeople share their regions' amounts); "" otherwise. */
        region: z.string().trim().max(MAX_TEXT, code("tooLong")).optional(),
        history: amountAtLeastZero,
        potential: weightAtLeastZero,
        ramp: numberField("percent", checked((x) => requireRate(x, { arg: "capacity" }, { allowZero: true }), "rampRange")),
      }),
    ),
  })
  .superRefine((s, ctx) => {
    if (s.people.length === 0 || s.parent === "regions") return; // by region: checked per region in decomposeSchemaWith
    checkQuotaWeights(s.people.map((_, i) => i), s, ctx);
  });

/**
 * QUOTA.ALLOCATE's own weights over the people at `indexes` (everyone, or one region's): what it would
 * refuse (all blend weights 0, history or potential all 0 while weighted, every ramp 0), the form refuses,
 * on the first of those people's fields.
 */
function checkQuotaWeights(
  indexes: readonly number[],
  s: { readonly blend: { readonly history: number; readonly potential: number; readonly even: number }; readonly people: readonly { readonly history: number; readonly potential: number; readonly ramp: number }[] },
  ctx: z.core.$RefinementCtx,
  prefix: readonly (string | number)[] = [],
): boolean {
  const people = indexes.map((i) => s.people[i]!);
  const first = indexes[0] ?? 0;
  return coreIssue(
    ctx,
    () =>
      quotaWeights({
        total: 0,
        history: people.map((p) => p.history),
        potential: people.map((p) => p.potential),
        weights: [s.blend.history, s.blend.potential, s.blend.even],
        capacity: people.map((p) => p.ramp),
      }),
    (error) => {
      if (error.code !== "ALL_ZERO") return undefined;
      switch (error.details.arg) {
        case "weights":
          return { code: "blendAllZero", path: [...prefix, "blend", "history"] };
        case "history":
          return { code: "historyAllZero", path: [...prefix, "people", first, "history"] };
        case "potential":
          return { code: "potentialAllZero", path: [...prefix, "people", first, "potential"] };
        default:
          return { code: "rampAllZero", path: [...prefix, "people", first, "ramp"] };
      }
    },
  );
}

/** Which level's rows the rows × periods plan (TARGET.GRID) has. */
export const GRID_ROWS = ["salespeople", "channels", "regions"] as const;
export type GridRows = (typeof GRID_ROWS)[number];

/** The form as typed: every part is present; only the chosen levels are validated. */
export interface DecomposeDraft {
  readonly levels: Readonly<Record<Level, boolean>>;
  readonly base: z.input<typeof baseSchema>;
  readonly time: z.input<typeof timeSchema>;
  readonly channels: z.input<typeof weightedSchema>;
  readonly products: z.input<typeof weightedSchema>;
  /**
   * A product mix per channel (channels × product lines, in the lists' order), each cell a weight or ""
   * for the product line's own weight; absent or `perChannel` false: one mix for every channel.
   */
  readonly productMix?: { readonly perChannel: boolean; readonly cells: readonly (readonly string[])[] };
  readonly regions: z.input<typeof weightedSchema>;
  readonly salespeople: z.input<typeof salespeopleSchema>;
  /** The rows × periods plan: on, and whose rows (absent: off). */
  readonly grid?: { readonly on: boolean; readonly rows: GridRows };
}

export type TimeLevel = z.output<typeof timeSchema>;
export interface SalespeopleLevel extends Omit<z.output<typeof salespeopleSchema>, "parent" | "people"> {
  /** "total", the 0-based index of the channel whose amount they share, or "regions": each their region's. */
  readonly parent: "total" | number | "regions";
  readonly people: readonly SalespersonRow[];
}

export interface SalespersonRow {
  readonly name: string;
  readonly history: number;
  readonly potential: number;
  readonly ramp: number;
  /** The 0-based index of the person's region, when the parent is "regions". */
  readonly region?: number;
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
  /** A product mix per channel (channels × product lines); absent: the product lines' weights for every channel. */
  readonly productMix?: readonly (readonly number[])[];
  readonly regions?: readonly Weighted[];
  readonly salespeople?: SalespeopleLevel;
  /** The rows × periods plan of TARGET.GRID, and whose rows; absent: none. */
  readonly grid?: GridRows;
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
    const productMix = levels.products && channels !== undefined && products !== undefined && draft.productMix?.perChannel ? mixOf(draft, products, ctx) : undefined;
    let salespeople: SalespeopleLevel | undefined;
    if (levels.salespeople) {
      const parsed = parsePart(salespeopleSchema, draft.salespeople, "salespeople", ctx);
      const parentText = draft.salespeople.parent;
      const index = /^\d+$/.test(parentText) ? Number(parentText) : undefined;
      const parentOk =
        parentText === "total" || (parentText === "regions" && levels.regions) || (index !== undefined && levels.channels && index < draft.channels.length);
      if (!parentOk) ctx.addIssue({ code: "custom", message: "parentMissing", path: ["salespeople", "parent"] });
      if (parsed !== undefined && parentOk) {
        if (parentText === "regions") salespeople = regions === undefined ? undefined : byRegion(parsed, regions, ctx);
        else salespeople = { ...parsed, parent: index ?? "total", people: parsed.people.map(({ region: _, ...p }) => p) };
      }
    }
    let grid: GridRows | undefined;
    if (draft.grid?.on) {
      if (!levels.time) ctx.addIssue({ code: "custom", message: "gridNeedsTime", path: ["grid"] });
      else if (!levels[draft.grid.rows]) ctx.addIssue({ code: "custom", message: "gridNeedsRows", path: ["grid"] });
      else grid = draft.grid.rows;
      // The plan's headers are the period names beside the rows' header, Sum and Check.
      if (grid !== undefined && time !== undefined && time.periods === "custom") {
        time.custom.forEach((label) => reserved.has(label.toLowerCase()) && ctx.addIssue({ code: "custom", message: "reservedName", path: ["time", "custom"] }));
      }
    }
    // On failure zod discards this value; on success every chosen part parsed.
    return { period: base?.period ?? "", total: base?.total as DecomposeTotal, unit: base?.unit ?? 1, display: base?.display ?? "yuan", time, channels, products, productMix, regions, salespeople, grid };
  });

/** The product mix of each channel: a typed weight, or the product line's own where blank; not all 0 per channel. */
function mixOf(draft: DecomposeDraft, products: readonly Weighted[], ctx: z.core.$RefinementCtx): number[][] | undefined {
  const cells = draft.productMix?.cells ?? [];
  let ok = true;
  const mix = draft.channels.map((_, c) => {
    const row = products.map((product, p) => {
      const text = cells[c]?.[p] ?? "";
      if (text.trim() === "") return product.weight;
      const parsed = weightAtLeastZero.safeParse(text);
      if (parsed.success) return parsed.data;
      ok = false;
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "notNumber", path: ["productMix", c, p], ...paramsOf(parsed.error.issues[0]) });
      return 0;
    });
    if (ok && row.every((w) => w === 0)) {
      ok = false;
      ctx.addIssue({ code: "custom", message: "allZero", path: ["productMix", c, 0] });
    }
    return row;
  });
  return ok ? mix : undefined;
}

/**
 * Salespeople within their regions: each person names a listed region, each region has someone, and
 * QUOTA.ALLOCATE can split each region's amount over its people.
 */
function byRegion(parsed: z.output<typeof salespeopleSchema>, regions: readonly Weighted[], ctx: z.core.$RefinementCtx): SalespeopleLevel | undefined {
  const index = new Map(regions.map((r, i) => [r.name.toLowerCase(), i]));
  let ok = true;
  const people = parsed.people.map((p, i) => {
    const region = index.get((p.region ?? "").trim().toLowerCase());
    if (region === undefined) {
      ok = false;
      ctx.addIssue({ code: "custom", message: (p.region ?? "").trim() === "" ? "required" : "unknownRegion", path: ["salespeople", "people", i, "region"] });
    }
    return { name: p.name, history: p.history, potential: p.potential, ramp: p.ramp, region: region ?? 0 };
  });
  if (!ok) return undefined;
  regions.forEach((_, r) => {
    const members = people.flatMap((p, i) => (p.region === r ? [i] : []));
    if (members.length === 0) {
      ok = false;
      ctx.addIssue({ code: "custom", message: "regionNoPeople", path: ["regions", r, "name"] });
    } else if (!checkQuotaWeights(members, parsed, ctx, ["salespeople"])) {
      ok = false;
    }
  });
  return ok ? { blend: parsed.blend, parent: "regions", people } : undefined;
}

export const decomposeSchema = decomposeSchemaWith();

/** Parses a draft; on failure, the first problem of each field, keyed by its dotted path. */
export function validateDecompose(draft: DecomposeDraft, reservedProductNames: readonly string[] = []): Validation<DecomposeInput> {
  const schema = decomposeSchemaWith(reservedProductNames);
  return validateWith<typeof schema, DecomposeErrorCode>(schema, draft);
}
