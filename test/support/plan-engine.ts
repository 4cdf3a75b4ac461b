import { DetailedCellError, HyperFormula } from "hyperformula";
import { cellInput } from "../../src/excel/cell-input";
import type { SheetPlan } from "../../src/excel/gateway";
import { ENGINE_CONFIG, keepSpillsSized } from "./hyperformula-bridge";

/**
 * A wizard's sheet plan loaded into HyperFormula as Excel would receive it (`cellInput`: text kept as
 * text, formulas as formulas), beside the sheets it refers to: values first, then the formulas (each
 * sized on its computed inputs, as the workbench does). Register the SALES functions first
 * (`registerCustomFunctions`, needs `npm run build`).
 */
export interface LoadedPlan {
  readonly hf: HyperFormula;
  /** A cell's value ("Sheet!A1" or "A1" on the plan's sheet). */
  at(a1: string, sheet?: string): unknown;
  /** A range's values, row by row. */
  range(from: string, to: string, sheet?: string): unknown[][];
  set(a1: string, value: unknown, sheet?: string): void;
  /** Every cell of the plan's sheet that shows an error, or a negative number (but in `mayBeNegative`: "B13"), with its address. */
  problems(mayBeNegative?: readonly string[]): string[];
}

export function loadPlan(plan: SheetPlan, others: Readonly<Record<string, unknown[][]>> = {}): LoadedPlan {
  const name = plan.name;
  const inputs = plan.rows.map((row) => row.map(cellInput));
  const isFormula = (x: unknown) => typeof x === "string" && x.startsWith("=");
  const hf = HyperFormula.buildFromSheets({ [name]: inputs.map((row) => row.map((x) => (isFormula(x) ? null : x))), ...others } as never, ENGINE_CONFIG);
  keepSpillsSized(hf);
  const id = hf.getSheetId(name)!;
  inputs.forEach((row, r) => row.forEach((x, c) => isFormula(x) && hf.setCellContents({ sheet: id, row: r, col: c }, x as string)));
  const cell = (a1: string, sheet = name) => hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet)!)!;
  return {
    hf,
    at: (a1, sheet) => hf.getCellValue(cell(a1, sheet)),
    range: (from, to, sheet) => hf.getRangeValues({ start: cell(from, sheet), end: cell(to, sheet) }),
    set: (a1, value, sheet) => hf.setCellContents(cell(a1, sheet), value as never),
    problems(mayBeNegative = []) {
      const out: string[] = [];
      hf.getSheetValues(id).forEach((row, r) =>
        row.forEach((value, c) => {
          const where = hf.simpleCellAddressToString({ sheet: id, row: r, col: c }, id) ?? `R${r + 1}C${c + 1}`;
          if (value instanceof DetailedCellError) out.push(`${where} ${value.value} ${value.message}`);
          else if (typeof value === "number" && (!Number.isFinite(value) || (value < 0 && !mayBeNegative.includes(where)))) out.push(`${where} ${value}`);
        }),
      );
      return out;
    },
  };
}
