import { fail } from "../shared/errors";
import { quantileSelect } from "../shared/quantile";

/**
 * The course's behaviour tags (行为特征 / 消费特征), one of each per customer. Keys are language-neutral;
 * src/i18n holds the labels.
 */
export const ACTIVITY_KEYS = ["highly_active", "active", "low_activity", "dormant"] as const;
export const FREQUENCY_KEYS = ["frequent", "regular", "occasional"] as const;
export const ORDER_VALUE_KEYS = ["high_aov", "mid_aov", "low_aov", "no_orders"] as const;

/** Index of {@link ORDER_VALUE_KEYS}' "no orders", the order-value tag of a customer with frequency 0. */
export const NO_ORDERS = 3;

/**
 * Cut points of the tags. Recency: at most `recency[0]` days is highly active, at most `recency[1]` active,
 * at most `recency[2]` low activity, more is dormant. Frequency: at least `frequency[1]` orders is frequent,
 * at least `frequency[0]` regular, fewer occasional. Order value: at least `orderValue[1]` is high, at least
 * `orderValue[0]` mid, less low.
 */
export interface TagCuts {
  /** Three days. */
  readonly recency: readonly number[];
  /** Two numbers of orders. */
  readonly frequency: readonly number[];
  /** Two order values. */
  readonly orderValue: readonly number[];
}

/** How many cut points each set holds. */
export const TAG_CUT_COUNTS: { readonly [K in keyof TagCuts]: number } = Object.freeze({ recency: 3, frequency: 2, orderValue: 2 });

/** The course's defaults; order value has none (its cuts are the customers' 1/3 and 2/3 quantiles). */
export const DEFAULT_TAG_CUTS: Readonly<Pick<TagCuts, "recency" | "frequency">> = Object.freeze({
  recency: Object.freeze([30, 90, 180]),
  frequency: Object.freeze([2, 5]),
});

export interface CustomerTags {
  /** Index into {@link ACTIVITY_KEYS} per customer. */
  readonly activity: Uint8Array;
  /** Index into {@link FREQUENCY_KEYS} per customer. */
  readonly frequency: Uint8Array;
  /** Index into {@link ORDER_VALUE_KEYS} per customer. */
  readonly orderValue: Uint8Array;
  /** The cuts used: the given ones, the defaults, and the order-value quantiles when none were given. */
  readonly cuts: TagCuts;
}

/**
 * Behaviour tags per customer (客户标签): activity from recency, purchase frequency, and order value
 * (客单价 = monetary ÷ frequency).
 *
 * - Activity: recency ≤ 30 days → highly active, ≤ 90 → active, ≤ 180 → low activity, else dormant.
 * - Frequency: ≥ 5 orders → frequent, ≥ 2 → regular, else occasional (0 orders too).
 * - Order value: ≥ the 2/3 quantile → high, ≥ the 1/3 quantile → mid, else low. The quantiles are type-7
 *   (PERCENTILE.INC, R's default; {@link quantileSelect}) of the order values of the customers with at
 *   least one order: a customer with frequency 0 has no order value, so it gets "no orders" and takes no
 *   part in the quantiles (counting it as 0 would drag both cuts down). A value equal to a cut takes the
 *   higher tag, so equal values share a tag; under heavy ties a tag may go unused (all values equal → all
 *   high).
 *
 * Any of the three sets of cuts may be given instead. O(n) with given order-value cuts, else one
 * typed-array sort, O(n log n).
 *
 * @param recency days since each customer's last order, ≥ 0
 * @param frequency number of orders, ≥ 0 (may be fractional, e.g. orders a month)
 * @param monetary amount spent (may be negative after refunds)
 * @param cuts cut points replacing the defaults: each set strictly ascending, of {@link TAG_CUT_COUNTS} values
 */
export function customerTags(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  cuts: Partial<TagCuts> = {},
): CustomerTags {
  const n = recency.length;
  if (frequency.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "frequency", length: frequency.length, otherArg: "recency", otherLength: n });
  }
  if (monetary.length !== n) {
    throw fail("LENGTH_MISMATCH", { arg: "monetary", length: monetary.length, otherArg: "recency", otherLength: n });
  }
  if (n === 0) throw fail("EMPTY", { arg: "recency" });
  for (let i = 0; i < n; i++) {
    const days = recency[i] as number;
    if (!(days >= 0)) throw fail("TOO_SMALL", { arg: "recency", index: i, value: days, min: 0 });
    const orders = frequency[i] as number;
    if (!(orders >= 0)) throw fail("TOO_SMALL", { arg: "frequency", index: i, value: orders, min: 0 });
  }
  const recencyCuts = checkCuts(cuts.recency ?? DEFAULT_TAG_CUTS.recency, 1, TAG_CUT_COUNTS.recency);
  const frequencyCuts = checkCuts(cuts.frequency ?? DEFAULT_TAG_CUTS.frequency, 2, TAG_CUT_COUNTS.frequency);
  const orderValueCuts =
    cuts.orderValue === undefined ? orderValueQuantiles(frequency, monetary) : checkCuts(cuts.orderValue, 3, TAG_CUT_COUNTS.orderValue);

  const [active1, active2, active3] = recencyCuts as [number, number, number];
  const [regular, frequent] = frequencyCuts as [number, number];
  const [mid, high] = orderValueCuts as [number, number];
  const activity = new Uint8Array(n);
  const often = new Uint8Array(n);
  const orderValue = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const days = recency[i] as number;
    activity[i] = days <= active1 ? 0 : days <= active2 ? 1 : days <= active3 ? 2 : 3;
    const orders = frequency[i] as number;
    often[i] = orders >= frequent ? 0 : orders >= regular ? 1 : 2;
    if (orders === 0) {
      orderValue[i] = NO_ORDERS;
    } else {
      const value = (monetary[i] as number) / orders;
      orderValue[i] = value >= high ? 0 : value >= mid ? 1 : 2;
    }
  }
  return {
    activity,
    frequency: often,
    orderValue,
    cuts: { recency: recencyCuts, frequency: frequencyCuts, orderValue: orderValueCuts },
  };
}

/**
 * The 1/3 and 2/3 type-7 quantiles of the order values of the customers with at least one order; two
 * values no order value can reach ([+∞, +∞]) when no customer has an order (all are "no orders" then).
 */
function orderValueQuantiles(frequency: ArrayLike<number>, monetary: ArrayLike<number>): readonly [number, number] {
  const n = frequency.length;
  const values = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const orders = frequency[i] as number;
    if (orders > 0) values[k++] = (monetary[i] as number) / orders;
  }
  if (k === 0) return [Infinity, Infinity];
  // Selection, not a sort: two order statistics each, the same values quantileSorted would read.
  const buyers = values.subarray(0, k);
  return [quantileSelect(buyers, 1 / 3), quantileSelect(buyers, 2 / 3)];
}

/** Cut points of one row of the cuts range: `count` finite values, strictly ascending. */
function checkCuts(cuts: readonly number[], row: number, count: number): readonly number[] {
  if (cuts.length !== count) throw fail("BAD_SHAPE", { arg: "cuts", row, expectedColumns: count, rows: 1, columns: cuts.length });
  for (let c = 0; c < cuts.length; c++) {
    const value = cuts[c] as number;
    if (!Number.isFinite(value)) throw fail("NOT_A_NUMBER", { arg: "cuts", row, column: c + 1, value: String(value) });
    if (c > 0) {
      const previous = cuts[c - 1] as number;
      if (!(value > previous)) throw fail("NOT_ASCENDING", { arg: "cuts", row, column: c + 1, value, previous });
    }
  }
  return cuts;
}
