import type { CellSpec, SheetPlan } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { MARKET_STRINGS } from "../../../i18n/market";
import { EMPTY, f, lit, v } from "./cells";
import type { Factor, SwotInput } from "./market-schema";

const QUADRANTS = [
  ["strengths", "quadrantS", "S"],
  ["weaknesses", "quadrantW", "W"],
  ["opportunities", "quadrantO", "O"],
  ["threats", "quadrantT", "T"],
] as const;

/**
 * The SWOT sheet: for each quadrant a titled, weighted table (factor, weight, rating, weighted score
 * `=B×C`) as an Excel table, and a total row (`=SUM` of weights and scores: the weighted average rating);
 * then the assessment — internal score S − W, external score O − T, and the suggested strategy
 * (SO when both are ≥ 0, ST when only the internal one is, WO when only the external one is, WT
 * otherwise) — and the SO/ST/WO/WT strategy grid. Rows are 1-based in the comments.
 */
export function swotPlan(input: SwotInput, language: Language): SheetPlan {
  const t = MARKET_STRINGS[language];
  const rows: CellSpec[][] = [[v(t.sheetSwot)], []];
  const boldRows = [1];
  const tables: { name: string; address: string; hasHeaders: boolean }[] = [];
  const numberFormats: { address: string; format: string }[] = [];
  const totalRow: Partial<Record<"S" | "W" | "O" | "T", number>> = {};

  for (const [key, label, letter] of QUADRANTS) {
    const factors: readonly Factor[] = input[key];
    rows.push([v(t[label])]);
    boldRows.push(rows.length);
    rows.push([v(t.cellFactor), v(t.cellWeight), v(t.cellRating), v(t.cellScore)]);
    const header = rows.length;
    for (const factor of factors) {
      const r = rows.length + 1;
      rows.push([v(factor.factor), v(factor.weight), v(factor.rating), f(`=B${r}*C${r}`)]);
    }
    const first = header + 1;
    const last = rows.length;
    const total = last + 1;
    rows.push([v(t.cellTotal), f(`=SUM(B${first}:B${last})`), EMPTY, f(`=SUM(D${first}:D${last})`)]);
    boldRows.push(header, total);
    totalRow[letter] = total;
    tables.push({ name: `SWOT_${letter}`, address: `A${header}:D${last}`, hasHeaders: true });
    numberFormats.push({ address: `B${first}:B${total}`, format: "0%" }, { address: `D${first}:D${total}`, format: "0.00" });
    rows.push([]);
  }

  rows.push([v(t.cellAssessment)]);
  boldRows.push(rows.length);
  const internal = rows.length + 1;
  const external = internal + 1;
  const strategy = internal + 2;
  rows.push([v(t.cellInternal), f(`=D${totalRow.S}-D${totalRow.W}`)]);
  rows.push([v(t.cellExternal), f(`=D${totalRow.O}-D${totalRow.T}`)]);
  rows.push([
    v(t.cellStrategy),
    f(`=IF(B${internal}>=0,IF(B${external}>=0,${lit(t.strategyNameSO)},${lit(t.strategyNameST)}),IF(B${external}>=0,${lit(t.strategyNameWO)},${lit(t.strategyNameWT)}))`),
  ]);
  numberFormats.push({ address: `B${internal}:B${external}`, format: "0.00" });
  rows.push([]);

  rows.push([v(t.cellStrategyGrid), v(t.quadrantO), v(t.quadrantT)]);
  boldRows.push(rows.length);
  const { so, st, wo, wt } = input.strategies;
  rows.push([v(t.quadrantS), so ? v(so) : EMPTY, st ? v(st) : EMPTY]);
  rows.push([v(t.quadrantW), wo ? v(wo) : EMPTY, wt ? v(wt) : EMPTY]);

  return {
    name: t.sheetSwot,
    rows,
    boldRows,
    tables,
    numberFormats,
    names: [
      { name: "SWOT_Internal", address: `B${internal}` },
      { name: "SWOT_External", address: `B${external}` },
      { name: "SWOT_Strategy", address: `B${strategy}` },
    ],
  };
}
