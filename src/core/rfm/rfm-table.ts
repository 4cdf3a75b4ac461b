import { requireWholeNumber } from "../shared/checks";
import { fail } from "../shared/errors";
import { dayOf } from "../shared/excel-date";
import { CustomerId, customerKey } from "./customer-key";

export interface RfmTable {
  /** One id per distinct customer, as first written in the input, in order of first appearance. */
  readonly ids: CustomerId[];
  /** Whole days from the customer's last order (in or before the window) to the analysis date. */
  readonly recency: Float64Array;
  /** Number of order rows (in the window, when one is given). */
  readonly frequency: Float64Array;
  /** Sum of the amounts (in the window, when one is given; refunds, as negative amounts, included). */
  readonly monetary: Float64Array;
  /** The analysis date used (the latest order date when none was given), as an Excel serial. */
  readonly analysisDate: number;
}

/**
 * The longest window RFM.TABLE takes: 100 years. A longer one would count every order Excel can date
 * anyway, so it is almost certainly a typing slip (an amount or a date typed into the wrong argument).
 */
export const MAX_WINDOW_DAYS = 36_525;

/**
 * Recency, frequency and monetary value per customer from order rows (RFM table, 客户 RFM 汇总).
 *
 * Customers come out in order of first appearance; ids are matched with {@link customerKey}. Recency is
 * counted in whole days: day(analysis date) − day(last order), the time of day ignored. Frequency counts
 * order rows; monetary sums the amounts with Neumaier compensated summation, so a million cents add up
 * without drift. O(n) time with one hash lookup per row.
 *
 * With a window of w days, frequency and monetary count only the orders of the last w days up to the
 * analysis day — day(order) > day(analysis) − w, so w = 1 is the analysis day alone and an order exactly
 * w days before it is out — while recency still comes from the customer's last order ever. A customer
 * whose orders all fall before the window keeps its row, with frequency 0 and monetary 0.
 *
 * @param ids customer id of each order row
 * @param dates order date of each row, as Excel serials
 * @param amounts amount of each row
 * @param analysisDate Excel serial; defaults to the latest order date. An order on a later day is an error.
 * @param windowDays whole number of days, 1 to {@link MAX_WINDOW_DAYS}; all orders count when omitted
 */
export function rfmTable(
  ids: readonly CustomerId[],
  dates: ArrayLike<number>,
  amounts: ArrayLike<number>,
  analysisDate?: number,
  windowDays?: number,
): RfmTable {
  if (windowDays !== undefined) requireWholeNumber(windowDays, { arg: "window_days" }, 1, MAX_WINDOW_DAYS);
  const n = ids.length;
  if (dates.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "order_dates", length: dates.length, otherArg: "customer_ids", otherLength: n });
  }
  if (amounts.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "amounts", length: amounts.length, otherArg: "customer_ids", otherLength: n });
  }
  if (n === 0) throw fail("EMPTY", { arg: "customer_ids" });

  let latest = -Infinity;
  for (let i = 0; i < n; i++) {
    const date = dates[i] as number;
    if (date > latest) latest = date;
  }
  const analysisDay = dayOf(analysisDate ?? latest);
  // Orders on a day after windowStart count towards frequency and monetary; -Infinity when every order counts.
  const windowStart = windowDays === undefined ? -Infinity : analysisDay - windowDays;
  if (analysisDate !== undefined && dayOf(latest) > analysisDay) {
    for (let i = 0; i < n; i++) {
      if (dayOf(dates[i] as number) > analysisDay) {
        throw fail("ORDER_AFTER_ANALYSIS", { arg: "order_dates", index: i, date: dates[i] as number, analysisDate });
      }
    }
  }

  const slotOf = new Map<CustomerId, number>();
  const firstIds: CustomerId[] = [];
  // Per customer, side by side in one array (stride 4): last order day, order count, sum of amounts, and
  // the Neumaier compensation of that sum. Customers are met in random order, so keeping a customer's four
  // numbers in one cache line costs one memory access per row instead of four. Grows by doubling; most
  // inputs have far fewer customers than rows.
  let capacity = 1024;
  let acc: Float64Array = new Float64Array(capacity * STRIDE);

  for (let i = 0; i < n; i++) {
    const id = ids[i] as CustomerId;
    const key = customerKey(id);
    const slot = slotOf.get(key);
    const day = dayOf(dates[i] as number);
    const amount = amounts[i] as number;
    if (slot === undefined) {
      const fresh = firstIds.length;
      if (fresh === capacity) {
        capacity *= 2;
        acc = grow(acc, capacity * STRIDE);
      }
      slotOf.set(key, fresh);
      firstIds.push(id);
      const at = fresh * STRIDE;
      acc[at] = day;
      if (day > windowStart) {
        acc[at + 1] = 1;
        acc[at + 2] = amount;
      }
      continue;
    }
    const at = slot * STRIDE;
    if (day > (acc[at] as number)) acc[at] = day;
    if (!(day > windowStart)) continue;
    acc[at + 1] = (acc[at + 1] as number) + 1;
    // Neumaier: keep the low-order bits that s + amount loses in the compensation.
    const s = acc[at + 2] as number;
    const t = s + amount;
    acc[at + 3] = (acc[at + 3] as number) + (Math.abs(s) >= Math.abs(amount) ? s - t + amount : amount - t + s);
    acc[at + 2] = t;
  }

  const customers = firstIds.length;
  const recency = new Float64Array(customers);
  const frequency = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    const at = c * STRIDE;
    recency[c] = analysisDay - (acc[at] as number);
    frequency[c] = acc[at + 1] as number;
    monetary[c] = (acc[at + 2] as number) + (acc[at + 3] as number);
  }
  return { ids: firstIds, recency, frequency, monetary, analysisDate: analysisDate ?? latest };
}

/** Numbers kept per customer while summarising: last day, count, sum, compensation. */
const STRIDE = 4;

function grow(array: Float64Array, capacity: number): Float64Array {
  const bigger = new Float64Array(capacity);
  bigger.set(array);
  return bigger;
}
