/**
 * How the written sheets show amounts: in yuan, or in 万 (ten thousands) — by number format only, so every
 * cell keeps the exact amount and the formulas compute on it.
 *
 * Excel's number formats cannot divide by 10,000: a comma after the digit placeholders divides by 1,000
 * (`0.0,"千"`, `0.0,,"百万"`), and there is no four-digit step. The 万 format therefore divides by 1,000 with
 * one comma and writes the last remaining digit after a literal point: `0!.0,"万"` — `!.` is a point
 * character, not the decimal separator, so 12,345,678 → 12,346 (÷1,000, rounded) → "1234.6万", which is
 * 1,234.5678万 rounded to one decimal. Its limits: one decimal only (two would need ÷100), no thousands
 * grouping (a grouping comma next to the scaling comma is not reliable), and a number below 50 shows "0.0万".
 * `#,##0.0,"万"`-style formats are wrong by a factor of ten (they show 12,345.7万 for 12,345,678).
 *
 * Not verified in Excel (there is none on these machines): the workbench's formatter (src/workbench/format.ts)
 * follows Excel's documented rules for `0`, `#`, `,`, `!`, `\` and quoted text, and shows 12,345,678 as
 * "1234.6万"; Excel's own rendering was not seen.
 */
export const AMOUNT_DISPLAYS = ["yuan", "wan"] as const;
export type AmountDisplay = (typeof AMOUNT_DISPLAYS)[number];

/** Whole yuan, grouped: 12,345,678. */
export const YUAN_FORMAT = "#,##0";
/** Yuan with fen, grouped: 12,345,678.50 (a rounding unit below 1). */
export const YUAN_CENTS_FORMAT = "#,##0.00";
/** 万 with one decimal: 12,345,678 → 1234.6万 (see the module comment). */
export const WAN_FORMAT = '0!.0,"万"';

/** The number format of an amount cell for a display; `cents` when amounts are not whole yuan. */
export function amountFormat(display: AmountDisplay, cents = false): string {
  if (display === "wan") return WAN_FORMAT;
  return cents ? YUAN_CENTS_FORMAT : YUAN_FORMAT;
}
