import { DECOMPOSE_STRINGS } from "../../src/i18n/decompose";
import { MARKET_STRINGS } from "../../src/i18n/market";
import { SMART_STRINGS } from "../../src/i18n/smart";
import { UI_STRINGS } from "../../src/i18n/ui";
import { type Language, sessionForFile, WorkbenchPage } from "./workbench-harness";

/**
 * The forms at a 350 px pane, in both languages: nothing wider than the pane, and the Decompose page with
 * 3 channels, 2 regions and 5 salespeople at most 1,240 px tall (it was 3,305 px with a field per label,
 * about 210 px per salesperson). Screenshots of every form land in test-results/e2e/forms-350-*.png.
 */

const PANE_WIDTH = 350;
/** 1,200 px, and one line (40 px) more since the levels offer the plan by period (TARGET.GRID) beside them. */
const MAX_DECOMPOSE_HEIGHT = 1240;

const session = sessionForFile();

async function openAt350(language: Language): Promise<WorkbenchPage> {
  const workbench = await session.open(language === "en" ? "en-US" : "zh-CN");
  await workbench.page.addStyleTag({ content: `aside.pane { width: ${PANE_WIDTH}px !important; }` });
  return workbench;
}

/** The pane's content is no wider than the pane (no control pushed past its right edge). */
async function expectNoOverflow(workbench: WorkbenchPage, what: string): Promise<void> {
  const overflow = await workbench.pane.evaluate((pane) => {
    const right = pane.getBoundingClientRect().right;
    return Array.from(pane.querySelectorAll("input, select, button, textarea"))
      .filter((element) => (element as HTMLElement).offsetParent !== null && element.getBoundingClientRect().right > right + 0.5)
      .map((element) => element.getAttribute("aria-label") ?? element.id ?? element.tagName);
  });
  expect({ what, overflow }).toEqual({ what, overflow: [] });
}

describe.each(["en", "zh"] as const)("the forms at 350 px, %s", (language) => {
  const t = UI_STRINGS[language];
  const d = DECOMPOSE_STRINGS[language];
  const m = MARKET_STRINGS[language];

  it("Decompose with 3 channels, 2 regions and 5 salespeople fits in 1,240 px, one line per row", async () => {
    const workbench = await openAt350(language);
    await workbench.openTab(t.pageDecompose);
    await workbench.setChecked(d.levelRegions, true);
    await workbench.setChecked(d.levelSalespeople, true);
    const add = (list: string) => workbench.pane.getByRole("button", { name: t.addRowTo(list), exact: true }).click();
    for (let i = 0; i < 2; i++) await add(d.listChannels);
    await add(d.listRegions);
    for (let i = 0; i < 4; i++) await add(d.listPeople);
    await workbench.pane.getByRole("group", { name: d.rowLabel(d.colSalesperson, 5), exact: true }).waitFor();
    const page = workbench.pane.locator("form").first().locator("xpath=..");
    const height = await page.evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(MAX_DECOMPOSE_HEIGHT);
    // A salesperson's row is one line: its cells share a top.
    const tops = await workbench.pane
      .getByRole("group", { name: d.rowLabel(d.colSalesperson, 1), exact: true })
      .locator("input")
      .evaluateAll((inputs) => inputs.map((input) => Math.round(input.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await expectNoOverflow(workbench, "Decompose");
    await workbench.pane.evaluate((pane) => pane.scrollTo(0, 0));
    await workbench.screenshot(`forms-350-${language}-decompose`);
  });

  it("the market analyses and the SMART steps stay within the pane", async () => {
    const workbench = await openAt350(language);
    await workbench.openTab(t.pageMarket);
    for (const [name, tab] of [["swot", m.tabSwot], ["pest", m.tabPest], ["bcg", m.tabBcg], ["risk", m.tabRisk]] as const) {
      await workbench.openTab(tab);
      await expectNoOverflow(workbench, tab);
      await workbench.screenshot(`forms-350-${language}-${name}`);
    }
    await workbench.openTab(t.pageSmart);
    await workbench.fillField(SMART_STRINGS[language].channel, "x");
    await workbench.fillField(SMART_STRINGS[language].product, "y");
    await workbench.press(t.wizardNext);
    await expectNoOverflow(workbench, "SMART");
    await workbench.screenshot(`forms-350-${language}-smart`);
  });
});
