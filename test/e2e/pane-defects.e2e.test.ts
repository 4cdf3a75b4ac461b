import { MARKET_STRINGS } from "../../src/i18n/market";
import { SMART_STRINGS } from "../../src/i18n/smart";
import { UI_STRINGS } from "../../src/i18n/ui";
import { sessionForFile, type WorkbenchPage } from "./workbench-harness";

/**
 * One test for each defect of the pane measured at 350 px (English, the longer labels) that issue 12 lists,
 * each failing on the pane before the shell was rebuilt. The sweep over every page, both languages and both
 * widths is pane-layout.e2e.test.ts; drafts, Enter and what follows a write are pane-shell.e2e.test.ts.
 */

const session = sessionForFile();

const t = UI_STRINGS.en;
const m = MARKET_STRINGS.en;
const s = SMART_STRINGS.en;

async function pane(width = 350): Promise<WorkbenchPage> {
  return session.open("en-US", { viewport: { width, height: 800 }, paneOnly: true });
}

it("2. choosing the “Risks” analysis does not shift the pane sideways: no part of it is cut off", async () => {
  const wb = await pane();
  await wb.openTab(t.pageMarket);
  await wb.openTab(m.tabRisk);
  const layout = await wb.page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollX: window.scrollX,
    titleLeft: Math.round(document.querySelector("aside h1")!.getBoundingClientRect().left),
  }));
  expect(layout).toEqual({ scrollWidth: 350, scrollX: 0, titleLeft: 16 });
});

it("3. the SMART stepper: numbered, never clipped or overlapping, the current step marked, done steps checked and clickable", async () => {
  const wb = await pane();
  await wb.openTab(t.pageSmart);
  await wb.fillField(s.channel, "Tmall");
  await wb.fillField(s.product, "Gift boxes");
  await wb.press(t.wizardNext);
  const steps = wb.pane.getByRole("list", { name: t.wizardStepsLabel }).getByRole("button", { includeHidden: true });
  const boxes = await steps.evaluateAll((buttons) => buttons.map((b) => ({ text: b.textContent, current: b.getAttribute("aria-current"), box: b.getBoundingClientRect().toJSON() as DOMRect })));
  expect(boxes).toHaveLength(5);
  boxes.forEach(({ box }, i) => {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(350);
    if (i > 0) expect(box.left).toBeGreaterThanOrEqual(boxes[i - 1]!.box.right);
  });
  expect(boxes.map((b) => b.current)).toEqual([null, "step", null, null, null]);
  expect(boxes[0]!.text).toContain("✓");
  expect(boxes[2]!.text).toContain("3");
  await wb.pane.getByRole("button", { name: t.stepButton(1, s.stepSpecific, t.stepDone), exact: true }).click();
  await wb.pane.getByRole("heading", { name: t.wizardStep(1, 5, s.stepSpecific), exact: true }).waitFor();
});

it("7. the page tabs stay on one row, at most 48 px of the first screen", async () => {
  const wb = await pane();
  const nav = await wb.pane.getByRole("tablist").first().evaluate((element) => ({
    rows: new Set([...element.querySelectorAll('[role="tab"]')].map((tab) => tab.getBoundingClientRect()).filter((box) => box.width > 0).map((box) => Math.round(box.top))).size,
    height: element.getBoundingClientRect().height,
  }));
  expect(nav.rows).toBe(1);
  expect(nav.height).toBeLessThanOrEqual(48);
});

describe("10. details", () => {
  it("headings go h1 (the pane), h2 (the page), h3 (the step), with no jump", async () => {
    const wb = await pane();
    await wb.openTab(t.pageSmart);
    const levels = await wb.pane.locator("h1, h2, h3, h4").evaluateAll((hs) => hs.map((h) => h.tagName));
    expect(levels).toEqual(["H1", "H2", "H3"]);
  });

  it("SMART's fields are the same size as the other pages'", async () => {
    const wb = await pane();
    const height = (label: string) => wb.pane.getByLabel(label, { exact: true }).evaluate((input) => input.closest(".fui-Input")!.getBoundingClientRect().height);
    await wb.openTab(t.pageSmart);
    const smart = await height(s.channel);
    await wb.openTab(t.pageMarket);
    const market = await wb.cell(m.rowLabel(m.quadrantS, 1), m.colFactor).evaluate((input) => input.closest(".fui-Input")!.getBoundingClientRect().height);
    expect(smart).toBe(market);
  });

  it("fields stay at most 640 px wide on a wide pane", async () => {
    const wb = await pane(1280);
    await wb.openTab(t.pageSmart);
    const width = await wb.pane.getByLabel(s.channel, { exact: true }).evaluate((input) => input.closest(".fui-Field")!.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(640);
  });

  it("the Start page shows the journey — market, forecast, SMART, decompose, tracking, then the funnel — every stop a link", async () => {
    const wb = await pane();
    const journey = wb.pane.getByRole("list").first();
    expect(await journey.getByRole("listitem").allInnerTexts()).toEqual([
      expect.stringContaining(t.journeyMarket),
      expect.stringContaining(t.toolForecast),
      expect.stringContaining(t.journeySmart),
      expect.stringContaining(t.journeyDecompose),
      expect.stringContaining(t.journeyTrack),
      expect.stringContaining(t.toolFunnel),
    ]);
    expect(await journey.getByRole("listitem").nth(4).innerText()).toContain(t.statusNotStarted);
    expect(await journey.getByRole("listitem").nth(4).getByRole("button", { name: t.journeyTrack }).count()).toBe(1);
    await journey.getByRole("button", { name: t.journeySmart }).click();
    await wb.pane.getByRole("tab", { name: t.pageSmart, selected: true }).waitFor();
  });

  it("the Functions page is short and searchable", async () => {
    const wb = await pane();
    await wb.openTab(t.pageFunctions);
    expect(await wb.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1200);
    await wb.pane.getByRole("searchbox", { name: t.functionsSearch }).fill("churn");
    expect(await wb.pane.getByRole("group").evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label")))).toEqual(["SALES.KPI.CHURN"]);
  });
});
