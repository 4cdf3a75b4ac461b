import type { CellValue } from "../excel/gateway";

/**
 * How the workbench grid shows a value under one of the number formats the wizards use ("0%", "0.0%",
 * "#,##0", "#,##0.00", "0.00", a date format such as "yyyy-mm-dd" → ISO date); other formats, and no
 * format, show the number in General style (up to ten significant digits). Not Excel's formatter:
 * enough to read a sheet.
 */
export function formatCell(value: CellValue, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (format !== undefined && /y/i.test(format) && /d/i.test(format)) return isoDate(value);
  const decimals = /\.(0+)/.exec(format ?? "")?.[1]?.length ?? 0;
  if (format !== undefined && format.includes("%")) return `${(value * 100).toFixed(decimals)}%`;
  if (format !== undefined && format.includes("#,##0")) {
    return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  if (format !== undefined && /^0(\.0+)?$/.test(format)) return value.toFixed(decimals);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

/** An Excel serial (days since 1899-12-30, serials from 61 on) as "yyyy-mm-dd". */
function isoDate(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}
