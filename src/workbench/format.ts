import type { CellValue } from "../excel/gateway";

/**
 * How the workbench grid shows a value under one of the number formats the wizards use ("0%", "0.0%",
 * "#,##0", "#,##0.00", "0.00"); other formats, and no format, show the number in General style (up to
 * ten significant digits). Not Excel's formatter: enough to read a sheet.
 */
export function formatCell(value: CellValue, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const decimals = /\.(0+)/.exec(format ?? "")?.[1]?.length ?? 0;
  if (format !== undefined && format.includes("%")) return `${(value * 100).toFixed(decimals)}%`;
  if (format !== undefined && format.includes("#,##0")) {
    return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  if (format !== undefined && /^0(\.0+)?$/.test(format)) return value.toFixed(decimals);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}
