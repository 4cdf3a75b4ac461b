import type { SheetPlan } from "../../../excel/gateway";
import type { Language } from "../../../i18n/language";
import { UI_STRINGS } from "../../../i18n/ui";

/** The course's worked example: five customers with recency (days), frequency and monetary. */
export const COURSE_CUSTOMERS: readonly (readonly [string, number, number, number])[] = [
  ["A001", 10, 12, 8000],
  ["A002", 180, 1, 200],
  ["A003", 35, 8, 5000],
  ["A004", 90, 3, 1500],
  ["A005", 5, 2, 800],
];

/**
 * The example sheet: the five customers in A2:D6, `=SALES.RFM.SCORE(...)` spilling into E2:G6 and
 * `=SALES.RFM.SEGMENT(...)` into H2:H6 — live formulas, so editing B2:D6 recalculates everything.
 */
export function rfmExamplePlan(language: Language): SheetPlan {
  const t = UI_STRINGS[language];
  const last = COURSE_CUSTOMERS.length + 1;
  const header = [t.headerCustomer, t.headerRecency, t.headerFrequency, t.headerMonetary, t.headerR, t.headerF, t.headerM, t.headerSegment];
  const segmentFormula =
    language === "zh"
      ? `=SALES.RFM.SEGMENT(E2:G${last})`
      : `=SALES.RFM.SEGMENT(E2:G${last},"cn8",,"en")`;
  const rows = [
    header.map((value) => ({ value })),
    ...COURSE_CUSTOMERS.map(([id, r, f, m], i) => [
      { value: id },
      { value: r },
      { value: f },
      { value: m },
      i === 0 ? { formula: `=SALES.RFM.SCORE(B2:B${last},C2:C${last},D2:D${last})` } : null,
      null,
      null,
      i === 0 ? { formula: segmentFormula } : null,
    ]),
    [],
    [{ value: t.exampleNote }],
  ];
  return { name: t.exampleSheetName, rows, boldRows: [1] };
}
