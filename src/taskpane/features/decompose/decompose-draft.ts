import type { CellValue, RangeData } from "../../../excel/gateway";
import { createDraft, rowsOf, type FormDraft } from "../../components/form-draft";
import { GRID_ROWS, LEVELS, type DecomposeDraft, type GridRows, type Level } from "./decompose-schema";

/** The lists of the form. */
export const LISTS = ["channels", "products", "regions", "people"] as const;
export type ListName = (typeof LISTS)[number];

export const BLANK_ROW: Readonly<Record<ListName, Readonly<Record<string, string>>>> = {
  channels: { name: "", weight: "" },
  products: { name: "", weight: "" },
  regions: { name: "", weight: "" },
  people: { name: "", region: "", history: "", potential: "", ramp: "100" },
};

/** The level checkboxes are fields "level.time"… holding "true" or "false". */
export const levelField = (level: Level) => `level.${level}`;

/** The field of period i's typed weight (method "typed"). */
export const periodWeightField = (i: number) => `periodWeight.${i}`;

/**
 * The field of a channel's row holding its weight for a product line (a mix per channel), by the product
 * row's id: kept on the channel's row, so that it goes with the row (and the stored draft keeps it).
 */
export const mixField = (productId: string) => `mix.${productId}`;

/** The most periods (custom ones): as many typed weights are kept. */
const MAX_PERIODS = 60;

/** A new form: typed total, unit 10,000, time (even, 12 months) and channels chosen, one blank row per list. */
export function initialDecompose(): FormDraft {
  return createDraft(
    {
      period: "",
      source: "typed",
      total: "",
      unit: "10000",
      display: "yuan",
      periods: "months",
      custom: "",
      method: "equal",
      history: "",
      parent: "total",
      blendHistory: "60",
      blendPotential: "40",
      blendEven: "0",
      mixPerChannel: "false",
      grid: "false",
      gridRows: "salespeople",
      ...Object.fromEntries(Array.from({ length: MAX_PERIODS }, (_, i) => [periodWeightField(i), ""])),
      ...Object.fromEntries(LEVELS.map((level) => [levelField(level), level === "time" || level === "channels" ? "true" : "false"])),
    },
    Object.fromEntries(LISTS.map((list) => [list, [BLANK_ROW[list]]])),
  );
}

/** The cell the user picked as the total, as read when picked. */
export interface PickedCell {
  readonly address: string;
  readonly value: CellValue;
}

/**
 * Whose amount the salespeople share, as the select shows it: a channel's index while that channel is
 * listed and the Channels level is chosen, else "total" (the select has no other option to show).
 */
export function salespeopleParent(draft: FormDraft): string {
  const parent = draft.fields.parent ?? "total";
  const channels = draft.lists.channels?.length ?? 0;
  const index = /^\d+$/.test(parent) ? Number(parent) : Number.NaN;
  if (parent === "regions") return draft.fields[levelField("regions")] === "true" ? parent : "total";
  return draft.fields[levelField("channels")] === "true" && index < channels ? parent : "total";
}

/** The level whose rows the period plan has, as the select shows it: the chosen one while its level is on, else the first level on. */
export function gridRowsOf(draft: FormDraft): GridRows {
  const chosen = draft.fields.gridRows as GridRows;
  const on = (level: GridRows) => draft.fields[levelField(level)] === "true";
  if (GRID_ROWS.includes(chosen) && on(chosen)) return chosen;
  return GRID_ROWS.find(on) ?? "salespeople";
}

/** The form's text as the schema reads it. */
export function toDecomposeDraft(draft: FormDraft, picked: PickedCell | undefined, historyData?: RangeData): DecomposeDraft {
  const field = (name: string) => draft.fields[name] ?? "";
  const weighted = (list: ListName) => rowsOf(draft, list) as { name: string; weight: string }[];
  return {
    levels: Object.fromEntries(LEVELS.map((level) => [level, field(levelField(level)) === "true"])) as Record<Level, boolean>,
    base: {
      period: field("period"),
      source: field("source") === "cell" ? "cell" : "typed",
      total: field("total"),
      cell: picked?.address ?? "",
      cellValue: picked?.value ?? null,
      unit: field("unit"),
      display: field("display") === "wan" ? "wan" : "yuan",
    },
    time: {
      periods: field("periods") as DecomposeDraft["time"]["periods"],
      custom: field("custom"),
      method: field("method") as DecomposeDraft["time"]["method"],
      history: field("history"),
      historyData,
      weights: Array.from({ length: MAX_PERIODS }, (_, i) => field(periodWeightField(i))),
    },
    channels: weighted("channels"),
    products: weighted("products"),
    productMix: {
      perChannel: field("mixPerChannel") === "true",
      cells: (draft.lists.channels ?? []).map((channel) => (draft.lists.products ?? []).map((product) => channel[mixField(product.id)] ?? "")),
    },
    regions: weighted("regions"),
    salespeople: {
      parent: salespeopleParent(draft),
      blend: { history: field("blendHistory"), potential: field("blendPotential"), even: field("blendEven") },
      people: rowsOf(draft, "people") as { name: string; region: string; history: string; potential: string; ramp: string }[],
    },
    // The period plan's checkbox shows only with the Time level and a level with rows: hidden, it is off.
    grid: { on: field("grid") === "true" && field(levelField("time")) === "true" && GRID_ROWS.some((level) => field(levelField(level)) === "true"), rows: gridRowsOf(draft) },
  };
}
