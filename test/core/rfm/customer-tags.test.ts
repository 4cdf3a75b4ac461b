import fc from "fast-check";
import { ACTIVITY_KEYS, customerTags, FREQUENCY_KEYS, NO_ORDERS, ORDER_VALUE_KEYS } from "../../../src/core/rfm";
import { TAG_LABELS } from "../../../src/i18n/segments";
import { thrown } from "../../support/core-error";

const zh = (keys: readonly string[], codes: Uint8Array): string[] => Array.from(codes, (code) => TAG_LABELS[keys[code]!]!.zh);
const ones = (n: number): number[] => new Array<number>(n).fill(1);

describe("customer tags", () => {
  it("tag the course's five customers: activity, frequency, and order value against the 1/3 and 2/3 quantiles", () => {
    // Order values 8000/12 = 666.67, 200, 625, 500, 400. Sorted 200, 400, 500, 625, 666.67; type 7 with
    // n = 5: 1/3 at h = 1 + 4/3 → 400 + (1/3)·100 = 433.33; 2/3 at h = 1 + 8/3 → 500 + (2/3)·125 = 583.33.
    const tags = customerTags([10, 180, 35, 90, 5], [12, 1, 8, 3, 2], [8000, 200, 5000, 1500, 800]);
    expect(zh(ACTIVITY_KEYS, tags.activity)).toEqual(["高活跃", "低活跃", "中活跃", "中活跃", "高活跃"]);
    expect(zh(FREQUENCY_KEYS, tags.frequency)).toEqual(["高频", "低频", "高频", "中频", "中频"]);
    expect(zh(ORDER_VALUE_KEYS, tags.orderValue)).toEqual(["高客单价", "低客单价", "高客单价", "中客单价", "低客单价"]);
    expect(tags.cuts.orderValue[0]).toBeCloseTo(433.333333333, 8);
    expect(tags.cuts.orderValue[1]).toBeCloseTo(583.333333333, 8);
  });

  it("tag activity at the day boundaries 30/31, 90/91, 180/181", () => {
    const days = [0, 30, 31, 90, 91, 180, 181, 5000];
    const tags = customerTags(days, ones(days.length), ones(days.length));
    expect(zh(ACTIVITY_KEYS, tags.activity)).toEqual(["高活跃", "高活跃", "中活跃", "中活跃", "低活跃", "低活跃", "沉睡", "沉睡"]);
  });

  it("tag frequency at the order boundaries: 0 and 1 occasional, 2 and 4 regular, 5 frequent", () => {
    const orders = [0, 1, 2, 4, 5, 40, 1.5];
    const tags = customerTags(ones(orders.length), orders, ones(orders.length));
    expect(zh(FREQUENCY_KEYS, tags.frequency)).toEqual(["低频", "低频", "中频", "中频", "高频", "高频", "低频"]);
  });

  it("give a value equal to a quantile the higher tag, so ties share a tag", () => {
    // Sorted 10, 20, 20, 30, 40, 40, 40 (n = 7): 1/3 at h = 3 → 20; 2/3 at h = 5 → 40.
    const values = [40, 20, 10, 40, 30, 20, 40];
    const tags = customerTags(ones(7), ones(7), values);
    expect(Array.from(tags.cuts.orderValue)).toEqual([20, 40]);
    expect(zh(ORDER_VALUE_KEYS, tags.orderValue)).toEqual(["高客单价", "中客单价", "低客单价", "高客单价", "中客单价", "中客单价", "高客单价"]);
  });

  it("interpolate the quantiles between order values (PERCENTILE.INC)", () => {
    // 1, 2, 3, 4, 5: 1/3 → 2 + (1/3)·1 = 2.33; 2/3 → 3 + (2/3)·1 = 3.67.
    const tags = customerTags(ones(5), ones(5), [1, 2, 3, 4, 5]);
    expect(zh(ORDER_VALUE_KEYS, tags.orderValue)).toEqual(["低客单价", "低客单价", "中客单价", "高客单价", "高客单价"]);
  });

  it("divide monetary by frequency for the order value", () => {
    // Order values 100, 100, 300 (600 over 2 orders is 300, not 600): cuts 100 and 166.67.
    const tags = customerTags([1, 1, 1], [1, 3, 2], [100, 300, 600]);
    expect(zh(ORDER_VALUE_KEYS, tags.orderValue)).toEqual(["中客单价", "中客单价", "高客单价"]);
  });

  it("tag a customer without orders 无订单 and leave it out of the quantiles", () => {
    const withNone = customerTags([1, 1, 1, 1, 400], [1, 1, 1, 1, 0], [10, 20, 30, 40, 0]);
    const without = customerTags([1, 1, 1, 1], [1, 1, 1, 1], [10, 20, 30, 40]);
    expect(withNone.cuts.orderValue).toEqual(without.cuts.orderValue);
    expect(Array.from(withNone.orderValue.slice(0, 4))).toEqual(Array.from(without.orderValue));
    expect(withNone.orderValue[4]).toBe(NO_ORDERS);
    expect(zh(FREQUENCY_KEYS, withNone.frequency)[4]).toBe("低频");
    expect(zh(ACTIVITY_KEYS, withNone.activity)[4]).toBe("沉睡");
  });

  it("tag every customer 无订单 when nobody has an order", () => {
    expect(zh(ORDER_VALUE_KEYS, customerTags([1, 2], [0, 0], [0, 0]).orderValue)).toEqual(["无订单", "无订单"]);
  });

  it("tag every customer 高客单价 when all order values are equal (both quantiles equal them)", () => {
    expect(zh(ORDER_VALUE_KEYS, customerTags([1, 2, 3], [2, 1, 4], [100, 50, 200]).orderValue)).toEqual(["高客单价", "高客单价", "高客单价"]);
  });

  it("use given cuts instead of the defaults, each set on its own", () => {
    const days = [7, 8, 60, 61];
    const tags = customerTags(days, [1, 3, 4, 10], [50, 300, 400, 1000], { recency: [7, 30, 60], frequency: [3, 10], orderValue: [100, 100.01] });
    expect(zh(ACTIVITY_KEYS, tags.activity)).toEqual(["高活跃", "中活跃", "低活跃", "沉睡"]);
    expect(zh(FREQUENCY_KEYS, tags.frequency)).toEqual(["低频", "中频", "中频", "高频"]);
    // Order values 50, 100, 100, 100.
    expect(zh(ORDER_VALUE_KEYS, tags.orderValue)).toEqual(["低客单价", "中客单价", "中客单价", "中客单价"]);
    const onlyFrequency = customerTags(days, [1, 3, 4, 10], [50, 300, 400, 1000], { frequency: [3, 10] });
    expect(zh(ACTIVITY_KEYS, onlyFrequency.activity)).toEqual(["高活跃", "高活跃", "中活跃", "中活跃"]);
    expect(onlyFrequency.cuts.recency).toEqual([30, 90, 180]);
  });
});

describe("customer tag properties", () => {
  const customer = fc.record({
    days: fc.integer({ min: 0, max: 800 }),
    orders: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
    spent: fc.integer({ min: -500, max: 20_000 }),
  });
  const customers = fc.array(customer, { minLength: 1, maxLength: 60 });
  const tagsOf = (list: { days: number; orders: number; spent: number }[]) =>
    customerTags(list.map((c) => c.days), list.map((c) => c.orders), list.map((c) => c.spent));

  it("always give one tag of each kind, 无订单 exactly for the customers with frequency 0", () => {
    fc.assert(
      fc.property(customers, (list) => {
        const tags = tagsOf(list);
        list.forEach((c, i) => {
          expect(ACTIVITY_KEYS[tags.activity[i]!]).toBeDefined();
          expect(FREQUENCY_KEYS[tags.frequency[i]!]).toBeDefined();
          expect(ORDER_VALUE_KEYS[tags.orderValue[i]!]).toBeDefined();
          expect(tags.orderValue[i] === NO_ORDERS).toBe(c.orders === 0);
        });
      }),
    );
  });

  it("never tag a customer with fewer days as less active, or with more orders as less frequent", () => {
    fc.assert(
      fc.property(customers, (list) => {
        const tags = tagsOf(list);
        for (let i = 0; i < list.length; i++) {
          for (let j = 0; j < list.length; j++) {
            if (list[i]!.days <= list[j]!.days) expect(tags.activity[i]!).toBeLessThanOrEqual(tags.activity[j]!);
            if (list[i]!.orders >= list[j]!.orders) expect(tags.frequency[i]!).toBeLessThanOrEqual(tags.frequency[j]!);
          }
        }
      }),
    );
  });

  it("give a higher order value a tag at least as high, and tag the top third 高客单价", () => {
    fc.assert(
      fc.property(customers, (list) => {
        const tags = tagsOf(list);
        const buyers = list.map((c, i) => ({ value: c.spent / c.orders, tag: tags.orderValue[i]! })).filter((_, i) => list[i]!.orders > 0);
        for (const a of buyers) for (const b of buyers) if (a.value >= b.value) expect(a.tag).toBeLessThanOrEqual(b.tag);
        if (buyers.length > 0) expect(buyers.filter((b) => b.tag === 0).length).toBeGreaterThanOrEqual(Math.ceil(buyers.length / 3) - 1);
      }),
    );
  });
});

describe("customer tag errors", () => {
  it("reject a negative recency or frequency, naming its position", () => {
    expect(thrown(() => customerTags([1, -1], [1, 1], [1, 1])).details).toEqual({ arg: "recency", index: 1, value: -1, min: 0 });
    expect(thrown(() => customerTags([1, 1], [-2, 1], [1, 1])).details).toEqual({ arg: "frequency", index: 0, value: -2, min: 0 });
  });

  it("reject lists of different lengths and empty input", () => {
    expect(thrown(() => customerTags([1, 2], [1], [1, 2])).code).toBe("LENGTH_MISMATCH");
    expect(thrown(() => customerTags([1], [1], [1, 2])).details).toMatchObject({ arg: "monetary" });
    expect(thrown(() => customerTags([], [], [])).code).toBe("EMPTY");
  });

  it("reject cuts that do not rise, or are not the right number", () => {
    expect(thrown(() => customerTags([1], [1], [1], { recency: [30, 30, 180] })).details).toEqual({ arg: "cuts", row: 1, column: 2, value: 30, previous: 30 });
    expect(thrown(() => customerTags([1], [1], [1], { orderValue: [500, 100] })).details).toMatchObject({ row: 3, column: 2 });
    expect(thrown(() => customerTags([1], [1], [1], { frequency: [2, 5, 9] })).details).toEqual({ arg: "cuts", row: 2, expectedColumns: 2, rows: 1, columns: 3 });
  });
});
