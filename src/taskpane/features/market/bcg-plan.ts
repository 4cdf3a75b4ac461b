import type { CellSpec, SheetPlan } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { MARKET_STRINGS } from "../../../i18n/market";
import { f, lit, v } from "./cells";
import type { BcgInput } from "./market-schema";

/**
 * The product-portfolio sheet (BCG matrix): the two thresholds in B2 (market growth) and B3 (relative
 * share), a table from row 5 (product, relative share, market growth, class) whose class is a formula —
 * star when growth ≥ B2 and share ≥ B3, question mark when only growth is high, cash cow when only share
 * is, dog otherwise — so editing a number or a threshold reclassifies; and a scatter chart with relative
 * share on X and growth on Y.
 */
export function bcgPlan(input: BcgInput, language: Language): SheetPlan {
  const t = MARKET_STRINGS[language];
  const rows: CellSpec[][] = [
    [v(t.titleBcg)],
    [v(t.cellGrowthThreshold), v(input.growthThreshold)],
    [v(t.cellShareThreshold), v(input.shareThreshold)],
    [],
    [v(t.cellProduct), v(t.cellShare), v(t.cellGrowth), v(t.cellClass)],
  ];
  for (const product of input.products) {
    const r = rows.length + 1;
    rows.push([
      v(product.name),
      v(product.share),
      v(product.growth),
      f(`=IF(AND(C${r}>=$B$2,B${r}>=$B$3),${lit(t.classStar)},IF(C${r}>=$B$2,${lit(t.classQuestion)},IF(B${r}>=$B$3,${lit(t.classCashCow)},${lit(t.classDog)})))`),
    ]);
  }
  const last = rows.length;
  return {
    name: t.sheetBcg,
    rows,
    boldRows: [1, 5],
    tables: [{ name: "BCG", address: `A5:D${last}`, hasHeaders: true }],
    numberFormats: [
      { address: "B2", format: "0%" },
      { address: "B3", format: "0.00" },
      { address: `B6:B${last}`, format: "0.00" },
      { address: `C6:C${last}`, format: "0.0%" },
    ],
    charts: [{ kind: "scatter", source: `B5:C${last}`, title: t.chartBcg, from: "F2", to: "M18", xAxisTitle: t.cellShare, yAxisTitle: t.cellGrowth }],
    names: [
      { name: "BCG_GrowthThreshold", address: "B2" },
      { name: "BCG_ShareThreshold", address: "B3" },
    ],
  };
}
