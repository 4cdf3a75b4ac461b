import type { CellValue } from "../../src/excel/gateway";
import { DECOMPOSE_STRINGS } from "../../src/i18n/decompose";
import { LIST_STRINGS } from "../../src/i18n/fields";
import { UI_STRINGS } from "../../src/i18n/ui";
import { Session, startSession, WorkbenchPage } from "./workbench-harness";

/**
 * The Decompose wizard in the workbench: a 120M yearly target split by month and by channel — the channels
 * typed into the grid and read from the selection, as a manager's own list would be —; every level must add up to the total, and keep adding up after the total cell is changed
 * to 150M in the grid (the amounts are SALES formulas of the total).
 */

const t = UI_STRINGS.en;
const d = DECOMPOSE_STRINGS.en;
const l = LIST_STRINGS.en;
const CHECK_ROWS = "A1:F60";

let session: Session;
let workbench: WorkbenchPage;
beforeAll(async () => {
  session = await startSession();
  workbench = await session.open("en-US");
}, 30_000);
afterAll(async () => {
  await session?.close();
});

/** The check rows of the sheet: their sum (the number in the row) and status ("✓" or "✗ <difference>"). */
function checkRows(values: CellValue[][]): { label: string; sum: number; status: string }[] {
  return values
    .filter((row) => typeof row[0] === "string" && row[0].startsWith(d.cellCheckRow("").trim().replace(/=$/, "").trim()))
    .map((row) => ({
      label: String(row[0]),
      sum: row.find((cell): cell is number => typeof cell === "number") ?? Number.NaN,
      status: String(row.find((cell) => typeof cell === "string" && /^[✓✗]/.test(cell)) ?? ""),
    }));
}

async function waitForChecks(total: number): Promise<{ label: string; sum: number; status: string }[]> {
  let checks: { label: string; sum: number; status: string }[] = [];
  await workbench.page.waitForFunction(
    ([range, sheet]) => {
      const workbook = window.salesPlannerWorkbench;
      return workbook !== undefined && workbook.sheetNames().includes(sheet) && workbook.valuesAt(`'${sheet}'!${range}`).length > 0;
    },
    [CHECK_ROWS, d.sheetName] as const,
  );
  // The engine recalculates synchronously; one read after the write has settled is the state.
  await workbench.waitForValues(d.sheetName, "B3", [[total]]);
  checks = checkRows(await workbench.values(d.sheetName, CHECK_ROWS));
  return checks;
}

/** Each table the sheet recorded, with the sum of its Amount column read cell by cell. */
async function tableSums(): Promise<{ table: string; amounts: number[]; sum: number }[]> {
  const tables = await workbench.page.evaluate((sheet) => window.salesPlannerWorkbench!.record(sheet).tables.map((table) => ({ ...table })), d.sheetName);
  const sums = [];
  for (const table of tables) {
    const [header, ...body] = await workbench.values(d.sheetName, table.address);
    const column = header!.indexOf(d.cellAmount);
    const amounts = body.map((row) => row[column]) as number[];
    sums.push({ table: table.name, amounts, sum: amounts.reduce((a, b) => a + b, 0) });
  }
  return sums;
}

describe("Decompose: 120M by month and channel", () => {
  it("writes a goal tree whose every level sums to 120,000,000, the channels read from a selection in the grid", async () => {
    // The channels the manager already has in the sheet, under a header row.
    for (const [a1, text] of [["A1", "Channel"], ["B1", "Weight"], ["A2", "Tmall"], ["B2", "60%"], ["A3", "Douyin"], ["B3", "40%"]] as const) {
      await workbench.editCell("Sheet1", a1, text);
    }
    await workbench.openTab(t.pageDecompose);
    await workbench.fillField(d.fieldPeriod, "2025");
    await workbench.fillField(d.fieldTotal, "120000000");
    await workbench.selectRange("Sheet1", "A1", "B3");
    await workbench.press(l.readSelectionOf(d.listChannels));
    await workbench.waitForText(l.readDone(2, "Sheet1!A2:B3"));
    await workbench.waitForText(l.headerSkipped("Sheet1!A1:B1"));
    expect(await workbench.pane.getByLabel(l.cellLabel(d.rowLabel(d.colChannel, 2), d.colChannel), { exact: true }).inputValue()).toBe("Douyin");
    // Enter in a field writes, as the Write button does.
    await workbench.pane.getByLabel(d.fieldPeriod, { exact: true }).press("Enter");
    await workbench.waitForText(t.writeDoneSheet(d.sheetName));
    await workbench.waitForSheet(d.sheetName);

    const checks = await waitForChecks(120_000_000);
    expect(checks).toHaveLength(2); // months, channels
    for (const check of checks) expect(check).toMatchObject({ sum: 120_000_000, status: "✓" });
    // Independently of the sheet's own check rows: the Amount column of each table, added up here.
    const sums = await tableSums();
    expect(sums.map((s) => s.table)).toEqual(["Decompose_Time", "Decompose_Channels"]);
    expect(sums[0]!.amounts).toEqual(Array(12).fill(10_000_000));
    expect(sums[1]!.amounts).toEqual([72_000_000, 48_000_000]);
    await workbench.showSheet(d.sheetName);
    await workbench.screenshot("workbench-decompose-en");
  });

  it("re-splits every level when the total cell is changed to 150,000,000 in the grid", async () => {
    await workbench.editCell(d.sheetName, "B3", "150000000");
    const checks = await waitForChecks(150_000_000);
    expect(checks).toHaveLength(2);
    for (const check of checks) expect(check).toMatchObject({ sum: 150_000_000, status: "✓" });
    const sums = await tableSums();
    for (const { amounts, sum } of sums) {
      expect(sum).toBe(150_000_000);
      for (const amount of amounts) expect(amount % 10_000).toBe(0); // whole units of 10,000
    }
    expect(sums[1]!.amounts).toEqual([90_000_000, 60_000_000]);
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});
