import type { CellSpec } from "../../src/excel/gateway";
import { PROGRESS_STRINGS } from "../../src/i18n/progress";
import { UI_STRINGS } from "../../src/i18n/ui";
import { reviewLayout } from "../../src/taskpane/features/progress/review-plan";
import { adjustLayout } from "../../src/taskpane/features/progress/adjust-plan";
import { ACTUALS, NAMES, targetsSheet, YEARLY } from "../taskpane/progress/fixture";
import { type Language, sessionForFile, WorkbenchPage } from "./workbench-harness";

/**
 * The Progress wizard in the workbench, in both languages: the manager's targets (five people × 12 months)
 * picked from a selection, the review sheet written and calculated by the real SALES functions, June's
 * actuals typed into it, then a new plan version whose year targets add up to 7,200,000 — and plan v1 is
 * exactly as it was.
 */

const session = sessionForFile();

const L = reviewLayout(NAMES.length);
const A = adjustLayout(NAMES.length, 1);
const col = (k: number) => String.fromCharCode(65 + k);

describe.each([
  ["en", "en-US"],
  ["zh", "zh-CN"],
] as const)("Progress and adjustment (%s)", (language: Language, locale) => {
  const t = UI_STRINGS[language];
  const p = PROGRESS_STRINGS[language];
  let workbench: WorkbenchPage;
  beforeAll(async () => {
    workbench = await session.open(locale);
    // The manager's own target sheet, as it is before the pane is opened.
    await workbench.page.evaluate(
      (rows) => window.salesPlannerWorkbench!.createSheet({ name: "Targets", rows: rows as CellSpec[][] }),
      targetsSheet().map((row) => row.map((value) => ({ value }) as CellSpec)) as unknown as CellSpec[][],
    );
  }, 30_000);

  it("writes the review sheet from a selected target range and keeps it current as actuals are typed", async () => {
    await workbench.openTab(t.pageProgress);
    await workbench.selectRange("Targets", "A1", "M6");
    await workbench.press(p.usePlanSelection);
    await workbench.waitForText(p.planSummary(5, "Targets!A1:M6"));
    await workbench.fillField(p.fieldYear, "2025");
    await workbench.press(t.wizardNext);
    await workbench.fillField(p.fieldMonthsDone, "6");
    await workbench.press(t.wizardNext);
    await workbench.press(p.writeReview);
    await workbench.waitForSheet(p.reviewSheetName);
    await workbench.pane.getByRole("heading", { name: t.wizardStep(4, 4, p.steps[3]!) }).waitFor();

    // Type the actuals of January to June for each person into the sheet.
    for (let i = 0; i < NAMES.length; i++) {
      for (let k = 0; k < 6; k++) await workbench.editCell(p.reviewSheetName, `${col(k + 1)}${L.actualsFirst + i}`, String(ACTUALS[i]![k]));
    }
    await workbench.waitForValues(p.reviewSheetName, `D${L.reviewFirst}:D${L.reviewFirst}`, [[1_125_000]]);
    expect(await workbench.value(p.reviewSheetName, `C${L.reviewFirst}`)).toBe(1_104_000);
    expect(await workbench.value(p.reviewSheetName, `M${L.reviewFirst}`)).toBe(p.statusGreen);
    expect(await workbench.value(p.reviewSheetName, `N${L.planTotal}`)).toBe(7_200_000);
    const statuses = (await workbench.values(p.reviewSheetName, `M${L.reviewFirst}:M${L.reviewTotal - 1}`)).map((row) => row[0]);
    expect(new Set(statuses)).toEqual(new Set([p.statusGreen, p.statusAmber, p.statusRed]));
    const record = await workbench.page.evaluate((sheet) => {
      const r = window.salesPlannerWorkbench!.record(sheet);
      return { charts: r.charts.length, rules: r.conditionalFormats.length };
    }, p.reviewSheetName);
    expect(record).toEqual({ charts: 1, rules: 6 });
    await workbench.showSheet(p.reviewSheetName);
    await workbench.screenshot(`workbench-progress-${language}`);
  });

  it("writes plan v2 beside it: the gap re-split, a leaver's quota moved, the total exact, v1 untouched", async () => {
    const v1Before = await workbench.values(p.reviewSheetName, `A1:N${L.chartHeader + 12}`);
    await workbench.press(t.addRowTo(p.listLeavers));
    await workbench.pane.getByLabel(`${p.rowLabel(p.colLeaver, 1)} ${p.colLeaver}`, { exact: true }).selectOption(NAMES[4]);
    await workbench.fillField(`${p.rowLabel(p.colLeaver, 1)} ${p.colTakers}`, `${NAMES[0]}, ${NAMES[2]}`);
    await workbench.fillField(p.fieldReason, language === "en" ? "Half-year review" : "半年复盘");
    await workbench.fillField(p.fieldWho, language === "en" ? "Manager Li" : "李经理");
    await workbench.fillField(p.fieldDate, "2025-07-01");
    await workbench.press(p.writeVersion);
    const v2 = p.versionSheetName(2);
    await workbench.waitForSheet(v2);
    await workbench.waitForValues(v2, `K${A.peopleTotal}:K${A.peopleTotal}`, [[7_200_000]]);
    expect(await workbench.value(v2, `M${A.peopleTotal}`)).toBe("✓");
    expect(await workbench.value(v2, `N${A.gridTotal}`)).toBe(7_200_000);
    // The leaver keeps what was achieved; two colleagues share the rest of the leaver's quota.
    const leaverActual = ACTUALS[4]!.reduce((a, b) => a + b, 0);
    expect(await workbench.value(v2, `K${A.peopleFirst + 4}`)).toBe(leaverActual);
    expect(await workbench.value(v2, `I${A.peopleFirst}`)).toBe((YEARLY[4] - leaverActual) / 2);
    expect(await workbench.values(p.reviewSheetName, `A1:N${L.chartHeader + 12}`)).toEqual(v1Before);
    expect(await workbench.sheetNames()).toEqual(expect.arrayContaining(["Targets", p.reviewSheetName, v2]));
    await workbench.showSheet(v2);
    await workbench.screenshot(`workbench-progress-v2-${language}`);
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});
