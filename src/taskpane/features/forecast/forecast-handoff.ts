/**
 * "Use it": the forecast handed to the planning pages through their drafts (the draft store), as if the
 * manager had typed it there — nothing in those pages changes but what they show next time they open:
 * - SMART target: the baseline becomes the forecast total of the horizon;
 * - Decompose: the time level is on and split seasonally, its history being the forecast's base cells on the
 *   written sheet (one season of them), so the months follow the forecast's shape and stay live. The periods
 *   are Decompose's months (or quarters) when the forecast starts in January (or Q1), else the forecast's
 *   own period labels, so that each period's share is its own.
 * Each draft is read with its page's own reviver first, so a missing or stale draft starts from the page's
 * initial one and what the manager typed elsewhere stays.
 */
import { draftReducer, type FormDraft } from "../../components/form-draft";
import { reviveFormDraft, reviveStrings } from "../../drafts/revive";
import { initialDecompose, levelField } from "../decompose/decompose-draft";
import { EMPTY_DRAFT, type SmartDraft } from "../smart/smart-schema";

/** What a written forecast hands over. */
export interface Written {
  /** The sheet the write made (or updated). */
  readonly sheet: string;
  /** The forecast total of the horizon (the sheet's B5, as the core computed it). */
  readonly total: number;
  readonly horizon: number;
  readonly season: number;
  /** The total block's first season of base forecasts on the sheet ("'销售预测'!D40:D51"), when there is one. */
  readonly shape?: string;
  /** Decompose's periods for that shape. */
  readonly periods?: "months" | "quarters" | { readonly custom: readonly string[] };
}

/** The total as a baseline typed in a form: its cents, no grouping (the forms read "1234567.89"). */
export const baselineText = (total: number) => String(Math.round(total * 100) / 100);

export function smartWithBaseline(previous: unknown, total: number): SmartDraft {
  const draft = reviveStrings(EMPTY_DRAFT)(previous) ?? EMPTY_DRAFT;
  return { ...draft, baseline: baselineText(total) };
}

export function decomposeWithShape(previous: unknown, written: Written): FormDraft {
  const initial = initialDecompose();
  let draft = reviveFormDraft(initial)(previous) ?? initial;
  if (written.shape === undefined || written.periods === undefined) return draft;
  const set = (field: string, value: string) => {
    draft = draftReducer(draft, { type: "setField", field, value });
  };
  set(levelField("time"), "true");
  set("method", "seasonal");
  set("history", written.shape);
  if (typeof written.periods === "string") set("periods", written.periods);
  else {
    set("periods", "custom");
    set("custom", written.periods.custom.join("、"));
  }
  return draft;
}

/** The periods Decompose splits the shape over: its months or quarters when the forecast starts a year, else the forecast's labels. */
export function shapePeriods(season: number, futureLabels: readonly string[], startsYear: boolean): Written["periods"] {
  if (startsYear && season === 12) return "months";
  if (startsYear && season === 4) return "quarters";
  return { custom: futureLabels.slice(0, season) };
}
