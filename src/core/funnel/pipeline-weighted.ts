import { CoreError, fail } from "../shared/errors";
import { requireNonNegative } from "../shared/checks";
import { requireRate } from "../shared/rates";
import { toExcelPrecision } from "../shared/rounding";

/**
 * The weighted pipeline (商机加权): each open opportunity's amount × the win probability (赢率) of its sales
 * stage (商机阶段), looked up in a stage table — the expected revenue of the pipeline, as CRMs compute it.
 *
 * - Stage names match after {@link stageKey}: Unicode NFKC (full-width letters and digits, the ideographic
 *   space), white space trimmed and runs of it taken as one space, upper and lower case alike. A number and
 *   the text that writes it (`1` and `"1"`) are the same stage.
 * - Probabilities are rates in [0, 1] (`requireRate` with 0 allowed: 60 is "enter 60% or 0.6"); a stage
 *   listed twice with different probabilities is an error naming both rows (twice with the same one is
 *   harmless). Amounts are ≥ 0.
 * - An opportunity whose stage is not in the table gets `#N/A` in its own cell, with a message naming its
 *   row and stage; the others still show (a lookup miss, as XLOOKUP has per row).
 * - Each product is cleaned to 15 significant digits (500,000 × 80% is exactly 400,000). O(n + m).
 *
 * Worked example (docs/functions.md): 50万 at 谈判 80% → 400,000; 12万 at 方案报价 60% → 72,000.
 */

/** A stage table: one name and one win probability per entry. */
export interface StageTable {
  readonly names: ArrayLike<string | number>;
  readonly probabilities: ArrayLike<number>;
  /** The 1-based row of the first entry within the table's range (2 under a header row); default 1. */
  readonly firstRow?: number;
}

/** A weighted amount, or the `#N/A` its cell shows for a stage the table does not list. */
export type WeightedAmount = number | { readonly error: "na"; readonly because: CoreError };

const TABLE = "stage_table";

/** A name as a message quotes it: trimmed, and cut at 40 characters. */
function shown(name: string | number): string {
  const text = String(name).trim();
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/**
 * The key two stage names are compared by: NFKC, trimmed, white-space runs as one space, lower case.
 * "\u3000方案报价 " (an ideographic space before) → "方案报价"; "Closed  WON" → "closed won"; "ｓｔａｇｅ１" → "stage1".
 */
export function stageKey(name: string | number): string {
  if (typeof name === "number") return String(name);
  return name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * @param amounts amount of each opportunity, ≥ 0
 * @param stages the stage of each opportunity (as many as amounts)
 * @param table the stages and their win probabilities
 * @returns one weighted amount per opportunity, in order
 */
export function pipelineWeighted(amounts: ArrayLike<number>, stages: ArrayLike<string | number>, table: StageTable): WeightedAmount[] {
  const n = amounts.length;
  if (n === 0) throw fail("EMPTY", { arg: "amounts" });
  if (stages.length !== n) throw fail("LENGTH_MISMATCH", { arg: "stages", length: stages.length, otherArg: "amounts", otherLength: n });
  const probability = probabilityByStage(table);

  // Stages repeat (a handful of names over thousands of opportunities): each distinct text is keyed once.
  const keys = new Map<string | number, string>();
  const out = new Array<WeightedAmount>(n);
  for (let i = 0; i < n; i++) {
    const amount = requireNonNegative(amounts[i] as number, { arg: "amounts", index: i });
    const stage = stages[i] as string | number;
    let key = keys.get(stage);
    if (key === undefined) {
      key = stageKey(stage);
      keys.set(stage, key);
    }
    const p = probability.get(key);
    out[i] =
      p === undefined
        ? { error: "na", because: fail("UNKNOWN_STAGE", { arg: "stages", index: i, value: shown(stage), otherArg: TABLE }, "na") }
        : toExcelPrecision(amount * p.value);
  }
  return out;
}

/** The table as a map from stage key to probability (and the row that gave it), every entry checked. */
function probabilityByStage(table: StageTable): Map<string, { value: number; row: number }> {
  const m = table.names.length;
  if (m === 0) throw fail("EMPTY", { arg: TABLE });
  if (table.probabilities.length !== m) {
    throw fail("LENGTH_MISMATCH", { arg: TABLE, length: table.probabilities.length, otherArg: TABLE, otherLength: m });
  }
  const firstRow = table.firstRow ?? 1;
  const byKey = new Map<string, { value: number; row: number }>();
  for (let j = 0; j < m; j++) {
    const row = firstRow + j;
    const value = requireRate(table.probabilities[j] as number, { arg: TABLE, row, column: 2 }, { allowZero: true });
    const name = table.names[j] as string | number;
    const key = stageKey(name);
    const earlier = byKey.get(key);
    if (earlier === undefined) byKey.set(key, { value, row });
    else if (earlier.value !== value) {
      throw fail("DUPLICATE_STAGE", { arg: TABLE, row, value: shown(name), probability: value, otherRow: earlier.row, otherProbability: earlier.value });
    }
  }
  return byKey;
}
