import { HyperFormula } from "hyperformula";
import { address, buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";

/**
 * From a raw order list to whom to call, as formulas in cells (HyperFormula through the built bundle):
 * RFM.TABLE over the last 365 days → RFM.SCORE → RFM.SEGMENT(…, "course"), and CUSTOMER.TAGS beside it,
 * recalculated when an order changes. Every expected value is worked by hand below.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

/** An Excel date serial (days since 1899-12-30). */
const serial = (iso: string): number => (Date.parse(iso) - Date.parse("1899-12-30")) / 86_400_000;

// Analysis day 2024-12-31; a 365-day window takes orders from 2024-01-02 on (2024-01-01 is 365 days back).
const ORDERS = [
  ["customer", "order_date", "amount"],
  ["A001", serial("2024-12-21"), 3000],
  ["A001", serial("2024-06-01"), 2500],
  ["A001", serial("2023-05-01"), 9000], // before the window
  ["A002", serial("2024-07-04"), 150],
  ["A003", serial("2024-03-01"), 4000],
  ["A003", serial("2024-08-01"), 2000],
  ["A004", serial("2024-10-02"), 1500],
  ["A005", serial("2024-12-26"), 2500],
  ["A005", serial("2023-12-31"), 400], // before the window
  ["A006", serial("2023-03-01"), 200], // before the window: A006 has no order in it
];

function segmentSheet(): HyperFormula {
  return buildSheet(ORDERS, {
    E2: `=SALES.RFM.TABLE(A2:A11,B2:B11,C2:C11,${serial("2024-12-31")},,365)`,
    I2: "=SALES.RFM.SCORE(F2:F7,G2:G7,H2:H7)",
    L2: '=SALES.RFM.SEGMENT(I2:K7,"course")',
    M2: "=SALES.CUSTOMER.TAGS(F2:F7,G2:G7,H2:H7)",
  });
}

const column = (range: unknown[][]): unknown[] => range.map((row) => row[0]);

describe("a 365-day RFM table, scored, grouped the course's way and tagged", () => {
  it("summarises the orders of the window per customer; recency from the last order ever", () => {
    expect(valuesOf(segmentSheet(), "E2:H7")).toEqual([
      ["A001", 10, 2, 5500],
      ["A002", 180, 1, 150],
      ["A003", 152, 2, 6000],
      ["A004", 90, 1, 1500],
      ["A005", 5, 1, 2500],
      ["A006", 671, 0, 0],
    ]);
  });

  it("scores with the course's table and groups by the course's rules", () => {
    const hf = segmentSheet();
    // Seed scores; means R 21/6 = 3.5, F 13/6 ≈ 2.17, M 20/6 ≈ 3.33.
    expect(valuesOf(hf, "I2:K7")).toEqual([
      [5, 3, 5],
      [3, 2, 2],
      [3, 3, 5],
      [4, 2, 3],
      [5, 2, 4],
      [1, 1, 1],
    ]);
    // A001 all high → rule 1; A002 all low, R not 1 → rule 6; A003 R low, F and M high → rule 4;
    // A004 R high only → rule 7; A005 R and M high, F low → rule 5; A006 R = 1 → rule 3.
    expect(column(valuesOf(hf, "L2:L7"))).toEqual(["重要价值客户", "低价值客户", "重要保持客户", "一般价值客户", "重要发展客户", "沉睡客户"]);
  });

  it("tags each customer; A006, without an order in the window, has 无订单", () => {
    // Order values 2750, 150, 3000, 1500, 2500 (A006 none): 1/3 quantile 1500 + (1/3)·1000 = 1833.33,
    // 2/3 quantile 2500 + (2/3)·250 = 2666.67.
    expect(valuesOf(segmentSheet(), "M2:O7")).toEqual([
      ["高活跃", "中频", "高客单价"],
      ["低活跃", "低频", "低客单价"],
      ["低活跃", "中频", "高客单价"],
      ["中活跃", "低频", "低客单价"],
      ["高活跃", "低频", "中客单价"],
      ["沉睡", "低频", "无订单"],
    ]);
  });

  it("recalculates the whole chain when an order changes", () => {
    const hf = segmentSheet();
    // A002 ordered on 2024-12-11 instead: 20 days, R score 5; R mean 23/6 ≈ 3.83, A002 is high on R only
    // → 一般价值; A004's R of 4 stays high.
    hf.setCellContents(address(hf, "B5"), serial("2024-12-11"));
    expect(valuesOf(hf, "E3:H3")).toEqual([["A002", 20, 1, 150]]);
    expect(valuesOf(hf, "I3:K3")).toEqual([[5, 2, 2]]);
    expect(column(valuesOf(hf, "L2:L7"))).toEqual(["重要价值客户", "一般价值客户", "重要保持客户", "一般价值客户", "重要发展客户", "沉睡客户"]);
    expect(valuesOf(hf, "M3:O3")).toEqual([["高活跃", "低频", "低客单价"]]);

    // A006's order moved into the window: 1 order of 200; its tags and group follow.
    hf.setCellContents(address(hf, "B11"), serial("2024-11-30"));
    expect(valuesOf(hf, "E7:H7")).toEqual([["A006", 31, 1, 200]]);
    expect(valuesOf(hf, "M7:O7")).toEqual([["中活跃", "低频", "低客单价"]]);
  });
});
