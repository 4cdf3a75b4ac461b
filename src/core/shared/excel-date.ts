import { foldWidth, readNumberText } from "./number-text";

/**
 * Excel date serials: the one date representation at every boundary of the add-in, and the one reader of
 * dates written as text.
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

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The serial of 1970-01-01, where the civil day count below starts. */
const SERIAL_1970_01_01 = 25569;

/** Serial of a calendar day, or `undefined` when the day does not exist. Month is 1–12. */
export function serialFromYmd(year: number, month: number, day: number): number | undefined {
  if (year === 1900 && month === 2 && day === 29) return FICTITIOUS_LEAP_DAY;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (MONTH_DAYS[month - 1] as number) + (month === 2 && leap ? 1 : 0)) return undefined; // 2023-02-29
  // Days since 1970-01-01 by whole-number arithmetic (the proleptic Gregorian count of days_from_civil):
  // one parse of a million order dates must not allocate a Date each.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  let serial = era * 146_097 + dayOfEra - 719_468 + SERIAL_1970_01_01;
  if (serial <= FICTITIOUS_LEAP_DAY) serial -= 1; // before 1900-03-01 Excel counts from 1899-12-31
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

// yyyy-mm-dd, yyyy/m/d, yyyy.m.d or yyyy年m月d日 (or 号); then, optionally, a time.
const DATE_PART = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号])/;
// hh:mm[:ss[.fff]], after a space or "T" (after 日 also directly).
const TIME_PART = /^(?:\s+|T)?(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Serial of a date written as text: `2024-03-31`, `2024/3/31`, `2024.3.31`, `2024年3月31日` (or `号`), each
 * optionally with a time `10:30` or `10:30:15` after a space (or `T`; directly after 日) that becomes the
 * serial's fraction; or `20240331`. Full-width digits (`２０２４年３月３１日`) are read too. Returns
 * `undefined` for anything else, including days that do not exist (2023-02-29) and dates outside
 * 1900–9999.
 */
export function serialFromText(text: string): number | undefined {
  const t = foldWidth(text).trim();
  const compact = COMPACT_DATE.exec(t);
  if (compact !== null) return serialFromYmd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const date = DATE_PART.exec(t);
  if (date === null) return undefined;
  const chinese = date[5] !== undefined;
  const day = serialFromYmd(Number(date[1]), Number(chinese ? date[5] : date[3]), Number(chinese ? date[6] : date[4]));
  if (day === undefined) return undefined;
  const rest = t.slice(date[0].length);
  if (rest === "") return day;
  if (!chinese && !/^[\sT]/.test(rest)) return undefined; // "2024-03-0114:30"
  const time = TIME_PART.exec(rest);
  if (time === null) return undefined;
  const hours = Number(time[1]);
  const minutes = Number(time[2]);
  const seconds = time[3] === undefined ? 0 : Number(time[3]);
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return day + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/**
 * The day of a date written as text (see {@link serialFromText}), its time of day dropped:
 * `2024-03-01 14:30:00` → 45352, the serial of 2024-03-01.
 */
export function dayFromText(text: string): number | undefined {
  const serial = serialFromText(text);
  return serial === undefined ? undefined : Math.floor(serial);
}

/**
 * A whole number written yyyymmdd (20240301), as many exports store dates, read as that day's serial.
 * Such numbers (10,000,101 and up) lie far beyond the last serial Excel can show (2,958,465), so they
 * cannot be mistaken for a serial. `undefined` for any other number.
 */
export function serialFromYyyymmdd(x: number): number | undefined {
  if (!Number.isInteger(x) || x < 10_000_101 || x > 99_991_231) return undefined;
  return serialFromYmd(Math.floor(x / 10_000), Math.floor(x / 100) % 100, x % 100);
}

/** True when `serial` is a number Excel can show as a date (1900-01-01 to 9999-12-31, any time of day). */
export function isValidSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= MIN_SERIAL && serial < MAX_SERIAL + 1;
}

/** The day a serial falls on (its whole part): the unit recency is counted in. */
export function dayOf(serial: number): number {
  return Math.floor(serial);
}

/**
 * A cell's value as a date serial, by the rules every SALES function reads a date with (its errors are
 * worded in src/functions/shared/cells.ts; the task pane reads order exports with it too): an Excel date
 * (a valid serial, its time of day kept), a whole number yyyymmdd, date text ({@link serialFromText}'s forms,
 * the time dropped) or plain numeric text (a serial's day). `undefined` for anything else: a blank, other
 * text, a logical value, an error value.
 */
export function serialFromCell(value: unknown): number | undefined {
  if (typeof value === "number") return isValidSerial(value) ? value : serialFromYyyymmdd(value);
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const serial = dayFromText(value) ?? plainSerial(value);
  return serial !== undefined && isValidSerial(serial) ? serial : undefined;
}

/** Numeric text as a serial's day ("45352"); not money, a magnitude or a percentage. */
function plainSerial(text: string): number | undefined {
  const number = readNumberText(text);
  if (number === undefined || number.amount || number.percent) return undefined;
  return Math.floor(number.value);
}
