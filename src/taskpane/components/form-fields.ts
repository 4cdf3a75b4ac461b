/**
 * Form fields as people type them, shared by every wizard's zod schema. Numbers and dates are read by the
 * core's readers — the same ones the SALES functions use for cells (core/shared/number-text.ts,
 * excel-date.ts) — so "1.2万", "¥1,200", "１２００" or "2024年3月1日" mean the same in a cell and in a field.
 *
 * Issue messages are codes (the wizard words them in the pane's language): "required" for an empty field,
 * "notNumber" for text that is not a number, "percentNotAmount" for a percentage where an amount is wanted
 * (params `text`), "tooLarge" beyond the largest number a cell holds (params `max`); the range checks of a
 * field carry the wizard's own codes. A rule the SALES functions also apply is checked by calling the core
 * (see {@link coreIssue}), never by a copy.
 */
import { z } from "zod";
import { isCoreError, type CoreError } from "../../core/shared/errors";
import { dayFromText } from "../../core/shared/excel-date";
import { readNumberText, shiftedValue } from "../../core/shared/number-text";
import { EXCEL_MAX } from "../../core/shared/rounding";

/**
 * What a number field holds, which decides how "30%" and "30" read:
 *
 * | kind | for | "30" | "30%" | money, 万/亿 |
 * |---|---|---|---|---|
 * | amount | money, quantities, units (baseline, total, last year's sales) | 30 | error "percentNotAmount" | read (1.2万 = 12000) |
 * | weight | proportions, only their ratios count (channel weights, potential) | 30 | 30 (same proportions as 30) | read |
 * | percent | a percentage the label marks "(%)" (ramp, growth, floor ratio) | 0.3 | 0.3 | "notNumber" |
 * | ratio | a multiple the label marks "(×)" (relative market share) | 30 | 0.3 | "notNumber" |
 * | scale | a whole-number rating (1–5) | 30 | 0.3 (then out of range) | "notNumber" |
 */
export type NumberKind = "amount" | "weight" | "percent" | "ratio" | "scale";

/** The codes a number field raises itself, before its range checks. */
export type NumberFieldCode = "required" | "notNumber" | "percentNotAmount" | "tooLarge";

/** What a message needs beyond its code: the text as typed, a limit… */
export type IssueParams = Readonly<Record<string, string | number>>;

export type FieldReading =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly code: NumberFieldCode; readonly params?: IssueParams };

/** Unbounded kinds are checked against the largest number a cell holds; the others have their own ranges. */
const UNBOUNDED: ReadonlySet<NumberKind> = new Set<NumberKind>(["amount", "weight"]);

/** A field's text read as its kind says (see {@link NumberKind}). */
export function readNumberField(text: string, kind: NumberKind): FieldReading {
  if (text.trim() === "") return { ok: false, code: "required" };
  const number = readNumberText(text);
  if (number === undefined) return { ok: false, code: "notNumber" };
  let value: number;
  switch (kind) {
    case "amount":
      if (number.percent) return { ok: false, code: "percentNotAmount", params: { text: text.trim() } };
      value = number.value;
      break;
    case "weight":
      value = number.percent ? shiftedValue(number, 2) : number.value;
      break;
    case "percent":
      if (number.amount) return { ok: false, code: "notNumber" };
      value = number.percent ? number.value : shiftedValue(number, -2);
      break;
    case "ratio":
    case "scale":
      if (number.amount) return { ok: false, code: "notNumber" };
      value = number.value;
      break;
  }
  if (!(Math.abs(value) <= EXCEL_MAX)) {
    if (UNBOUNDED.has(kind)) return { ok: false, code: "tooLarge", params: { max: EXCEL_MAX } };
    value = Math.sign(value) * Number.MAX_VALUE; // finite, so that the field's own range rejects it by name
  }
  return { ok: true, value };
}

/** A field's value for a live preview (growth needed, the running total of weights), NaN when it does not read. */
export function fieldValue(text: string, kind: NumberKind): number {
  const reading = readNumberField(text, kind);
  return reading.ok ? reading.value : Number.NaN;
}

/** A number field of a kind, then `range`'s checks (on the value read: a fraction for "percent"). */
export const numberField = (kind: NumberKind, range: z.ZodNumber = z.number()) =>
  z
    .string()
    .transform((text, ctx) => {
      const reading = readNumberField(text, kind);
      if (reading.ok) return reading.value;
      ctx.addIssue({ code: "custom", message: reading.code, ...(reading.params === undefined ? {} : { params: reading.params }) });
      return z.NEVER;
    })
    .pipe(range);

/** A date typed or picked ("2025-02-01", "2025年2月1日"), as the serial of its day; issue "date" otherwise. */
export const dateField = z.string().transform((text, ctx) => {
  const serial = dayFromText(text);
  if (serial === undefined) {
    ctx.addIssue({ code: "custom", message: "date" });
    return z.NEVER;
  }
  return serial;
});

/** The facts of a core error as issue params (numbers and text only), for the message. */
export function paramsOf(error: CoreError): IssueParams {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error.details)) if (typeof value === "number" || typeof value === "string") params[key] = value;
  return params;
}

/**
 * Runs a core check (the function the SALES formulas will run on the same numbers) and turns the CoreError
 * it throws into an issue: `codeFor` names the field's code and path for it (undefined: the error is not
 * this form's concern, and passes). Anything but a CoreError is a bug and is rethrown.
 */
export function coreIssue(
  ctx: z.core.$RefinementCtx,
  check: () => unknown,
  codeFor: (error: CoreError) => { readonly code: string; readonly path: readonly PropertyKey[] } | undefined,
): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (!isCoreError(error)) throw error;
    const issue = codeFor(error);
    if (issue === undefined) return true;
    ctx.addIssue({ code: "custom", message: issue.code, path: [...issue.path], params: paramsOf(error) });
    return false;
  }
}

/** A zod number that must pass a core check (the SALES functions' rule for that value), else the issue `code`. */
export const coreChecked = (check: (x: number) => unknown, code: string) =>
  z.number().superRefine((x, ctx) => void coreIssue(ctx, () => check(x), () => ({ code, path: [] })));

/** Trimmed text, at least one character ("required") and at most `max` ("tooLong"). */
export const requiredText = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

/** Trimmed text of at most `max` characters ("tooLong"), possibly empty. */
export const optionalText = (max: number) => z.string().trim().max(max, { error: "tooLong" });
