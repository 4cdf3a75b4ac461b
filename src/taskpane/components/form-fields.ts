/**
 * Form fields as people type them, shared by every wizard's zod schema. Issue messages are codes (the
 * wizard words them in the pane's language): "required" for an empty field, "notNumber" for text that is
 * not a number; the range checks of a number field carry the wizard's own codes.
 */
import { z } from "zod";

/**
 * A number as people type it: "25", " 12.5 ", "30%", full-width "３０", "1,234.5", "1e4". NaN when it is
 * not one (an empty field included).
 */
export function parseNumberText(text: string): number {
  const cleaned = text.normalize("NFKC").trim().replace(/%$/, "").replace(/,(?=\d{3}(\D|$))/g, "").trim();
  if (cleaned === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** A number field: "required" when empty, "notNumber" when not a number, then `range`'s checks. */
export const numberField = (range: z.ZodNumber) =>
  z
    .string()
    .transform((text, ctx) => {
      const value = parseNumberText(text);
      if (text.trim() === "") ctx.addIssue({ code: "custom", message: "required" });
      else if (Number.isNaN(value)) ctx.addIssue({ code: "custom", message: "notNumber" });
      return value;
    })
    .pipe(range);

/** Trimmed text, at least one character ("required") and at most `max` ("tooLong"). */
export const requiredText = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

/** Trimmed text of at most `max` characters ("tooLong"), possibly empty. */
export const optionalText = (max: number) => z.string().trim().max(max, { error: "tooLong" });
