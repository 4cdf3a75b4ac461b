import type { CellValue, RangeData } from "../../../excel/gateway";
import { createDraft, rowsOf, type FormDraft } from "../../components/form-draft";
import { LEVELS, type DecomposeDraft, type Level } from "./decompose-schema";

/** The lists of the form. */
export const LISTS = ["channels", "products", "regions", "people"] as const;
export type ListName = (typeof LISTS)[number];

export const BLANK_ROW: Readonly<Record<ListName, Readonly<Record<string, string>>>> = {
  channels: { name: "", weight: "" },
  products: { name: "", weight: "" },
  regions: { name: "", weight: "" },
  people: { name: "", history: "", potential: "", ramp: "100" },
};

/** The level checkboxes are fields "level.time"… holding "true" or "false". */
export const levelField = (level: Level) => `level.${level}`;

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
  return draft.fields[levelField("channels")] === "true" && index < channels ? parent : "total";
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
    },
    channels: weighted("channels"),
    products: weighted("products"),
    regions: weighted("regions"),
    salespeople: {
      parent: salespeopleParent(draft),
      blend: { history: field("blendHistory"), potential: field("blendPotential"), even: field("blendEven") },
      people: rowsOf(draft, "people") as { name: string; history: string; potential: string; ramp: string }[],
    },
  };
}
