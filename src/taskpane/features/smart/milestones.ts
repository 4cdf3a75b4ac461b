import { serialFromYmd, ymdFromSerial } from "../../../core/shared/excel-date";
import { toExcelPrecision } from "../../../core/shared/rounding";

/**
 * Checkpoint periods between a start and an end date (Excel serials, both days included):
 * - weekly: 7-day periods from the start day;
 * - monthly / quarterly: calendar months / quarters, the first and last cut at the start and end days.
 * The periods cover every day from start to end exactly once.
 */
export type Cadence = "weekly" | "monthly" | "quarterly";

export const CADENCES: readonly Cadence[] = ["weekly", "monthly", "quarterly"];

export interface Period {
  /** First day (Excel serial). */
  readonly start: number;
  /** Last day, included. */
  readonly end: number;
}

/** The first day of the calendar month (or quarter) after the one holding `serial`. */
function nextBoundary(serial: number, months: number): number {
  const { year, month } = ymdFromSerial(serial);
  const first = Math.floor((month - 1) / months) * months + months; // 0-based month index of the next boundary
  return serialFromYmd(year + Math.floor(first / 12), (first % 12) + 1, 1) as number;
}

export function periods(start: number, end: number, cadence: Cadence): Period[] {
  const out: Period[] = [];
  let from = start;
  while (from <= end) {
    const next = cadence === "weekly" ? from + 7 : nextBoundary(from, cadence === "monthly" ? 1 : 3);
    const to = Math.min(next - 1, end);
    out.push({ start: from, end: to });
    from = to + 1;
  }
  return out;
}

/** How many periods `periods` would return, without building them beyond `limit` (a guard for huge spans). */
export function countPeriods(start: number, end: number, cadence: Cadence, limit: number): number {
  if (cadence === "weekly") return Math.ceil((end - start + 1) / 7);
  let count = 0;
  for (let from = start; from <= end && count <= limit; count++) from = nextBoundary(from, cadence === "monthly" ? 1 : 3);
  return count;
}

/**
 * Growth seen in a history of one KPI (oldest first): growth from each value to the next (skipped where the
 * earlier value is not above 0), the best of them, and the average per period (geometric, first to last).
 */
export interface GrowthStats {
  readonly count: number;
  readonly best: number | undefined;
  readonly average: number | undefined;
}

export function growthStats(values: readonly number[]): GrowthStats {
  let best: number | undefined;
  for (let i = 1; i < values.length; i++) {
    const before = values[i - 1] as number;
    if (before > 0) {
      const growth = (values[i] as number) / before - 1;
      if (best === undefined || growth > best) best = growth;
    }
  }
  const first = values[0];
  const last = values[values.length - 1];
  const average =
    values.length >= 2 && first !== undefined && last !== undefined && first > 0 && last >= 0 ? (last / first) ** (1 / (values.length - 1)) - 1 : undefined;
  // Shown to Excel's 15 digits: 33/30 − 1 is 0.1, not 0.10000000000000009.
  return {
    count: values.length,
    best: best === undefined ? undefined : toExcelPrecision(best),
    average: average === undefined ? undefined : toExcelPrecision(average),
  };
}
