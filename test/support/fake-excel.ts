/**
 * A small stand-in for the part of the Excel JavaScript API the Office gateway uses, with Office.js's
 * batching: property writes and method calls are queued and take effect at `context.sync()`. A sync can
 * be made to fail (`failSyncNumber`) to exercise the rollback path.
 */
export interface FakeSheet {
  name: string;
  cells: Map<string, unknown>;
  bold: Set<number>;
  active: boolean;
}

export class FakeWorkbook {
  sheets: FakeSheet[];
  syncCount = 0;
  failSyncNumber: number | undefined;
  constructor(names: string[] = ["Sheet1"]) {
    this.sheets = names.map((name) => ({ name, cells: new Map(), bold: new Set(), active: false }));
  }
}

export function installFakeExcel(workbook: FakeWorkbook): () => void {
  const g = globalThis as { Excel?: unknown };
  const previous = g.Excel;
  g.Excel = {
    run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
      const queue: (() => void)[] = [];
      const worksheets = {
        items: [] as { name: string }[],
        load: () => queue.push(() => (worksheets.items = workbook.sheets.map((s) => ({ name: s.name })))),
        add: (name: string) => {
          const sheet: FakeSheet = { name, cells: new Map(), bold: new Set(), active: false };
          queue.push(() => {
            if (workbook.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet ${name} exists`);
            workbook.sheets.push(sheet);
          });
          return sheetProxy(sheet, queue, workbook);
        },
      };
      const context = {
        workbook: { worksheets },
        sync: async () => {
          workbook.syncCount++;
          const ops = queue.splice(0);
          if (workbook.syncCount === workbook.failSyncNumber) throw new Error("RichApi.Error: The request payload size has exceeded the limit.");
          for (const op of ops) op();
        },
      };
      return batch(context);
    },
  };
  return () => {
    g.Excel = previous;
  };
}

function sheetProxy(sheet: FakeSheet, queue: (() => void)[], workbook: FakeWorkbook) {
  const rangeAt = (row: number, column: number, rows: number, columns: number) => ({
    set formulas(values: unknown[][]) {
      queue.push(() => {
        if (values.length !== rows || values.some((r) => r.length !== columns)) throw new Error("InvalidArgument: dimensions");
        values.forEach((r, i) => r.forEach((v, j) => v !== null && sheet.cells.set(`${row + i},${column + j}`, v)));
      });
    },
    format: {
      font: {
        set bold(value: boolean) {
          queue.push(() => {
            for (let i = 0; i < rows; i++) if (value) sheet.bold.add(row + i + 1);
          });
        },
      },
    },
  });
  return {
    getRangeByIndexes: rangeAt,
    getUsedRange: () => ({ format: { autofitColumns: () => undefined } }),
    activate: () => queue.push(() => workbook.sheets.forEach((s) => (s.active = s === sheet))),
    delete: () =>
      queue.push(() => {
        workbook.sheets = workbook.sheets.filter((s) => s !== sheet);
      }),
  };
}
