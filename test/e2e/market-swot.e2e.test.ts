import { MARKET_STRINGS } from "../../src/i18n/market";
import { UI_STRINGS } from "../../src/i18n/ui";
import { Session, startSession, WorkbenchPage } from "./workbench-harness";

/**
 * Market analysis → SWOT in the workbench, in English: weighted factors typed into the four quadrant
 * lists, the four strategies, then the sheet's assessment (internal S − W, external O − T, suggested
 * strategy) as computed by its formulas, and recomputed after a rating is changed in the grid.
 */

const t = UI_STRINGS.en;
const m = MARKET_STRINGS.en;
const SHEET = m.sheetSwot;

let session: Session;
let workbench: WorkbenchPage;
beforeAll(async () => {
  session = await startSession();
  workbench = await session.open("en-US");
}, 30_000);
afterAll(async () => {
  await session?.close();
});

/** Fills row `n` of a quadrant's factor list (adding the row first when n > 1). */
async function factor(quadrant: string, n: number, name: string, weight: number, rating: number): Promise<void> {
  if (n > 1) await workbench.pane.getByRole("button", { name: t.addRowTo(quadrant), exact: true }).click();
  const group = m.rowLabel(quadrant, n);
  await workbench.fillField(m.colFactor, name, { group });
  await workbench.fillField(m.colWeight, String(weight), { group });
  await workbench.fillField(m.colRating, String(rating), { group });
}

/** The cell a sheet-scoped name of the SWOT sheet points at ("B31"). */
async function named(name: string): Promise<string> {
  const names = await workbench.page.evaluate((sheet) => window.salesPlannerWorkbench!.record(sheet).names.map((n) => ({ ...n })), SHEET);
  const found = names.find((n) => n.name === name);
  if (found === undefined) throw new Error(`${SHEET} has no name ${name} (it has ${names.map((n) => n.name).join(", ")})`);
  return found.address;
}

describe("Market analysis: SWOT", () => {
  it("writes the weighted SWOT: internal 4.2 − 2 = 2.2, external 4 − 5 = −1, so the ST strategy", async () => {
    await workbench.openTab(t.pageMarket);
    await workbench.openTab(m.tabSwot);
    await factor(m.quadrantS, 1, "Brand recognition", 60, 5);
    await factor(m.quadrantS, 2, "Own logistics", 40, 3);
    await factor(m.quadrantW, 1, "Few offline stores", 100, 2);
    await factor(m.quadrantO, 1, "Live-stream shopping", 100, 4);
    await factor(m.quadrantT, 1, "Price war", 100, 5);
    await workbench.press(t.wizardNext);
    await workbench.pane.getByLabel(m.strategySO, { exact: true }).fill("Launch live-stream bundles");
    await workbench.pane.getByLabel(m.strategyST, { exact: true }).fill("Compete on delivery speed, not price");
    await workbench.pane.getByLabel(m.strategyWO, { exact: true }).fill("Pop-up stores with streamers");
    await workbench.pane.getByLabel(m.strategyWT, { exact: true }).fill("Avoid discount-only channels");
    await workbench.press(t.writeButton);
    await workbench.waitForText(t.writeDoneSheet(SHEET));
    await workbench.waitForSheet(SHEET);

    const [internal, external, strategy] = [await named("SWOT_Internal"), await named("SWOT_External"), await named("SWOT_Strategy")];
    expect(await workbench.value(SHEET, internal)).toBeCloseTo(2.2, 10);
    expect(await workbench.value(SHEET, external)).toBeCloseTo(-1, 10);
    expect(await workbench.value(SHEET, strategy)).toBe(m.strategyNameST);
    await workbench.showSheet(SHEET);
    await workbench.screenshot("workbench-swot-en");
  });

  it("suggests SO once the threat's rating is lowered from 5 to 3 in the grid", async () => {
    // The Threats table: its only factor row holds the rating in column C.
    const values = await workbench.values(SHEET, "A1:D40");
    const row = values.findIndex((cells) => cells[0] === "Price war") + 1;
    expect(row).toBeGreaterThan(0);
    await workbench.editCell(SHEET, `C${row}`, "3");
    await workbench.waitForValues(SHEET, await named("SWOT_Strategy"), [[m.strategyNameSO]]);
    expect(await workbench.value(SHEET, await named("SWOT_External"))).toBeCloseTo(1, 10);
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});
