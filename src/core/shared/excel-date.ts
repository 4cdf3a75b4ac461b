/**
 * Excel date serials: the one date representation at every boundary of the add-in.
 *
 * A serial counts days since 1899-12-30, with a fraction for the time of day. Excel (like Lotus 1-2-3)
 * believes 1900 was a leap year: serial 60 is the fictitious 1900-02-29, so serials 1–59 (1900-01-01 to
 * 1900-02-28) are one day off from a plain day count. This module is the only place that knows.
 */

/** 1900-01-01, the first day Excel can show. */
export const MIN_SERIAL = 1;
/** 9999-12-31, the last day Excel can show. */
export const MAX_SERIAL = 2958465;
/** The fictitious 1900-02-29. */
export const FICTITIOUS_LEAP_DAY = 60;

const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

/** Serial of a calendar day, or `undefined` when the day does not exist. Month is 1–12. */
export function serialFromYmd(year: number, month: number, day: number): number | undefined {
  if (year === 1900 && month === 2 && day === 29) return FICTITIOUS_LEAP_DAY;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Rejects days that do not exist (2023-02-29 rolls over) and years 0–99, which Date.UTC maps to 19xx.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  let serial = Math.round((time - EPOCH_1899_12_30) / MS_PER_DAY);
  if (serial <= FICTITIOUS_LEAP_DAY) serial -= 1; // before 1900-03-01 Excel counts from 1899-12-31
  if (serial < MIN_SERIAL || serial > MAX_SERIAL) return undefined;
  return serial;
}

/** Calendar day of a serial's whole part, as `{ year, month, day }` (month 1–12). */
export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  if (whole === FICTITIOUS_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  const days = whole < FICTITIOUS_LEAP_DAY ? whole + 1 : whole;
  const date = new Date(EPOCH_1899_12_30 + days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO `yyyy-mm-dd` text of a serial's day. */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// yyyy-mm-dd, yyyy/m/d or yyyy.m.d, optionally followed by a time hh:mm[:ss] (after a space or "T").
const DATE_TEXT = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;

/**
 * Serial of a date written as text: `2024-03-31`, `2024/3/31`, `2024.3.31`, each optionally with a time
 * `10:30` or `10:30:15` after a space or `T` (the time becomes the serial's fraction). Returns `undefined`
 * for anything else, including days that do not exist (2023-02-29) and dates outside 1900–9999.
 */
export function serialFromText(text: string): number | undefined {
  const match = DATE_TEXT.exec(text.trim());
  if (match === null) return undefined;
  const day = serialFromYmd(Number(match[1]), Number(match[3]), Number(match[4]));
  if (day === undefined) return undefined;
  if (match[5] === undefined) return day;
  const hours = Number(match[5]);
  const minutes = Number(match[6]);
  const seconds = match[7] === undefined ? 0 : Number(match[7]);
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return day + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/** True when `serial` is a number Excel can show as a date (1900-01-01 to 9999-12-31, any time of day). */
export function isValidSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= MIN_SERIAL && serial < MAX_SERIAL + 1;
}

/** The day a serial falls on (its whole part): the unit recency is counted in. */
export function dayOf(serial: number): number {
  return Math.floor(serial);
}
