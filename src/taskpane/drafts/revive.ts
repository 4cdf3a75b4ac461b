import type { DraftRow, FormDraft } from "../components/form-draft";
import type { Revive } from "./use-drafts";

/**
 * Revivers for drafts read back from storage: each checks the shape against the page's initial value and
 * returns a draft the page can use, or undefined (the page starts afresh). What a newer form added gets
 * its initial value; what it no longer has is dropped.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Text fields: the initial's keys, each kept when stored as text. */
export function reviveStrings<T extends Readonly<Record<string, string>>>(initial: T): Revive<T> {
  return (value) => {
    if (!isRecord(value)) return undefined;
    return Object.fromEntries(Object.entries(initial).map(([key, text]) => [key, typeof value[key] === "string" ? value[key] : text])) as T;
  };
}

/** A whole number from 0 to count − 1 (a step, a tab). */
export function reviveIndex(count: number): Revive<number> {
  return (value) => (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < count ? value : undefined);
}

/** One of the given texts (a sub-tab's id). */
export function reviveOneOf<T extends string>(values: readonly T[]): Revive<T> {
  return (value) => (values.includes(value as T) ? (value as T) : undefined);
}

/** Anything a guard accepts (small page-specific shapes). */
export function reviveIf<T>(guard: (value: unknown) => boolean): Revive<T> {
  return (value) => (guard(value) ? (value as T) : undefined);
}

/**
 * A list form's draft (form-draft.ts): the initial's fields, each kept when stored as text; the initial's
 * lists, each kept when every row is a record of texts with an id; `nextId` past every id kept.
 */
export function reviveFormDraft(initial: FormDraft): Revive<FormDraft> {
  return (value) => {
    if (!isRecord(value) || !isRecord(value.fields) || !isRecord(value.lists)) return undefined;
    const storedFields = value.fields;
    const storedLists = value.lists;
    const fields = Object.fromEntries(Object.entries(initial.fields).map(([key, text]) => [key, typeof storedFields[key] === "string" ? (storedFields[key] as string) : text]));
    let nextId = typeof value.nextId === "number" && Number.isInteger(value.nextId) && value.nextId > 0 ? value.nextId : initial.nextId;
    const lists: Record<string, readonly DraftRow[]> = {};
    for (const [list, rows] of Object.entries(initial.lists)) {
      const stored = storedLists[list];
      const valid = Array.isArray(stored) && stored.every((row) => isRecord(row) && typeof row.id === "string" && Object.values(row).every((cell) => typeof cell === "string"));
      lists[list] = valid ? (stored as DraftRow[]) : rows;
      for (const row of lists[list]!) {
        const n = /^r(\d+)$/.exec(row.id)?.[1];
        if (n !== undefined) nextId = Math.max(nextId, Number(n) + 1);
      }
    }
    return { fields, lists, nextId };
  };
}
