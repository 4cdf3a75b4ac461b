import { MARKET_STRINGS } from "../../src/i18n/market";
import { SMART_STRINGS } from "../../src/i18n/smart";
import { UI_STRINGS } from "../../src/i18n/ui";
import { type Language, sessionForFile, type WorkbenchPage } from "./workbench-harness";

/**
 * The pane's shell in the workbench, as a user meets it: typed work survives switching pages and reloading
 * the pane; Enter does what the step's primary button does; after a write, the message goes on the next
 * edit, "Go to sheet" shows the sheet, and writing again asks whether to update the sheet (formulas
 * elsewhere keep pointing at it) or write a named new version.
 */

const session = sessionForFile();

const PANE = { viewport: { width: 350, height: 800 }, paneOnly: true } as const;

/** Waits until the workbook's drafts in localStorage hold `text` (they are written a moment after each change). */
async function stored(wb: WorkbenchPage, text: string): Promise<void> {
  await wb.page.waitForFunction(
    (wanted) => Object.keys(localStorage).some((key) => key.startsWith("salesPlanner.drafts.v1.") && (localStorage.getItem(key) ?? "").includes(wanted)),
    text,
    { timeout: 10_000 },
  );
}

async function heading(wb: WorkbenchPage, name: string): Promise<void> {
  await wb.pane.getByRole("heading", { name, exact: true }).waitFor({ timeout: 10_000 });
}

describe.each(["en", "zh"] as const)("typed work is never lost (%s)", (language: Language) => {
  const t = UI_STRINGS[language];
  const s = SMART_STRINGS[language];
  const m = MARKET_STRINGS[language];

  it("SMART at step 5 and SWOT at step 2 survive a switch to Decompose and a reload of the pane", async () => {
    const wb = await session.open(language === "en" ? "en-US" : "zh-CN", PANE);
    await wb.openTab(t.pageSmart);
    await wb.fillField(s.channel, "Tmall");
    await wb.fillField(s.product, "Gift boxes");
    await wb.press(t.wizardNext);
    await wb.fillField(s.unit, "10k");
    await wb.fillField(s.baseline, "40");
    await wb.fillField(s.target, "50");
    await wb.press(t.wizardNext);
    await wb.press(t.wizardNext);
    await wb.fillField(s.strategy, "SO: content");
    await wb.press(t.wizardNext);
    await wb.fillField(s.start, "2025-01-01");
    await heading(wb, t.wizardStep(5, 5, s.stepTimeBound));

    await wb.openTab(t.pageMarket);
    for (const list of [m.quadrantS, m.quadrantW, m.quadrantO, m.quadrantT]) {
      const group = m.rowLabel(list, 1);
      await wb.fillField(m.colFactor, `${list} factor`, { group });
      await wb.fillField(m.colWeight, "100", { group });
      await wb.fillField(m.colRating, "3", { group });
    }
    await wb.press(t.wizardNext);
    await wb.fillField(m.strategySO, "Brand-led live commerce");

    const expectKept = async () => {
      await wb.openTab(t.pageMarket);
      await heading(wb, t.wizardStep(2, 2, m.swotStepStrategies));
      expect(await wb.pane.getByLabel(m.strategySO, { exact: true }).inputValue()).toBe("Brand-led live commerce");
      await wb.openTab(t.pageSmart);
      await heading(wb, t.wizardStep(5, 5, s.stepTimeBound));
      expect(await wb.pane.getByLabel(s.start, { exact: true }).inputValue()).toBe("2025-01-01");
      await wb.pane.getByRole("button", { name: t.stepButton(1, s.stepSpecific, t.stepDone), exact: true }).click();
      expect(await wb.pane.getByLabel(s.channel, { exact: true }).inputValue()).toBe("Tmall");
      // Step 5 is not done (no end date yet) but was reached: it opens from the stepper too.
      await wb.pane.getByRole("button", { name: t.stepButton(5, s.stepTimeBound, t.stepToDo), exact: true }).click();
    };

    await wb.openTab(t.pageDecompose);
    await expectKept();

    await stored(wb, "Brand-led live commerce");
    await wb.page.reload({ waitUntil: "load" });
    await wb.pane.getByRole("heading", { level: 1, name: t.appTitle }).waitFor();
    await expectKept();
    wb.expectCleanRun();
  });
});

describe("Enter in a field does what the step's primary button does", () => {
  const t = UI_STRINGS.en;
  const s = SMART_STRINGS.en;
  const m = MARKET_STRINGS.en;

  it("in a wizard it goes to Next (checking that step only), never writes; in a one-step form it writes", async () => {
    const wb = await session.open("en-US", PANE);
    const sheets = async () => wb.page.evaluate(() => window.salesPlannerWorkbench!.sheetNames());
    await wb.openTab(t.pageSmart);
    await wb.fillField(s.channel, "Tmall");
    await wb.pane.getByLabel(s.channel, { exact: true }).press("Enter");
    // The product is missing: the step stays, focus goes to it.
    await heading(wb, t.wizardStep(1, 5, s.stepSpecific));
    expect(await wb.pane.getByLabel(s.product, { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await wb.fillField(s.product, "Gift boxes");
    await wb.pane.getByLabel(s.product, { exact: true }).press("Enter");
    await heading(wb, t.wizardStep(2, 5, s.stepMeasurable));
    expect(await sheets()).toEqual(["Sheet1"]);

    await wb.openTab(t.pageMarket);
    const first = m.rowLabel(m.quadrantS, 1);
    await wb.fillField(m.colFactor, "Brand", { group: first });
    await wb.cell(first, m.colFactor).press("Enter");
    await heading(wb, t.wizardStep(1, 2, m.swotStepFactors));
    expect(await wb.cell(first, m.colWeight).evaluate((el) => el === document.activeElement)).toBe(true);

    await wb.openTab(m.tabRisk);
    const risk = m.rowLabel(m.riskRow, 1);
    await wb.fillField(m.colRisk, "Supplier delay", { group: risk });
    await wb.fillField(m.colProbability, "4", { group: risk });
    await wb.fillField(m.colImpact, "5", { group: risk });
    await wb.cell(risk, m.colImpact).press("Enter");
    await wb.waitForText(t.writeDoneSheet(m.sheetRisk));
    expect(await sheets()).toEqual(["Sheet1", m.sheetRisk]);
    wb.expectCleanRun();
  });
});

describe("after a write", () => {
  const t = UI_STRINGS.en;
  const m = MARKET_STRINGS.en;

  it("clears the message on the next edit, goes to the sheet, updates it in place or writes a named new version, and starts over", async () => {
    const wb = await session.open("en-US");
    await wb.openTab(t.pageMarket);
    await wb.openTab(m.tabRisk);
    const risk = m.rowLabel(m.riskRow, 1);
    await wb.fillField(m.colRisk, "Supplier delay", { group: risk });
    await wb.fillField(m.colProbability, "4", { group: risk });
    await wb.fillField(m.colImpact, "5", { group: risk });
    await wb.press(t.writeButton);
    await wb.waitForText(t.writeDoneSheet(m.sheetRisk));
    await wb.waitForValues(m.sheetRisk, "A6:D6", [["Supplier delay", 4, 5, 20]]);

    // A formula elsewhere that uses the result.
    await wb.editCell("Sheet1", "A1", `='${m.sheetRisk}'!D6`);
    await wb.waitForValues("Sheet1", "A1", [[20]]);
    await wb.press(t.goToSheet);
    await wb.page.waitForFunction((sheet) => window.salesPlannerWorkbench!.activeSheet === sheet, m.sheetRisk);

    // Editing again: the message goes.
    await wb.fillField(m.colProbability, "3", { group: risk });
    await wb.pane.getByText(t.writeDoneSheet(m.sheetRisk), { exact: true }).waitFor({ state: "detached" });

    // Writing again asks; updating replaces the sheet's content in place.
    await wb.press(t.writeButton);
    const dialog = wb.page.getByRole("alertdialog", { name: t.chooseTitle });
    await dialog.waitFor();
    expect(await dialog.getByRole("list").getByRole("listitem").first().innerText()).toBe(`'${m.sheetRisk}'!A1`);
    await dialog.getByRole("button", { name: t.chooseUpdate(m.sheetRisk), exact: true }).click();
    await wb.waitForText(t.writeDoneUpdated(m.sheetRisk));
    await wb.waitForValues(m.sheetRisk, "A6:D6", [["Supplier delay", 3, 5, 15]]);
    // The formula on Sheet1 still points at the sheet, and follows its new value.
    await wb.waitForValues("Sheet1", "A1", [[15]]);
    expect(await wb.contentOf("Sheet1", "A1")).toBe(`='${m.sheetRisk}'!D6`);
    expect(await wb.sheetNames()).toEqual(["Sheet1", m.sheetRisk]);

    // Or a new version, named.
    await wb.press(t.writeButton);
    await dialog.getByRole("button", { name: t.chooseNewVersion, exact: true }).click();
    await wb.waitForText(t.writeDoneVersion(`${m.sheetRisk} (2)`, m.sheetRisk));
    await wb.waitForSheet(`${m.sheetRisk} (2)`);

    // The sheet renamed since: a new sheet, and the pane says so.
    await wb.page.evaluate((sheet) => {
      const hf = window.salesPlannerWorkbench!.hf;
      hf.renameSheet(hf.getSheetId(sheet)!, "Renamed risks");
    }, `${m.sheetRisk} (2)`);
    await wb.fillField(m.colImpact, "4", { group: risk });
    await wb.press(t.writeButton);
    await wb.waitForText(t.writeDoneMissing(`${m.sheetRisk} (2)`, `${m.sheetRisk} (2)`));

    // Start over: an empty form.
    await wb.press(t.startOver);
    expect(await wb.cell(risk, m.colRisk).inputValue()).toBe("");
    wb.expectCleanRun();
  });
});
