import { SMART_STRINGS } from "../../src/i18n/smart";
import { UI_STRINGS } from "../../src/i18n/ui";
import { Session, startSession, WorkbenchPage } from "./workbench-harness";

/**
 * The SMART target wizard in the workbench, in Chinese: history typed into the grid and selected there, the five steps
 * filled in as a user would (the Achievable step reads that history and warns that 25% is more than the
 * best past growth), then the sheet: tiers and milestones are SALES formulas of the target cell, the
 * statement and the past growth formulas of the sheet's cells, so they follow when the target is changed
 * in the grid.
 */

const t = UI_STRINGS.zh;
const s = SMART_STRINGS.zh;
const SHEET = s.sheetName;

let session: Session;
let workbench: WorkbenchPage;
beforeAll(async () => {
  session = await startSession();
  workbench = await session.open("zh-CN");
}, 30_000);
afterAll(async () => {
  await session?.close();
});

/** The milestone amounts: column E of the rows from 29 down that are numbered in column A (the total row is not). */
async function milestones(): Promise<number[]> {
  const rows = await workbench.values(SHEET, "A29:E80");
  const end = rows.findIndex((row) => typeof row[0] !== "number");
  return rows.slice(0, end).map((row) => row[4] as number);
}

describe("SMART target, in Chinese", () => {
  it("walks the five steps and writes the sheet: tiers 4500/5000/6000, milestones that add up to 5000", async () => {
    expect(await workbench.pane.getByRole("heading", { level: 1 }).innerText()).toBe(t.appTitle); // zh-CN browser: Chinese pane
    for (const [i, sales] of [3000, 3300, 3800, 4000].entries()) await workbench.editCell("Sheet1", `A${i + 1}`, String(sales));

    await workbench.openTab(t.pageSmart);
    await workbench.fillField(s.channel, "天猫、抖音和小红书");
    await workbench.fillField(s.product, "巧克力礼盒");
    await workbench.fillField(s.occasion, "情人节大促");
    await workbench.press(t.wizardNext);

    await workbench.fillField(s.unit, "万元");
    await workbench.fillField(s.baseline, "4000");
    await workbench.fillField(s.target, "5000");
    await workbench.press(t.wizardNext);

    // The history is picked as a user would: select A1:A4 in the grid, then "Use selection".
    await workbench.selectRange("Sheet1", "A1", "A4");
    await workbench.press(s.useSelection);
    await workbench.waitForText(s.historyRead(4, "Sheet1!A1:A4"));
    // Needs +25.0%; the best year grew 3300 → 3800, +15.2%: a warning, not a block.
    await workbench.pane.getByText(/25\.0%.*15\.2%/).waitFor();
    await workbench.press(t.wizardNext);

    await workbench.pane.getByLabel(s.strategy, { exact: true }).fill("节日礼品线上渠道扩张");
    await workbench.press(t.wizardNext);

    await workbench.fillField(s.start, "2026-01-15");
    await workbench.fillField(s.end, "2026-02-14");
    await workbench.press(s.finish);
    await workbench.waitForText(t.writeDoneSheet(SHEET));
    await workbench.waitForSheet(SHEET);

    await workbench.waitForValues(SHEET, "B12", [[5000]]);
    await workbench.waitForValues(SHEET, "B25:D25", [[4500, 5000, 6000]]);
    const amounts = await milestones();
    expect(amounts).toHaveLength(2); // monthly checkpoints from 15 January to 14 February
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(await workbench.contentOf(SHEET, "B25")).toBe("=SALES.TARGET.TIERS(B12,B21,B22)");
    // The statement and the past growth are formulas of the sheet: the sentence, then the best step 3300 → 3800.
    const statement = String(await workbench.value(SHEET, "A2"));
    expect(statement).toContain("实现巧克力礼盒销售额从4,000万元提升到5,000万元（增长25.0%），服务于策略：节日礼品线上渠道扩张。");
    expect(statement.startsWith("在情人节大促期间，2026年1月15日至2026年2月14日，通过天猫、抖音和小红书，")).toBe(true);
    expect(await workbench.value(SHEET, "B14")).toBeCloseTo(3800 / 3300 - 1, 9);
    expect((await workbench.contentOf(SHEET, "B14")).startsWith("=IF(COUNTIF(Sheet1!A1:A3")).toBe(true);
    await workbench.screenshot("workbench-smart-zh");
  });

  it("follows a new target typed into the target cell: 6000 → tiers 5400/6000/7200, milestones add up to 6000, the statement says 6,000 and 50.0%", async () => {
    await workbench.editCell(SHEET, "B12", "6000");
    await workbench.waitForValues(SHEET, "B25:D25", [[5400, 6000, 7200]]);
    expect((await milestones()).reduce((a, b) => a + b, 0)).toBe(6000);
    expect(String(await workbench.value(SHEET, "A2"))).toContain("从4,000万元提升到6,000万元（增长50.0%）");
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});
