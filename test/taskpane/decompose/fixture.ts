import type { DecomposeDraft, DecomposeInput } from "../../../src/taskpane/features/decompose/decompose-schema";

/** Monthly sales 1949–1951 (AirPassengers, thousands): the seasonal history on 'Sales history'!B2:M4. */
export const HISTORY = [
  [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118],
  [115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140],
  [145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166],
];

export const CHANNELS = [
  { name: "天猫", weight: 50 },
  { name: "抖音", weight: 30 },
  { name: "小红书", weight: 15 },
  { name: "其他", weight: 5 },
];
export const PRODUCTS = [
  { name: "护肤", weight: 50 },
  { name: "彩妆", weight: 30 },
  { name: "个护", weight: 20 },
];
export const REGIONS = [
  { name: "华东", weight: 40 },
  { name: "华南", weight: 30 },
  { name: "华北", weight: 20 },
  { name: "西部", weight: 10 },
];
/** Five reps (docs/functions.md, QUOTA.ALLOCATE): the new hire at a 37.5% ramp. */
export const PEOPLE = [
  { name: "王芳", history: 3_200_000, potential: 3_000_000, ramp: 1 },
  { name: "李强", history: 2_600_000, potential: 3_500_000, ramp: 1 },
  { name: "张伟", history: 2_100_000, potential: 2_500_000, ramp: 1 },
  { name: "刘洋", history: 1_500_000, potential: 2_000_000, ramp: 1 },
  { name: "陈静", history: 0, potential: 2_000_000, ramp: 0.375 },
];

/** The course's example as the form holds it: 120M from 'SMART target'!B8, unit 10,000. */
export function exampleDraft(): DecomposeDraft {
  return {
    levels: { time: true, channels: true, products: true, regions: false, salespeople: true },
    base: { period: "2026", source: "cell", total: "", cell: "'SMART target'!B8", cellValue: 120_000_000, unit: "10,000" },
    time: { periods: "months", custom: "", method: "seasonal", history: "'Sales history'!B2:M4" },
    channels: CHANNELS.map((c) => ({ name: c.name, weight: String(c.weight) })),
    products: PRODUCTS.map((p) => ({ name: p.name, weight: `${p.weight}%` })),
    regions: REGIONS.map((r) => ({ name: r.name, weight: String(r.weight) })),
    salespeople: {
      parent: "0",
      blend: { history: "60", potential: "40", even: "0" },
      people: PEOPLE.map((p) => ({ name: p.name, history: p.history.toLocaleString("en-US"), potential: String(p.potential), ramp: String(p.ramp * 100) })),
    },
  };
}

/** The same example, validated. */
export function exampleInput(overrides: Partial<DecomposeInput> = {}): DecomposeInput {
  return {
    period: "2026",
    total: { kind: "cell", sheet: "SMART target", row: 7, column: 1, value: 120_000_000 },
    unit: 10_000,
    display: "yuan",
    time: { periods: "months", custom: [], method: "seasonal", history: { sheet: "Sales history", row: 1, column: 1, rows: 3, columns: 12 } },
    channels: CHANNELS,
    products: PRODUCTS,
    salespeople: { parent: 0, blend: { history: 0.6, potential: 0.4, even: 0 }, people: PEOPLE },
    ...overrides,
  };
}
