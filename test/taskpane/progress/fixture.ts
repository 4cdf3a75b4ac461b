import type { RangeData } from "../../../src/excel/gateway";

/**
 * The worked case of the Progress wizard: a team of five, a 2025 plan of 7,200,000 split by month with the
 * 618 (June) and 双11 (November) peaks, and actuals from January to June.
 */
export const NAMES = ["张伟", "李娜", "王芳", "刘洋", "陈静"] as const;
export const YEARLY = [2_400_000, 1_800_000, 1_200_000, 1_200_000, 600_000] as const;
/** Monthly shares in percent (they add up to 100). */
export const SHARES = [6, 6, 8, 8, 8, 10, 6, 6, 8, 8, 14, 12] as const;
/** Each person's month: year × share ÷ 100, whole yuan. */
export const TARGETS: readonly (readonly number[])[] = YEARLY.map((year) => SHARES.map((share) => (year * share) / 100));
/** Actuals January to June. */
export const ACTUALS: readonly (readonly number[])[] = [
  [150_000, 140_000, 200_000, 190_000, 195_000, 250_000],
  [110_000, 100_000, 130_000, 140_000, 140_000, 150_000],
  [80_000, 70_000, 100_000, 96_000, 90_000, 130_000],
  [50_000, 40_000, 60_000, 55_000, 60_000, 70_000],
  [40_000, 36_000, 50_000, 48_000, 50_000, 70_000],
];
export const YEAR = 2025;
export const MONTHS_DONE = 6;

/** The "Targets" sheet a manager keeps: a header row, then one row per person. */
export function targetsSheet(): unknown[][] {
  return [["销售员", ...SHARES.map((_, k) => `${k + 1}月`)], ...NAMES.map((name, i) => [name, ...TARGETS[i]!])];
}

/** The same range as the gateway reads it when the user selects it. */
export function targetsRange(): RangeData {
  return { address: "Targets!A1:M6", values: targetsSheet() as RangeData["values"] };
}

/** An order export: per person and month, the month's actual as two orders (text dates and amounts in some rows). */
export function ordersSheet(textual = false): unknown[][] {
  const rows: unknown[][] = [["订单号", "下单日期", "业务员", "实付金额"]];
  let id = 1;
  NAMES.forEach((name, i) =>
    ACTUALS[i]!.forEach((amount, k) => {
      const first = Math.round(amount * 0.4);
      const day = (d: number) => Date.UTC(YEAR, k, d) / 86_400_000 + 25_569;
      rows.push([`A${id++}`, textual ? `${YEAR}年${k + 1}月3日` : day(3), name, textual ? `¥${first.toLocaleString("en-US")}` : first]);
      rows.push([`A${id++}`, day(20), name, amount - first]);
    }),
  );
  // An order of another year and one of someone outside the plan: not counted.
  rows.push([`A${id++}`, Date.UTC(YEAR - 1, 11, 30) / 86_400_000 + 25_569, NAMES[0], 99_999]);
  rows.push([`A${id++}`, Date.UTC(YEAR, 2, 1) / 86_400_000 + 25_569, "赵六", 5_000]);
  return rows;
}
