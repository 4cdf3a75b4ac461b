import type { CellValue } from "../excel/gateway";

/**
 * How the workbench shows a number under an Excel number format — in the grid, and in `TEXT(value, format)`
 * (the engine's own TEXT does not group thousands nor scale percentages, so the engine is handed this one).
 * Not Excel's formatter: a small one following Excel's documented rules for what the wizards write —
 * digit placeholders `0` and `#`, the decimal point, a thousands comma between placeholders, a comma after
 * the last one dividing by 1,000, `%` multiplying by 100, literal text in quotes or after `\` or `!`, and a
 * second section for negative numbers. Dates (`yyyy-mm-dd`, `yyyy年m月d日`) are the engine's: `formatNumber`
 * returns undefined for them.
 */
export function formatCell(value: CellValue, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (format !== undefined && isDateFormat(format)) return isoDate(value);
  const shown = format === undefined ? undefined : formatNumber(value, format);
  if (shown !== undefined) return shown;
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

/** An Excel serial (days since 1899-12-30, serials from 61 on) as "yyyy-mm-dd". */
function isoDate(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

type Token =
  | { readonly kind: "digit"; readonly char: "0" | "#" | "?" }
  | { readonly kind: "point" }
  | { readonly kind: "comma" }
  | { readonly kind: "percent" }
  | { readonly kind: "literal"; readonly text: string };

/** The format's sections (`;` outside quotes). */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === "\\" || c === "!") && i + 1 < format.length) {
      current += c + format[++i];
      continue;
    }
    if (c === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out;
}

/** A date or time format: y, m, d, h or s outside quotes and escapes. */
export function isDateFormat(format: string): boolean {
  return /[ymdhs]/i.test(format.replace(/"[^"]*"/g, "").replace(/[\\!]./g, "").replace(/\[[^\]]*\]/g, ""));
}

function tokens(section: string): Token[] | undefined {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      if (end < 0) return undefined;
      out.push({ kind: "literal", text: section.slice(i + 1, end) });
      i = end;
    } else if (c === "\\" || c === "!") out.push({ kind: "literal", text: section[++i] ?? "" });
    else if (c === "0" || c === "#" || c === "?") out.push({ kind: "digit", char: c });
    else if (c === ".") out.push({ kind: "point" });
    else if (c === ",") out.push({ kind: "comma" });
    else if (c === "%") out.push({ kind: "percent" });
    else if (c === "[" || c === "@" || c === "*" || c === "_" || c === "E" || c === "e") return undefined; // not used by the wizards
    else out.push({ kind: "literal", text: c });
  }
  return out;
}

/** `value` under `format`, or undefined for a format outside the subset above (dates included). */
export function formatNumber(value: number, format: string): string | undefined {
  if (!Number.isFinite(value) || isDateFormat(format)) return undefined;
  const parts = sections(format);
  const negativeSection = value < 0 && parts.length > 1;
  const parsed = tokens(parts[negativeSection ? 1 : 0] ?? "");
  if (parsed === undefined || !parsed.some((t) => t.kind === "digit")) return undefined;

  const point = parsed.findIndex((t) => t.kind === "point");
  const integerEnd = point < 0 ? parsed.length : point;
  const firstDigit = parsed.findIndex((t) => t.kind === "digit");
  // Commas after the last placeholder (`0,` `0.0,,`) divide by 1,000 each; a comma between integer placeholders groups.
  let scale = 0;
  let grouping = false;
  parsed.forEach((t, i) => {
    if (t.kind !== "comma") return;
    const digitAfter = parsed.slice(i + 1).some((u) => u.kind === "digit");
    if (!digitAfter) scale++;
    else if (i < integerEnd && i > firstDigit) grouping = true;
  });
  const percents = parsed.filter((t) => t.kind === "percent").length;
  const fraction = point < 0 ? [] : parsed.slice(point + 1).filter((t): t is Extract<Token, { kind: "digit" }> => t.kind === "digit");

  const magnitude = (Math.abs(value) * 100 ** percents) / 1000 ** scale;
  const fixed = magnitude.toFixed(fraction.length);
  let [whole = "0", decimals = ""] = fixed.split(".");
  // Optional fraction digits (#) drop their trailing zeros.
  while (decimals.length > 0 && fraction[decimals.length - 1]?.char === "#" && decimals.endsWith("0")) decimals = decimals.slice(0, -1);
  const integerDigits = parsed.slice(0, integerEnd).filter((t): t is Extract<Token, { kind: "digit" }> => t.kind === "digit");
  if (whole === "0" && !integerDigits.some((t) => t.char === "0")) whole = "";
  const minimum = integerDigits.filter((t) => t.char === "0").length;
  const digits = whole.padStart(minimum, "0");
  const integerOut: string[] = [];
  if (grouping) {
    // "#,##0": the digits grouped, where the placeholders are; literals before and after them kept.
    const first = parsed.findIndex((t) => t.kind === "digit");
    parsed.slice(0, integerEnd).forEach((t, i) => {
      if (i === first) integerOut.push(group(digits));
      else if (t.kind === "literal") integerOut.push(t.text);
      else if (t.kind === "percent") integerOut.push("%");
    });
  } else {
    // Placeholders are filled from the right, each with one digit, the leftmost with the rest: `0!.0` puts
    // the last digit after the literal point.
    let rest = digits;
    let remaining = integerDigits.length;
    for (let i = integerEnd - 1; i >= 0; i--) {
      const t = parsed[i]!;
      if (t.kind === "literal") integerOut.unshift(t.text);
      else if (t.kind === "percent") integerOut.unshift("%");
      else if (t.kind === "digit") {
        remaining--;
        if (remaining === 0) {
          integerOut.unshift(rest);
          rest = "";
        } else {
          integerOut.unshift(rest.slice(-1) || (t.char === "?" ? " " : ""));
          rest = rest.slice(0, -1);
        }
      }
    }
  }
  const fractionOut: string[] = [];
  let k = 0;
  if (point >= 0) {
    for (const t of parsed.slice(point + 1)) {
      if (t.kind === "digit") fractionOut.push(decimals[k++] ?? (t.char === "?" ? " " : ""));
      else if (t.kind === "literal") fractionOut.push(t.text);
      else if (t.kind === "percent") fractionOut.push("%");
    }
  }
  const sign = value < 0 && !negativeSection && (whole !== "" || decimals.replace(/0/g, "") !== "") ? "-" : "";
  return `${sign}${integerOut.join("")}${point >= 0 ? "." : ""}${fractionOut.join("")}`;
}

/** "1234567" → "1,234,567". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
