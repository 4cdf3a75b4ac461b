/**
 * An .xlsx read with exceljs, as plain data for the workbench: every sheet's cells from A1, row by row,
 * as the gateway's cell specs — `{ value }` for a constant (a date-formatted number back to its Excel
 * serial), `{ formula: "=…" }` for a formula — each array formula's anchor and range, the cells' number
 * formats and the bold rows. Used by the
 * workbench server (GET /examples/<name>.json) and the demo-workbook test.
 */
const ExcelJS = require("exceljs");

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

async function readXlsxCells(file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const rows = [];
    const arrays = [];
    const numberFormats = [];
    const boldRows = new Set();
    let width = 0;
    // Empty cells too: a cell under an array formula's result has no value but carries its number format.
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) =>
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        const value = cell.value;
        let spec = null;
        if (typeof value === "object" && value !== null && typeof value.formula === "string") {
          spec = { formula: `=${value.formula}` };
          if (value.shareType === "array" && value.ref) arrays.push({ anchor: cell.address, ref: value.ref });
        } else if (value instanceof Date) {
          // exceljs reads a date-formatted number as a Date (UTC midnight): back to the Excel serial.
          spec = { value: (value.getTime() - EXCEL_EPOCH) / 86_400_000 };
        } else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
          spec = { value };
        } else if (value !== null && value !== undefined) {
          throw new Error(`${sheet.name}!${cell.address}: a cell exceljs reads as ${JSON.stringify(value).slice(0, 80)} is not supported`);
        }
        if (cell.numFmt && cell.numFmt !== "General") numberFormats.push({ address: cell.address, format: cell.numFmt });
        if (cell.font && cell.font.bold) boldRows.add(rowNumber);
        if (spec === null) return;
        (rows[rowNumber - 1] ??= [])[columnNumber - 1] = spec;
        width = Math.max(width, columnNumber);
      }),
    );
    const filled = Array.from({ length: rows.length }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? null));
    return { name: sheet.name, rows: filled, arrays, numberFormats, boldRows: [...boldRows].sort((a, b) => a - b) };
  });
}

module.exports = { readXlsxCells };
