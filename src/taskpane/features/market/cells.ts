import type { CellSpec } from "../../../excel/gateway";

/** Cell helpers for the plan builders: a constant (text stays text), a formula, an empty cell. */
export const v = (value: string | number | boolean): CellSpec => ({ value });
export const f = (formula: string): CellSpec => ({ formula });
export const EMPTY: CellSpec = null;

/** A string literal for a formula: "text" with inner quotes doubled. */
export const lit = (text: string): string => `"${text.replace(/"/g, '""')}"`;
