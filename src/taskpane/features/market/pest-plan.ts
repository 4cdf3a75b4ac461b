import type { CellSpec, SheetPlan } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { MARKET_STRINGS, type MarketStrings } from "../../../i18n/market";
import { EMPTY, f, v } from "./cells";
import { PEST_DIMENSIONS, type PestDimension, type PestInput } from "./market-schema";

const DIMENSION_LABEL: Readonly<Record<PestDimension, keyof MarketStrings>> = { P: "dimP", E: "dimE", S: "dimS", T: "dimT" };

/**
 * The PEST sheet: one weighted table (dimension, factor, weight, rating, weighted score `=C×D`) from row
 * 3 as an Excel table, a total row, then a summary by dimension (`=SUMIF` of the scores and weights over
 * the dimension column) with a column chart of the scores.
 */
export function pestPlan(input: PestInput, language: Language): SheetPlan {
  const t = MARKET_STRINGS[language];
  const label = (d: PestDimension) => t[DIMENSION_LABEL[d]] as string;
  const rows: CellSpec[][] = [[v(t.sheetPest)], [], [v(t.cellDimension), v(t.cellFactor), v(t.cellWeight), v(t.cellRating), v(t.cellScore)]];
  for (const factor of input.factors) {
    const r = rows.length + 1;
    rows.push([v(label(factor.dimension)), v(factor.factor), v(factor.weight), v(factor.rating), f(`=C${r}*D${r}`)]);
  }
  const last = rows.length;
  const total = last + 1;
  rows.push([v(t.cellTotal), EMPTY, f(`=SUM(C4:C${last})`), EMPTY, f(`=SUM(E4:E${last})`)]);
  rows.push([]);
  const summaryHeader = rows.length + 1;
  rows.push([v(t.cellByDimension), v(t.cellScore), v(t.cellWeight)]);
  for (const d of PEST_DIMENSIONS) {
    const r = rows.length + 1;
    rows.push([v(label(d)), f(`=SUMIF($A$4:$A$${last},A${r},$E$4:$E$${last})`), f(`=SUMIF($A$4:$A$${last},A${r},$C$4:$C$${last})`)]);
  }
  const summaryLast = rows.length;
  return {
    name: t.sheetPest,
    rows,
    boldRows: [1, 3, total, summaryHeader],
    tables: [{ name: "PEST", address: `A3:E${last}`, hasHeaders: true }],
    numberFormats: [
      { address: `C4:C${total}`, format: "0%" },
      { address: `E4:E${total}`, format: "0.00" },
      { address: `B${summaryHeader + 1}:B${summaryLast}`, format: "0.00" },
      { address: `C${summaryHeader + 1}:C${summaryLast}`, format: "0%" },
    ],
    charts: [{ kind: "column", source: `A${summaryHeader}:B${summaryLast}`, title: t.chartPest, from: "G3", to: "N18" }],
    names: [{ name: "PEST_Score", address: `E${total}` }],
  };
}
