import type { CellSpec, ChartSpec, NameSpec, NumberFormatSpec, TableSpec } from "../../excel/gateway";

/**
 * A sheet plan written top to bottom: rows appended one after another (1-based row numbers, as the
 * formulas refer to them), with the tables, names, number formats and charts collected beside them — what
 * a wizard's plan function fills before it returns its `SheetPlan`.
 */
export class SheetRows {
  readonly rows: CellSpec[][] = [];
  readonly boldRows: number[] = [];
  readonly tables: TableSpec[] = [];
  readonly numberFormats: NumberFormatSpec[] = [];
  readonly names: NameSpec[] = [];
  readonly charts: ChartSpec[] = [];

  /** Appends a row; returns its 1-based number. */
  push(cells: CellSpec[], bold = false): number {
    this.rows.push(cells);
    if (bold) this.boldRows.push(this.rows.length);
    return this.rows.length;
  }

  /** The 1-based number the next row will have. */
  get next(): number {
    return this.rows.length + 1;
  }

  format(address: string, format: string): void {
    this.numberFormats.push({ address, format });
  }
}
