import type { CellSpec, SheetPlan } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { MARKET_STRINGS } from "../../../i18n/market";
import { EMPTY, f, lit, v } from "./cells";
import type { RiskInput } from "./market-schema";

/** Score thresholds on the 1–25 scale of probability × impact (editable in B2 and B3 of the sheet). */
export const HIGH_RISK_FROM = 15;
export const MEDIUM_RISK_FROM = 8;

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * The risk sheet: thresholds in B2 (high) and B3 (medium); a table from row 5 (risk, probability,
 * impact, score `=B×C`, level `=IF(score≥B2,high,IF(score≥B3,medium,low))`, response); then the 5×5
 * matrix — probability 5…1 down, impact 1…5 across — counting risks per cell with `COUNTIFS`.
 */
export function riskPlan(input: RiskInput, language: Language): SheetPlan {
  const t = MARKET_STRINGS[language];
  const rows: CellSpec[][] = [
    [v(t.sheetRisk)],
    [v(t.cellHighThreshold), v(HIGH_RISK_FROM)],
    [v(t.cellMediumThreshold), v(MEDIUM_RISK_FROM)],
    [],
    [v(t.cellRisk), v(t.cellProbability), v(t.cellImpact), v(t.cellRiskScore), v(t.cellLevel), v(t.cellResponse)],
  ];
  for (const risk of input.risks) {
    const r = rows.length + 1;
    rows.push([
      v(risk.risk),
      v(risk.probability),
      v(risk.impact),
      f(`=B${r}*C${r}`),
      f(`=IF(D${r}>=$B$2,${lit(t.levelHigh)},IF(D${r}>=$B$3,${lit(t.levelMedium)},${lit(t.levelLow)}))`),
      risk.response ? v(risk.response) : EMPTY,
    ]);
  }
  const last = rows.length;
  rows.push([]);
  const header = rows.length + 1;
  rows.push([v(t.cellMatrix), ...SCALE.map((impact) => v(impact))]);
  for (const probability of [...SCALE].reverse()) {
    const r = rows.length + 1;
    rows.push([v(probability), ...SCALE.map((_, i) => {
      const column = String.fromCharCode(66 + i);
      return f(`=COUNTIFS($B$6:$B$${last},$A${r},$C$6:$C$${last},${column}$${header})`);
    })]);
  }
  return {
    name: t.sheetRisk,
    rows,
    boldRows: [1, 5, header],
    tables: [{ name: "Risks", address: `A5:F${last}`, hasHeaders: true }],
    names: [
      { name: "Risk_HighFrom", address: "B2" },
      { name: "Risk_MediumFrom", address: "B3" },
    ],
  };
}
