import { cellInput, freeSheetName, GatewayError, SheetPlan, WorkbookGateway } from "./gateway";

/** Rows per write request: keeps each request well under Excel on the web's 5 MB payload limit. */
export const WRITE_BLOCK_ROWS = 5000;

/** The gateway over Office.js. Only this module calls `Excel.run`. */
export class OfficeGateway implements WorkbookGateway {
  readonly available = true;

  async createSheet(plan: SheetPlan): Promise<string> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = freeSheetName(
        plan.name,
        sheets.items.map((sheet) => sheet.name),
      );
      const sheet = sheets.add(name);
      await context.sync();
      try {
        const width = Math.max(0, ...plan.rows.map((row) => row.length));
        for (let start = 0; start < plan.rows.length && width > 0; start += WRITE_BLOCK_ROWS) {
          const block = plan.rows.slice(start, start + WRITE_BLOCK_ROWS);
          const range = sheet.getRangeByIndexes(start, 0, block.length, width);
          range.formulas = block.map((row) =>
            Array.from({ length: width }, (_, c) => cellInput(row[c] ?? null)),
          ) as unknown as string[][];
          await context.sync();
        }
        for (const row of plan.boldRows ?? []) {
          sheet.getRangeByIndexes(row - 1, 0, 1, Math.max(width, 1)).format.font.bold = true;
        }
        sheet.getUsedRange().format.autofitColumns();
        sheet.activate();
        await context.sync();
        return name;
      } catch (error) {
        // All or nothing: remove the half-written sheet, then report.
        sheet.delete();
        await context.sync().catch(() => undefined);
        throw new GatewayError("WRITE_FAILED", error instanceof Error ? error.message : String(error));
      }
    }).catch((error: unknown) => {
      if (error instanceof GatewayError) throw error;
      throw new GatewayError("WRITE_FAILED", error instanceof Error ? error.message : String(error));
    });
  }
}
