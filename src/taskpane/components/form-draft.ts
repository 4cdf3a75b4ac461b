/**
 * The text a wizard form holds before validation: single fields, and lists of rows (each with a stable id
 * for React keys and focus). Pure transitions, tested in Node.
 */
export type DraftRow = Readonly<Record<string, string>> & { readonly id: string };

export interface FormDraft {
  readonly fields: Readonly<Record<string, string>>;
  readonly lists: Readonly<Record<string, readonly DraftRow[]>>;
  readonly nextId: number;
}

export type DraftAction =
  | { readonly type: "setField"; readonly field: string; readonly value: string }
  | { readonly type: "addRow"; readonly list: string; readonly row: Readonly<Record<string, string>> }
  | { readonly type: "removeRow"; readonly list: string; readonly id: string }
  | { readonly type: "setCell"; readonly list: string; readonly id: string; readonly field: string; readonly value: string }
  /** Rows read from the workbook: they replace the list's rows, or are added after them. */
  | { readonly type: "setRows"; readonly list: string; readonly rows: readonly Readonly<Record<string, string>>[]; readonly mode: "replace" | "append" };

/** A draft from initial fields and rows (ids are assigned here). */
export function createDraft(fields: Record<string, string>, lists: Record<string, readonly Record<string, string>[]>): FormDraft {
  let nextId = 1;
  const withIds: Record<string, DraftRow[]> = {};
  for (const [list, rows] of Object.entries(lists)) withIds[list] = rows.map((row) => ({ ...row, id: `r${nextId++}` }));
  return { fields, lists: withIds, nextId };
}

export function draftReducer(state: FormDraft, action: DraftAction): FormDraft {
  switch (action.type) {
    case "setField":
      return { ...state, fields: { ...state.fields, [action.field]: action.value } };
    case "addRow":
      return {
        ...state,
        lists: { ...state.lists, [action.list]: [...(state.lists[action.list] ?? []), { ...action.row, id: `r${state.nextId}` }] },
        nextId: state.nextId + 1,
      };
    case "removeRow":
      return { ...state, lists: { ...state.lists, [action.list]: (state.lists[action.list] ?? []).filter((row) => row.id !== action.id) } };
    case "setCell":
      return {
        ...state,
        lists: {
          ...state.lists,
          [action.list]: (state.lists[action.list] ?? []).map((row) => (row.id === action.id ? { ...row, [action.field]: action.value } : row)),
        },
      };
    case "setRows": {
      const kept = action.mode === "append" ? (state.lists[action.list] ?? []) : [];
      const added = action.rows.map((row, i) => ({ ...row, id: `r${state.nextId + i}` }));
      return { ...state, lists: { ...state.lists, [action.list]: [...kept, ...added] }, nextId: state.nextId + action.rows.length };
    }
  }
}

/** A row as a new one starts (`blank`: its defaults, such as a ramp of 100): nothing typed in it yet. */
export function isBlankRow(row: DraftRow, blank: Readonly<Record<string, string>> = {}): boolean {
  return Object.entries(row).every(([field, value]) => field === "id" || value.trim() === "" || value === blank[field]);
}

/** A list's rows without their ids, as the schema wants them. */
export function rowsOf(draft: FormDraft, list: string): Record<string, string>[] {
  return (draft.lists[list] ?? []).map(({ id: _id, ...row }) => row);
}
