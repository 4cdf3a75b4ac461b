import type { Language } from "./language";

/**
 * Numbers as the pane writes them into sentences (messages, hints): one formatter per kind, in the pane's
 * language. (The SMART statement in the sheet is a formula: its numbers and dates are Excel's TEXT.)
 */

const LOCALE: Readonly<Record<Language, string>> = { zh: "zh-CN", en: "en-US" };
const GROUPED: Readonly<Record<Language, Intl.NumberFormat>> = {
  zh: new Intl.NumberFormat(LOCALE.zh, { maximumSignificantDigits: 15 }),
  en: new Intl.NumberFormat(LOCALE.en, { maximumSignificantDigits: 15 }),
};

/**
 * An amount as a person writes it: thousands grouped, at most 15 significant digits (Excel's precision, so
 * float noise never shows): 120000000 → "120,000,000", 1000000.0005 → "1,000,000.0005". Beyond 10²¹,
 * where grouping stops being readable, Excel's scientific form: "9.99999999999999E+307".
 */
export function formatAmount(value: number, language: Language): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e21) return value.toPrecision(15).replace(/\.?0+e/, "e").replace("e", "E");
  return GROUPED[language].format(value + 0);
}

/** A fraction as a percentage with one decimal: 0.25 → "25.0%", −0.031 → "-3.1%". */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
