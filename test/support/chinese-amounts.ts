/**
 * Amounts as Chinese order exports and people write them, with the number each means: one list for the
 * cells (the functions' reader) and the pane's amount fields, which must read them alike.
 */
export const CHINESE_AMOUNTS: readonly (readonly [text: string, value: number])[] = [
  ["1200元", 1200],
  ["¥1,200", 1200],
  ["￥1200.50", 1200.5],
  ["RMB 1200", 1200],
  ["CNY 1200", 1200],
  ["CNY1200", 1200],
  ["1.2万", 12_000],
  ["4000万", 40_000_000],
  ["3亿", 300_000_000],
  ["1.2亿", 120_000_000],
  ["1.2万元", 12_000],
  ["１２００", 1200],
  ["１，２００．５", 1200.5],
  ["-1,200", -1200],
  ["(1,200)", -1200],
  ["1e3", 1000],
  ["1.5E3", 1500],
  ["1e16", 1e16],
];
