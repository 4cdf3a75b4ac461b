import { SEGMENT_LABELS } from "../../src/i18n/segments";
import { SEGMENT_STRINGS } from "../../src/i18n/segment";
import { UI_STRINGS } from "../../src/i18n/ui";
import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Language, RESULTS, sessionForFile, WorkbenchPage } from "./workbench-harness";

/**
 * Segment customers in the workbench, in both languages: nine orders of five customers typed into the grid and
 * selected there, the three steps as a user goes through them, the segments sheet of live SALES formulas (its
 * summary's counts add up to the five customers), a campaign list of one segment, and that list following an
 * order edited in the grid.
 */
const ORDERS = [
  ["客户编号", "下单日期", "实付金额"],
  ["A001", "2024-03-01", "1200"],
  ["A001", "2024-05-20", "800"],
  ["A002", "2023-11-02", "300"],
  ["A003", "2024-06-28", "5000"],
  ["A003", "2024-06-01", "2500"],
  ["A003", "2024-04-15", "1200"],
  ["A004", "2022-12-30", "90"],
  ["A005", "2024-06-30", "60"],
];

const DOC_IMAGES = resolve(__dirname, "..", "..", "docs", "images", "pane-350");

/** The pane alone (360 px in the workbench), saved in test-results and, with E2E_DOC_IMAGES=1, for the README. */
async function paneShot(wb: WorkbenchPage, name: string): Promise<void> {
  const dir = join(RESULTS, "pane-350");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await wb.pane.screenshot({ path: file });
  if (process.env.E2E_DOC_IMAGES === "1") {
    mkdirSync(DOC_IMAGES, { recursive: true });
    copyFileSync(file, join(DOC_IMAGES, `${name}.png`));
  }
}

const session = sessionForFile();

describe.each(["zh", "en"] as const)("Segment customers in the workbench, %s", (language: Language) => {
  const t = UI_STRINGS[language];
  const s = SEGMENT_STRINGS[language];
  let wb: WorkbenchPage;

  it("reads the selection, writes the segments sheet and a campaign list that follows an edited order", async () => {
    wb = await session.open(language === "zh" ? "zh-CN" : "en-US");
    for (const [r, row] of ORDERS.entries()) for (const [c, text] of row.entries()) await wb.editCell("Sheet1", `${"ABC"[c]}${r + 1}`, text);
    await wb.openTab(t.pageSegment);
    await wb.selectRange("Sheet1", "A1", "C9");
    await wb.press(s.useSelection);
    await wb.waitForText(s.counted(8, 5));
    await paneShot(wb, `${language}-segment-1-data`);
    await wb.press(t.wizardNext);
    await paneShot(wb, `${language}-segment-2-settings`);
    await wb.press(t.wizardNext);
    await wb.waitForText(s.willWrite(s.sheetName, 5));
    await paneShot(wb, `${language}-segment-3-write`);
    await wb.press(s.finish);
    await wb.waitForText(t.writeDoneSheet(s.sheetName));
    await wb.waitForSheet(s.sheetName);

    // The summary: the course's seven groups, COUNTIF of the table's segments, adding up to 5 customers.
    const summary = await wb.values(s.sheetName, "A15:B22");
    expect(summary[7]).toEqual([s.sumTotal, 5]);
    expect(await wb.contentOf(s.sheetName, "B15")).toBe("=COUNTIF($I$33:$I$37,$A15)");
    const dormant = SEGMENT_LABELS.course_dormant![language];
    const dormantCount = summary.find((row) => row[0] === dormant)?.[1] as number;
    expect(dormantCount).toBeGreaterThan(0);

    await wb.setChecked(dormant, true);
    await wb.press(s.campaignButton);
    await wb.waitForText(t.writeDoneSheet(s.campaignSheetName));
    await wb.waitForValues(s.campaignSheetName, "B4", [[dormantCount]]);
    // A dormant customer orders again today: the list loses them.
    const first = String(await wb.value(s.campaignSheetName, "A7"));
    const row = ORDERS.findIndex((order) => order[0] === first);
    await wb.editCell("Sheet1", `B${row + 1}`, "2024-06-30");
    await wb.editCell("Sheet1", `C${row + 1}`, "9000");
    await wb.waitForValues(s.campaignSheetName, "B4", [[dormantCount - 1]]);
    await paneShot(wb, `${language}-segment-3-campaign`);
    await wb.screenshot(`workbench-segment-${language}`);
    wb.expectCleanRun();
  }, 180_000);
});
