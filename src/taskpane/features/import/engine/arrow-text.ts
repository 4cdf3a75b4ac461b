/**
 * Parquet values (as Arrow reads them) to text for the preview, written as DuckDB's CAST(… AS VARCHAR)
 * writes them — the summary SQL reads a Parquet file's columns as that text, so the preview shows what
 * will be read.
 */
import { DataType, type Field } from "apache-arrow";
import type { ColumnType } from "../../../../core/import/contract";
import { columnType } from "../../../../core/import/sniff";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A 128-bit two's-complement integer from its four little-endian 32-bit words (Arrow's decimal storage). */
function int128(words: Uint32Array): bigint {
  let value = 0n;
  for (let i = words.length - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[i]!);
  const bits = BigInt(words.length * 32);
  return words[words.length - 1]! & 0x80000000 ? value - (1n << bits) : value;
}

/** An unscaled decimal as text with `scale` digits after the point ("-12.50"). */
export function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** A value as DuckDB's CAST(… AS VARCHAR) writes it: dates 2024-03-01, timestamps 2024-03-01 10:00:00. */
export function textOf(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return "";
  if ((DataType.isDate(type) || DataType.isTimestamp(type)) && typeof value === "number") {
    const d = new Date(value);
    const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (DataType.isDate(type)) return day;
    const ms = d.getUTCMilliseconds();
    return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms === 0 ? "" : `.${pad(ms, 3)}`}`;
  }
  if (DataType.isDecimal(type) && value instanceof Uint32Array) return decimalText(int128(value), (type as unknown as { scale: number }).scale);
  if (value instanceof Uint8Array) return `(${value.length} bytes)`;
  return String(value);
}

/** What a column holds: dates and numbers by their Arrow type; text by its values, as a CSV's are judged. */
export function columnTypeOf(field: Field, values: readonly string[]): ColumnType {
  if (values.every((v) => v === "")) return "empty";
  const type = field.type as DataType;
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return "date";
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return "number";
  return columnType(values);
}
