/** Names a new sheet or table can take without replacing anything the workbook has. */

/** Excel's limit on a sheet name: 31 characters, none of : \ / ? * [ ]. */
export const MAX_SHEET_NAME = 31;

/** `preferred`, or "preferred (2)", "preferred (3)"… — the first not in `taken` (case-insensitive). */
export function freeSheetName(preferred: string, taken: readonly string[]): string {
  const base = preferred.replace(/[:\\/?*[\]]/g, " ").trim().slice(0, MAX_SHEET_NAME) || "Sheet";
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A valid, free table name: Excel wants a letter or "_" first, then letters, digits, "_" or "."; table
 * names are unique across the workbook (case-insensitive), so a taken name becomes "name_2", "name_3"…
 */
export function freeTableName(preferred: string, taken: readonly string[]): string {
  let base = preferred.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  base = base.slice(0, 200);
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
