import { CustomerId, customerKey } from "../rfm/customer-key";
import { requirePositive } from "../shared/checks";
import { fail } from "../shared/errors";
import { dayOf } from "../shared/excel-date";

/** The period of {@link clvSummary} when none is given: weeks, like the BG/NBD paper and lifetimes' examples. */
export const DEFAULT_PERIOD_DAYS = 7;

export interface ClvSummary {
  /** One id per distinct customer, as first written in the input, in order of first appearance. */
  readonly ids: CustomerId[];
  /** Repeat purchases x: the number of distinct purchase days − 1. */
  readonly frequency: Float64Array;
  /** t_x: periods from the first to the last purchase day. */
  readonly recency: Float64Array;
  /** T: periods from the first purchase day to the analysis date. */
  readonly T: Float64Array;
  /** Mean amount per repeat purchase day (the first day excluded); 0 without repeat purchases. */
  readonly monetaryValue: Float64Array;
  /** The analysis date used (the latest order date when none was given), as an Excel serial. */
  readonly analysisDate: number;
}

/**
 * The customer summary the BG/NBD and Gamma-Gamma models need (CLV.SUMMARY), with the conventions of
 * lifetimes 0.11 `summary_data_from_transaction_data(freq="D", freq_multiplier=period_days)`:
 * - orders are grouped per customer per calendar day (the time of day ignored): several orders on one day
 *   are one purchase, their amounts summed;
 * - frequency = purchase days − 1; recency = (last day − first day)/p; T = (analysis day − first day)/p,
 *   days counted between whole dates and divided by p = `periodDays` (so a customer whose first purchase
 *   was 1997-01-01 has T = 272/7 = 38.857142857142854 weeks on 1997-09-30, as in the CDNOW sample);
 * - monetary value = the mean of the repeat purchase days' amounts (the first day excluded), 0 without
 *   repeat purchases; amounts added with Neumaier's compensated summation.
 * Customers come out in order of first appearance; ids are matched with {@link customerKey}.
 *
 * O(n) time apart from sorting each customer's own purchase days (skipped when they already come in date
 * order), one hash lookup per row, typed arrays throughout.
 *
 * @param ids customer id of each order row
 * @param dates order date of each row, as Excel serials
 * @param amounts amount of each row
 * @param analysisDate end of the observation period, as an Excel serial; defaults to the latest order
 *   date. An order on a later day is an error (leave such orders out of the range).
 * @param periodDays days per period (7 = weeks, 1 = days); any positive number
 */
export function clvSummary(
  ids: readonly CustomerId[],
  dates: ArrayLike<number>,
  amounts: ArrayLike<number>,
  analysisDate?: number,
  periodDays: number = DEFAULT_PERIOD_DAYS,
): ClvSummary {
  const n = ids.length;
  if (dates.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "order_dates", length: dates.length, otherArg: "customer_ids", otherLength: n });
  }
  if (amounts.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "amounts", length: amounts.length, otherArg: "customer_ids", otherLength: n });
  }
  if (n === 0) throw fail("EMPTY", { arg: "customer_ids" });
  requirePositive(periodDays, { arg: "period_days" });

  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    const date = dates[i] as number;
    if (date > latest) latest = date;
  }
  const analysisDay = dayOf(analysisDate ?? latest);
  if (analysisDate !== undefined && dayOf(latest) > analysisDay) {
    for (let i = 0; i < n; i++) {
      if (dayOf(dates[i] as number) > analysisDay) {
        throw fail("ORDER_AFTER_ANALYSIS", { arg: "order_dates", index: i, date: dates[i] as number, analysisDate });
      }
    }
  }

  // Pass 1: each row's customer slot (one hash lookup per row) and the number of rows per customer.
  const slotOf = new Map<CustomerId, number>();
  const firstIds: CustomerId[] = [];
  const rowSlot = new Int32Array(n);
  let rowCount = new Int32Array(1024);
  for (let i = 0; i < n; i++) {
    const id = ids[i] as CustomerId;
    const key = customerKey(id);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = firstIds.length;
      if (slot === rowCount.length) {
        const bigger = new Int32Array(rowCount.length * 2);
        bigger.set(rowCount);
        rowCount = bigger;
      }
      slotOf.set(key, slot);
      firstIds.push(id);
    }
    rowSlot[i] = slot;
    rowCount[slot] = (rowCount[slot] as number) + 1;
  }

  // Pass 2: each customer's rows side by side (a counting sort by customer, stable).
  const customers = firstIds.length;
  const start = new Int32Array(customers + 1);
  for (let c = 0; c < customers; c++) start[c + 1] = (start[c] as number) + (rowCount[c] as number);
  const fill = start.slice(0, customers);
  const days = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const slot = rowSlot[i] as number;
    const at = fill[slot] as number;
    fill[slot] = at + 1;
    days[at] = dayOf(dates[i] as number);
    values[at] = amounts[i] as number;
  }

  // Pass 3: per customer, first and last day, repeat spend, distinct days.
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const age = new Float64Array(customers);
  const monetaryValue = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    let first = days[from] as number;
    let last = first;
    let sorted = true;
    for (let j = from + 1; j < to; j++) {
      const day = days[j] as number;
      if (day < (days[j - 1] as number)) sorted = false;
      if (day < first) first = day;
      else if (day > last) last = day;
    }
    // Spend on the repeat days: every row not on the first day (Neumaier).
    let sum = 0;
    let compensation = 0;
    for (let j = from; j < to; j++) {
      if ((days[j] as number) === first) continue;
      const amount = values[j] as number;
      const next = sum + amount;
      compensation += Math.abs(sum) >= Math.abs(amount) ? sum - next + amount : amount - next + sum;
      sum = next;
    }
    if (!sorted) days.subarray(from, to).sort();
    let distinct = 1;
    for (let j = from + 1; j < to; j++) if ((days[j] as number) !== (days[j - 1] as number)) distinct++;
    const x = distinct - 1;
    frequency[c] = x;
    recency[c] = (last - first) / periodDays;
    age[c] = (analysisDay - first) / periodDays;
    monetaryValue[c] = x > 0 ? (sum + compensation) / x : 0;
  }
  return { ids: firstIds, frequency, recency, T: age, monetaryValue, analysisDate: analysisDate ?? latest };
}
