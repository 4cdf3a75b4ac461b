import { draftReducer, type DraftAction, type FormDraft } from "../../../src/taskpane/components/form-draft";
import { initialFunnel } from "../../../src/taskpane/features/funnel/funnel-model";
import type { Language } from "../../../src/i18n/language";

/** A draft after these field edits (and list rows, by index). */
export function draftWith(fields: Readonly<Record<string, string>>, language: Language = "en", base?: FormDraft): FormDraft {
  let draft = base ?? initialFunnel(language);
  for (const [field, value] of Object.entries(fields)) draft = draftReducer(draft, { type: "setField", field, value });
  return draft;
}

/** Applies list edits: `rows` replace the list. */
export function withRows(draft: FormDraft, list: string, rows: readonly Record<string, string>[]): FormDraft {
  const action: DraftAction = { type: "setRows", list, rows, mode: "replace" };
  return draftReducer(draft, action);
}

/**
 * The course's example: the dealership funnel at 40% / 50% / 25%, a target of 100 deals, the four levers
 * (N +25%, K +10, F +10, C +5 points), the pyramid of 10,000,000 at 200,000 and a rate of 1/3.
 */
export const COURSE_FIELDS = { deals: "100", pyramidRevenue: "10000000", pyramidOrder: "200000", pyramidRate: "1/3" } as const;

export const courseDraft = (language: Language = "en") => draftWith(COURSE_FIELDS, language);
