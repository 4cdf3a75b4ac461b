import { isoFromSerial, serialFromYmd } from "../../../core/shared/excel-date";
import type { RangeData } from "../../../excel/gateway";
import { formatAmount } from "../../../i18n/format";
import type { Language } from "../../../i18n/language";
import type { ProgressStrings } from "../../../i18n/progress";
import { createDraft, rowsOf, type FormDraft } from "../../components/form-draft";
import type { FieldParams } from "../../components/validation";
import type { OrdersProblem } from "./orders";
import type { PlanProblem } from "./plan-source";
import type { ProgressDraft, ProgressErrorCode } from "./progress-schema";

export const BLANK_LEAVER: Readonly<Record<string, string>> = { leaver: "", takers: "" };

/** Today as the date field shows it (2025-07-01). */
export function today(now = new Date()): string {
  return isoFromSerial(serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) ?? 45658);
}

/** A new form: a target range, this year, actuals typed, paced by the plan's shares, green from 100% and amber from 90%. */
export function initialProgress(now = new Date()): FormDraft {
  return createDraft(
    {
      source: "range",
      planAddress: "",
      year: String(now.getFullYear()),
      unit: "1",
      actuals: "typed",
      ordersAddress: "",
      monthsDone: String(Math.max(1, now.getMonth())),
      basis: "plan",
      green: "100",
      amber: "90",
      display: "yuan",
      reviewSheet: "",
      method: "remaining",
      version: "2",
      reason: "",
      who: "",
      date: today(now),
    },
    { leavers: [] },
  );
}

/** The form's text (and the ranges read for it) as the schema reads it. */
export function toProgressDraft(draft: FormDraft, planData: RangeData | undefined, ordersData: RangeData | undefined): ProgressDraft {
  const field = (name: string) => draft.fields[name] ?? "";
  return {
    source: field("source"),
    planAddress: field("planAddress"),
    planData,
    year: field("year"),
    unit: field("unit"),
    actuals: field("actuals"),
    ordersAddress: field("ordersAddress"),
    ordersData,
    monthsDone: field("monthsDone"),
    basis: field("basis"),
    green: field("green"),
    amber: field("amber"),
    display: field("display"),
    reviewSheet: field("reviewSheet"),
    method: field("method"),
    version: field("version"),
    reason: field("reason"),
    who: field("who"),
    date: field("date"),
    leavers: rowsOf(draft, "leavers") as { leaver: string; takers: string }[],
  };
}

/** A picked plan's problem in words. */
export function planProblemMessage(problem: PlanProblem, t: ProgressStrings, language: Language): string {
  const p = t.planProblems;
  switch (problem.code) {
    case "tooManyPeople":
      return p.tooManyPeople(problem.max);
    case "duplicate":
      return p.duplicate(problem.name);
    case "rowTooSmall":
      return p.rowTooSmall(problem.name);
    case "notNumbers":
      return p.notNumbers(problem.cells);
    case "notMultiple":
      return p.notMultiple(problem.cells, formatAmount(problem.unit, language));
    default:
      return p[problem.code];
  }
}

/** An order export's problem in words. */
export function ordersProblemMessage(problem: OrdersProblem, t: ProgressStrings): string {
  const p = t.planProblems;
  switch (problem.code) {
    case "noColumns":
      return p.noColumns(problem.missing.map((c) => (c === "person" ? t.columnPerson : c === "date" ? t.columnDate : t.columnAmount)).join(language(t)));
    case "badOrderCells":
      return p.badOrderCells(problem.cells);
    default:
      return p[problem.code];
  }
}

/** The list separator of the strings' language. */
const language = (t: ProgressStrings) => (t.columnPerson === "salesperson" ? ", " : "、");

/** A field's message: its code in words (with the read range's problem for "plan" and "orders"). */
export function errorMessage(code: ProgressErrorCode | undefined, params: FieldParams[string] | undefined, t: ProgressStrings, lang: Language): string | undefined {
  if (code === undefined) return undefined;
  const held = (params ?? {}) as Record<string, unknown>;
  switch (code) {
    case "plan":
      return held.code === undefined ? t.errNotPicked : planProblemMessage(held as unknown as PlanProblem, t, lang);
    case "orders":
      return held.code === undefined ? t.errNotPicked : ordersProblemMessage(held as unknown as OrdersProblem, t);
    case "required":
      return t.errRequired;
    case "tooLong":
      return t.errTooLong;
    case "notNumber":
      return t.errNotNumber;
    case "percentNotAmount":
      return t.errPercentNotAmount(String(held.text ?? ""));
    case "tooLarge":
      return t.errTooLarge;
    case "date":
      return t.errDate;
    case "notPicked":
      return t.errNotPicked;
    case "year":
      return t.errYear;
    case "unitPositive":
      return t.errUnitPositive;
    case "monthsDone":
      return t.errMonthsDone;
    case "percentRange":
      return t.errPercentRange;
    case "amberAboveGreen":
      return t.errAmberAboveGreen;
    case "version":
      return t.errVersion;
    case "unknownPerson":
      return t.errUnknownPerson(String(held.names ?? ""));
    case "leaverTwice":
      return t.errLeaverTwice;
    case "takerIsLeaver":
      return t.errTakerIsLeaver(String(held.names ?? ""));
    case "noTakers":
      return t.errNoTakers;
    case "everyoneLeaves":
      return t.errEveryoneLeaves;
  }
}
