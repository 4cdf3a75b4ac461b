import { cellInput, freeSheetName, GatewayError, SheetPlan, WorkbookGateway } from "./gateway";

/** A sheet held in memory: what Office.js would have received, cell by cell. */
export interface MemorySheet {
  readonly name: string;
  readonly cells: (string | number | boolean | null)[][];
  readonly boldRows: readonly number[];
}

/**
 * An in-memory workbook with the gateway's contract (used by tests, and by the pane outside Excel when
 * `available` is false). `failNextWrite` makes the next write fail after the sheet was added, to exercise
 * the all-or-nothing path.
 */
export class MemoryGateway implements WorkbookGateway {
  readonly sheets: MemorySheet[] = [];
  failNextWrite: string | undefined;

  constructor(
    readonly available = true,
    existingSheets: readonly string[] = ["Sheet1"],
  ) {
    for (const name of existingSheets) this.sheets.push({ name, cells: [], boldRows: [] });
  }

  async createSheet(plan: SheetPlan): Promise<string> {
    if (!this.available) throw new GatewayError("UNAVAILABLE");
    const name = freeSheetName(
      plan.name,
      this.sheets.map((sheet) => sheet.name),
    );
    const sheet: MemorySheet = { name, cells: [], boldRows: plan.boldRows ?? [] };
    this.sheets.push(sheet);
    const failure = this.failNextWrite;
    this.failNextWrite = undefined;
    await Promise.resolve();
    if (failure !== undefined) {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      throw new GatewayError("WRITE_FAILED", failure);
    }
    for (const row of plan.rows) sheet.cells.push(row.map(cellInput));
    return name;
  }
}
