import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { AxeResults } from "axe-core";
import { DECOMPOSE_STRINGS } from "../../src/i18n/decompose";
import { FORECAST_WIZARD_STRINGS } from "../../src/i18n/forecast-wizard";
import { FUNNEL_WIZARD_STRINGS } from "../../src/i18n/funnel-wizard";
import { IMPORT_STRINGS } from "../../src/i18n/import";
import { MARKET_STRINGS } from "../../src/i18n/market";
import { PROGRESS_STRINGS } from "../../src/i18n/progress";
import { SMART_STRINGS } from "../../src/i18n/smart";
import { UI_STRINGS } from "../../src/i18n/ui";
import { encodeGb18030 } from "../core/import/gb18030";
import { type Language, RESULTS, sessionForFile, type WorkbenchPage } from "./workbench-harness";

/**
 * The pane as Excel shows it — the whole page, 350 px wide (Excel's default pane) and 1,280 px (a pane
 * dragged wide, Excel on the web's side panel) — in both languages, on every page and sub-page: each market
 * analysis, each SWOT and SMART step, Decompose with every level (and with its upgrades on), each Funnel planner step, the Functions
 * page. At each:
 * - nothing scrolls sideways: the document is no wider than the pane, and no element reaches past its edge;
 * - axe-core finds no accessibility problem, but one rule for one kind of element (ALLOWED below);
 * - headings go h1 (the pane), h2 (the page), h3 (a step or section) without a jump;
 * - controls have one size; content is at most 640 px wide;
 * - the tabs stay in one row; a stepper's steps are all on screen, none over another.
 * At 350 px it saves a screenshot of each page (test-results/e2e/pane-350/, and docs/images/pane-350/ when
 * E2E_DOC_IMAGES=1): the README shows them.
 */

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Rules axe may report, and for which elements only. Tabster (Fluent's keyboard navigation) puts invisible
 * "dummy" elements at the edges of focus groups (`data-tabster-dummy`): focusable, aria-hidden, so that Tab
 * moves in and out of a group; they pass focus on at once and are never read. Fluent documents them as a
 * known false positive of `aria-hidden-focus`. Any other element failing that rule, or any other rule, fails.
 */
const ALLOWED: Readonly<Record<string, { readonly only: string; readonly reason: string }>> = {
  "aria-hidden-focus": { only: "[data-tabster-dummy]", reason: "Tabster's focus sentinels (Fluent's documented false positive)" },
};

const DOC_IMAGES = resolve(__dirname, "..", "..", "docs", "images", "pane-350");
/** The stations whose 350-px screenshots the README shows (each page; the rest stay in test-results). */
const DOC_STATIONS = new Set(["start", "market-swot", "market-pest", "market-bcg", "market-risk", "smart-1-specific", "smart-3-achievable", "decompose", "funnel-1-stages", "funnel-2-target", "funnel-3-levers", "funnel-4-pyramid", "funnel-5-pipeline", "functions-search", "forecast-1-history", "forecast-2-backtest", "forecast-3-write", "forecast-4-use", "progress-1-plan", "progress-2-actuals", "progress-3-review", "progress-4-adjust", "segment-1-data", "import-1-file", "import-2-columns", "import-3-summaries", "import-4-result"]);
const SHOTS = join(RESULTS, "pane-350");

/** Orders for the Import page's steps: Chinese headers, a salesperson and a channel, a long address; a few amounts that do not read (待定, ¥1,1036). */
const LAYOUT_ORDERS = [
  "客户编号,下单日期,实付金额,业务员,渠道,收货地址",
  ...Array.from({ length: 30 }, (_, k) => {
    const amount = k === 7 ? "待定" : `"¥1,${String(37 * k).padStart(3, "0")}"`;
    const address = `上海市浦东新区世纪大道${100 + k}号${k % 2 === 0 ? "，靠近地铁站的一栋很长名字的写字楼" : ""}`;
    return `C${String(k % 9).padStart(3, "0")},2024-${String(1 + (k % 12)).padStart(2, "0")}-${String(1 + (k % 27)).padStart(2, "0")},${amount},${["张三", "李四", "王五"][k % 3]},${["天猫", "京东", "抖音"][k % 3]},${address}`;
  }),
].join("\r\n");
const HEIGHT = 800;

const session = sessionForFile(60_000);

/** Where the layout goes wrong, as sentences naming the element (empty when nothing does). */
async function layoutProblems(wb: WorkbenchPage): Promise<string[]> {
  return wb.page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) problems.push(`the document is ${root.scrollWidth} px wide in a ${width}-px pane`);
    if (window.scrollX !== 0) problems.push(`the pane is scrolled ${window.scrollX} px sideways`);
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ")[0]} “${(el.textContent ?? "").trim().slice(0, 30)}”`;
    // What of an element is drawn: its box, cut by every ancestor that clips what overflows it.
    const drawn = (el: Element) => {
      let { left, right } = el.getBoundingClientRect();
      for (let up = el.parentElement; up !== null && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === "visible") continue;
        const clip = up.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      return { left, right };
    };
    for (const el of document.querySelectorAll("aside.pane *")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      const { left, right } = drawn(el);
      if (right <= left) continue;
      if (right > width + 0.5 || left < -0.5) problems.push(`${name(el)} is drawn from ${Math.round(left)} to ${Math.round(right)} px`);
    }
    return problems.slice(0, 10);
  });
}

/** Heading levels in the pane, in order: must start at 1 and never go down more than one level at a time. */
async function headingJumps(wb: WorkbenchPage): Promise<string[]> {
  const levels = await wb.pane.locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) => hs.map((h) => `${h.tagName} ${(h.textContent ?? "").slice(0, 30)}`));
  const jumps: string[] = [];
  levels.forEach((heading, i) => {
    const level = Number(heading[1]);
    const previous = i === 0 ? 0 : Number(levels[i - 1]![1]);
    if (level > previous + 1) jumps.push(`${levels[i - 1] ?? "(start)"} → ${heading}`);
  });
  if (!levels[0]?.startsWith("H1")) jumps.push(`first heading ${levels[0]}`);
  return jumps;
}

async function axeViolations(wb: WorkbenchPage): Promise<string[]> {
  if (!(await wb.page.evaluate(() => "axe" in window))) await wb.page.addScriptTag({ content: AXE_SOURCE });
  const results = (await wb.page.evaluate(() => (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe.run(document, { resultTypes: ["violations"] }))) as AxeResults;
  const problems: string[] = [];
  for (const violation of results.violations) {
    const allowed = ALLOWED[violation.id];
    for (const node of violation.nodes) {
      if (allowed !== undefined && (await wb.page.locator(String(node.target[0])).evaluate((el, only) => el.matches(only), allowed.only).catch(() => false))) continue;
      problems.push(`${violation.id}: ${node.target.join(" ")} — ${node.failureSummary?.split("\n")[1]?.trim() ?? violation.help}`);
    }
  }
  return problems;
}

/** Heights of the pane's inputs, selects and buttons in its main area, by kind (each kind must have one). */
async function controlHeights(wb: WorkbenchPage): Promise<{ inputs: number[]; buttons: number[] }> {
  return wb.pane.locator("main").evaluate((main) => {
    const heights = (selector: string) => [...new Set([...main.querySelectorAll(selector)].map((el) => el.getBoundingClientRect().height).filter((h) => h > 0).map(Math.round))];
    return { inputs: heights(".fui-Input, .fui-Select, .fui-SearchBox"), buttons: heights(".fui-Button") };
  });
}

/** The widest field and the main area's width. */
async function widths(wb: WorkbenchPage): Promise<{ main: number; widestField: number }> {
  return wb.pane.locator("main").evaluate((main) => ({
    main: Math.round(main.getBoundingClientRect().width),
    widestField: Math.round(Math.max(0, ...[...main.querySelectorAll(".fui-Field")].map((f) => f.getBoundingClientRect().width))),
  }));
}

/** The row of page tabs: the tops of the tabs shown and the nav's height. */
async function navRow(wb: WorkbenchPage): Promise<{ tops: number[]; height: number }> {
  return wb.pane.locator("nav").evaluate((nav) => ({
    tops: [...new Set([...nav.querySelectorAll('[role="tab"]')].map((tab) => tab.getBoundingClientRect()).filter((box) => box.width > 0).map((box) => Math.round(box.top)))],
    height: Math.round(nav.getBoundingClientRect().height),
  }));
}

/** The stepper's buttons: on screen, side by side, none over another; the current one marked. */
async function stepperProblems(wb: WorkbenchPage): Promise<string[]> {
  return wb.pane.locator("form ol").first().evaluate((list) => {
    const problems: string[] = [];
    const buttons = [...list.querySelectorAll("button")];
    const width = document.documentElement.clientWidth;
    const boxes = buttons.map((b) => b.getBoundingClientRect());
    boxes.forEach((box, i) => {
      if (box.left < 0 || box.right > width) problems.push(`step ${i + 1} is cut at the pane's edge (${Math.round(box.left)}–${Math.round(box.right)})`);
      if (i > 0 && box.left < boxes[i - 1]!.right - 0.5) problems.push(`step ${i + 1} overlaps step ${i}`);
      const circle = buttons[i]!.querySelector("span")!.getBoundingClientRect();
      if (circle.width < 20) problems.push(`step ${i + 1}'s number is squeezed to ${circle.width} px`);
    });
    if (list.scrollWidth > list.clientWidth) problems.push(`the steps are ${list.scrollWidth} px in ${list.clientWidth}`);
    if (buttons.filter((b) => b.getAttribute("aria-current") === "step").length !== 1) problems.push("not exactly one current step");
    return problems;
  });
}

interface Station {
  readonly name: string;
  readonly stepper?: boolean;
}

/** Checks the pane as it is now; at 350 px, saves its screenshot. */
async function check(wb: WorkbenchPage, language: Language, width: number, station: Station): Promise<void> {
  await wb.page.evaluate(() => window.scrollTo(0, 0));
  // Fluent's motions (a panel fading in) end first: halfway through, text is pale and boxes move.
  await wb.page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running" || animation.effect?.getComputedTiming().iterations === Infinity));
  const where = `${language} ${width} px ${station.name}`;
  expect({ where, layout: await layoutProblems(wb) }).toEqual({ where, layout: [] });
  expect({ where, headings: await headingJumps(wb) }).toEqual({ where, headings: [] });
  expect({ where, axe: await axeViolations(wb) }).toEqual({ where, axe: [] });
  const heights = await controlHeights(wb);
  expect({ where, inputs: heights.inputs.length <= 1, buttons: heights.buttons.length <= 1 }).toEqual({ where, inputs: true, buttons: true });
  const { main, widestField } = await widths(wb);
  expect({ where, main: main <= 640, widestField: widestField <= 640 }).toEqual({ where, main: true, widestField: true });
  const nav = await navRow(wb);
  expect({ where, tabRows: nav.tops.length, navAtMost48: nav.height <= 48 }).toEqual({ where, tabRows: 1, navAtMost48: true });
  if (station.stepper === true) expect({ where, stepper: await stepperProblems(wb) }).toEqual({ where, stepper: [] });
  if (width === 350) {
    mkdirSync(SHOTS, { recursive: true });
    const file = join(SHOTS, `${language}-${station.name}.png`);
    await wb.page.screenshot({ path: file });
    if (process.env.E2E_DOC_IMAGES === "1" && DOC_STATIONS.has(station.name)) {
      mkdirSync(DOC_IMAGES, { recursive: true });
      copyFileSync(file, join(DOC_IMAGES, `${language}-${station.name}.png`));
    }
  }
}

/** Every page and sub-page, filled in far enough to reach each step. */
async function walk(wb: WorkbenchPage, language: Language, width: number): Promise<void> {
  const t = UI_STRINGS[language];
  const m = MARKET_STRINGS[language];
  const s = SMART_STRINGS[language];
  const d = DECOMPOSE_STRINGS[language];
  const at = (name: string, stepper = false) => check(wb, language, width, { name, stepper });

  await at("start");

  await wb.openTab(t.pageMarket);
  await at("market-swot", true);
  for (const [list, factor] of [
    [m.quadrantS, "Brand"],
    [m.quadrantW, "Cost"],
    [m.quadrantO, "Live commerce"],
    [m.quadrantT, "Price war"],
  ] as const) {
    const group = m.rowLabel(list, 1);
    await wb.fillField(m.colFactor, factor, { group });
    await wb.fillField(m.colWeight, "100", { group });
    await wb.fillField(m.colRating, "4", { group });
  }
  await wb.press(t.wizardNext);
  await wb.pane.getByRole("heading", { name: t.wizardStep(2, 2, m.swotStepStrategies) }).waitFor();
  await at("market-swot-strategies", true);
  for (const [tab, name] of [
    [m.tabPest, "market-pest"],
    [m.tabBcg, "market-bcg"],
    [m.tabRisk, "market-risk"],
  ] as const) {
    await wb.openTab(tab);
    await at(name);
  }

  await wb.openTab(t.pageSmart);
  await at("smart-1-specific", true);
  await wb.fillField(s.channel, "Tmall");
  await wb.fillField(s.product, "Gift boxes");
  await wb.press(t.wizardNext);
  await at("smart-2-measurable", true);
  await wb.fillField(s.unit, "10k yuan");
  await wb.fillField(s.baseline, "40");
  await wb.fillField(s.target, "50");
  await wb.press(t.wizardNext);
  await at("smart-3-achievable", true);
  await wb.press(t.wizardNext);
  await at("smart-4-relevant", true);
  await wb.fillField(s.strategy, "SO");
  await wb.press(t.wizardNext);
  await wb.fillField(s.start, "2025-01-01");
  await wb.fillField(s.end, "2025-03-31");
  await at("smart-5-time-bound", true);

  await wb.openTab(t.pageDecompose);
  for (const level of [d.levelProducts, d.levelRegions, d.levelSalespeople]) await wb.setChecked(level, true);
  await wb.pane.getByLabel(d.fieldTimeMethod, { exact: true }).selectOption("seasonal");
  await at("decompose");
  // The upgrades: weights typed per month, a mix per channel, people within regions, the plan by period.
  await wb.pane.getByLabel(d.fieldTimeMethod, { exact: true }).selectOption("typed");
  await wb.setChecked(d.fieldMixPerChannel, true);
  await wb.pane.getByLabel(d.fieldParent, { exact: true }).selectOption("regions");
  await wb.setChecked(d.fieldGrid, true);
  await at("decompose-upgrades");

  const f = FUNNEL_WIZARD_STRINGS[language];
  await wb.openTab(t.pageFunnel);
  await at("funnel-1-stages", true);
  await wb.press(t.wizardNext);
  await wb.fillField(f.deals, "100");
  await at("funnel-2-target", true);
  await wb.press(t.wizardNext);
  await at("funnel-3-levers", true);
  await wb.press(t.wizardNext);
  await wb.fillField(f.pyramidRevenue, "10000000");
  await wb.fillField(f.pyramidOrder, "200000");
  await at("funnel-4-pyramid", true);
  await wb.press(t.wizardNext);
  await wb.setChecked(f.pipelineOn, true);
  await at("funnel-5-pipeline", true);

  // Forecast: two regions' quarterly sales with a header row and Chinese quarters, read from the selection.
  const fc = FORECAST_WIZARD_STRINGS[language];
  await wb.page.evaluate(() => {
    const workbook = window.salesPlannerWorkbench!;
    const rows = [["季度", "华北", "华东"], ...Array.from({ length: 16 }, (_, k) => [`${2021 + Math.floor(k / 4)}年第${(k % 4) + 1}季度`, String(400 + 20 * k + [0, 60, 90, -40][k % 4]! + ((k * 37) % 23) - 11), String(250 + 9 * k + [10, 40, 60, -20][k % 4]! + ((k * 29) % 17) - 8)])];
    rows.forEach((row, r) => row.forEach((text, c) => workbook.enterCell(`Sheet1!${"ABC"[c]}${r + 1}`, text)));
    workbook.select("Sheet1!A1:C17");
  });
  await wb.openTab(t.pageForecast);
  await wb.press(fc.useSelection);
  await wb.waitForText(fc.detected(4));
  await at("forecast-1-history", true);
  await wb.press(t.wizardNext);
  await wb.pane.getByRole("table").waitFor();
  await at("forecast-2-backtest", true);
  await wb.press(t.wizardNext);
  await at("forecast-3-write", true);
  await wb.press(fc.finishWrite);
  await wb.pane.getByRole("heading", { name: t.wizardStep(4, 4, fc.stepUse) }).waitFor();
  await wb.press(fc.useButton);
  await wb.pane.getByText(fc.openSmart).waitFor();
  await at("forecast-4-use", true);

  const p = PROGRESS_STRINGS[language];
  await wb.openTab(t.pageProgress);
  await at("progress-1-plan", true);
  // The manager's targets, five people × 12 months, selected in the workbook.
  await wb.page.evaluate(async (rows) => {
    const workbook = window.salesPlannerWorkbench!;
    await workbook.createSheet({ name: "Targets", rows: rows.map((row) => row.map((value) => ({ value }))) });
    workbook.select("Targets!A1:M6");
  }, [["Salesperson", ...Array.from({ length: 12 }, (_, k) => `M${k + 1}`)], ...["A", "B", "C", "D", "E"].map((name) => [name, ...Array.from({ length: 12 }, () => 100_000)])]);
  await wb.press(p.usePlanSelection);
  await wb.fillField(p.fieldYear, "2025");
  await wb.press(t.wizardNext);
  await wb.pane.getByRole("heading", { name: t.wizardStep(2, 4, p.steps[1]!) }).waitFor();
  await wb.pane.getByRole("radio", { name: p.actualsOrders }).check();
  await at("progress-2-actuals", true);
  await wb.pane.getByRole("radio", { name: p.actualsTyped }).check();
  await wb.press(t.wizardNext);
  await wb.pane.getByRole("heading", { name: t.wizardStep(3, 4, p.steps[2]!) }).waitFor();
  await at("progress-3-review", true);
  await wb.press(p.writeReview);
  await wb.pane.getByRole("heading", { name: t.wizardStep(4, 4, p.steps[3]!) }).waitFor();
  await wb.press(t.addRowTo(p.listLeavers));
  await at("progress-4-adjust", true);

  await wb.openTab(t.pageSegment);
  await at("segment-1-data", true);

  // Import a large order file: a small GB18030 export with Chinese headers, chosen through the file input.
  const im = IMPORT_STRINGS[language];
  await wb.openTab(t.pageImport);
  await wb.pane.getByTestId("import-file").setInputFiles({ name: "订单导出-2024.csv", mimeType: "text/csv", buffer: Buffer.from(encodeGb18030(LAYOUT_ORDERS)) });
  await wb.pane.getByLabel(im.encodingLabel, { exact: true }).waitFor();
  await at("import-1-file", true);
  await wb.press(t.wizardNext);
  await wb.pane.getByRole("heading", { name: t.wizardStep(2, 4, im.stepColumns) }).waitFor();
  await at("import-2-columns", true);
  await wb.press(t.wizardNext);
  await wb.setChecked(im.periodsLabel, true);
  await at("import-3-summaries", true);
  await wb.press(t.wizardNext);
  await wb.press(im.runButton);
  await wb.pane.getByRole("heading", { name: im.resultTitle }).waitFor({ timeout: 60_000 });
  await at("import-4-result", true);

  await wb.openTab(t.pageFunctions);
  await at("functions");
  await wb.pane.getByRole("searchbox", { name: t.functionsSearch }).fill("rfm");
  await at("functions-search");
}

describe.each([
  ["en", 350],
  ["zh", 350],
  ["en", 1280],
  ["zh", 1280],
] as const)("the pane alone, %s, %i px wide", (language, width) => {
  it("never scrolls sideways, passes axe, keeps its headings, sizes and rows, on every page and step", async () => {
    const wb = await session.open(language === "en" ? "en-US" : "zh-CN", { viewport: { width, height: HEIGHT }, paneOnly: true });
    await walk(wb, language, width);
    wb.expectCleanRun();
  });
});

describe("the checks themselves", () => {
  it("notice a planted problem: an element past the pane's edge, an image without text, a heading that jumps, a Tabster-looking element that is not one", async () => {
    const wb = await session.open("en-US", { viewport: { width: 350, height: HEIGHT }, paneOnly: true });
    expect(await layoutProblems(wb)).toEqual([]);
    await wb.page.evaluate(() => {
      const main = document.querySelector("aside.pane main")!;
      const wide = document.createElement("div");
      wide.style.width = "400px";
      wide.style.height = "10px";
      wide.id = "planted-wide";
      const image = document.createElement("img");
      image.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
      image.width = 10;
      image.height = 10;
      const heading = document.createElement("h5");
      heading.textContent = "Jump";
      const fake = document.createElement("button");
      fake.setAttribute("aria-hidden", "true");
      fake.textContent = "not a sentinel";
      main.append(wide, image, heading, fake);
    });
    expect(await layoutProblems(wb)).toEqual(["the document is 416 px wide in a 350-px pane", expect.stringContaining("div#planted-wide")]);
    const axe = await axeViolations(wb);
    expect(axe).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt: /), expect.stringMatching(/^aria-hidden-focus: /)]));
    expect(await headingJumps(wb)).toEqual([expect.stringContaining("H5 Jump")]);
  });
});
