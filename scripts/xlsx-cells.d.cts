import type { CellSpec, NumberFormatSpec } from "../src/excel/gateway";

export interface XlsxSheet {
  readonly name: string;
  readonly rows: CellSpec[][];
  readonly arrays: { readonly anchor: string; readonly ref: string }[];
  readonly numberFormats: NumberFormatSpec[];
  readonly boldRows: number[];
}
export declare function readXlsxCells(file: string): Promise<XlsxSheet[]>;
