import { copyFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CellValue } from "../../src/excel/gateway";
import { DECOMPOSE_STRINGS } from "../../src/i18n/decompose";
import { UI_STRINGS } from "../../src/i18n/ui";
import { type Language, RESULTS, sessionForFile, type WorkbenchPage } from "./workbench-harness";

/**
 * The Decompose upgrades in the workbench, in both languages: 120M over quarters weighted as typed
 * (20/30/15/35: Q2 carries 618, Q4 双11), two channels each with its own product mix, two regions whose
 * amounts go to their own salespeople, and the salespeople × quarters plan of live SALES.TARGET.GRID cells.
 * Every row of the plan adds up to the person's quota and every column to the quarter's target, in the
 * calculating workbook; after a quarter's weight is changed in the grid, still. At 350 px the pane's new
 * sections are photographed (test-results/e2e/pane-350/, docs/images/pane-350/ when E2E_DOC_IMAGES=1).
 */

const SHOTS = join(RESULTS, "pane-350");
const DOC_IMAGES = resolve(__dirname, "..", "..", "docs", "images", "pane-350");
const QUARTER_WEIGHTS = ["20", "30", "15", "35"];
const CHANNELS = [
  { name: "天猫", weight: "60", mix: ["", "", ""] },
  { name: "抖音", weight: "40", mix: ["20", "60", ""] },
];
const PRODUCTS = [
  { name: "护肤", weight: "50" },
  { name: "彩妆", weight: "30" },
  { name: "个护", weight: "20" },
];
const REGIONS = [
  { name: "华东", weight: "60" },
  { name: "华南", weight: "40" },
];
const PEOPLE = [
  { name: "王芳", region: "华东", history: "3200000", potential: "3000000" },
  { name: "李强", region: "华南", history: "2600000", potential: "3500000" },
  { name: "张伟", region: "华东", history: "2100000", potential: "2500000" },
];

const session = sessionForFile();

/** Fills the form: every upgrade on. */
async function fillForm(wb: WorkbenchPage, language: Language): Promise<void> {
  const t = UI_STRINGS[language];
  const d = DECOMPOSE_STRINGS[language];
  await wb.openTab(t.pageDecompose);
  await wb.fillField(d.fieldTotal, "120000000");
  await wb.pane.getByLabel(d.fieldPeriods, { exact: true }).selectOption("quarters");
  await wb.pane.getByLabel(d.fieldTimeMethod, { exact: true }).selectOption("typed");
  const weights = wb.pane.getByRole("group", { name: d.fieldPeriodWeights, exact: true });
  for (const [i, weight] of QUARTER_WEIGHTS.entries()) await weights.getByLabel(d.quarters[i]!, { exact: true }).fill(weight);

  const fillList = async (list: string, row: string, rows: readonly Record<string, string>[]) => {
    for (const [i, values] of rows.entries()) {
      if (i > 0) await wb.press(t.addRowTo(list));
      for (const [column, text] of Object.entries(values)) {
        const cell = wb.cell(d.rowLabel(row, i + 1), column);
        if ((await cell.evaluate((el) => el.tagName)) === "SELECT") await cell.selectOption(text);
        else await cell.fill(text);
      }
    }
  };
  await fillList(d.listChannels, d.colChannel, CHANNELS.map((c) => ({ [d.colChannel]: c.name, [d.colWeight]: c.weight })));
  await wb.setChecked(d.levelProducts, true);
  await fillList(d.listProducts, d.colProduct, PRODUCTS.map((p) => ({ [d.colProduct]: p.name, [d.colWeight]: p.weight })));
  await wb.setChecked(d.fieldMixPerChannel, true);
  for (const channel of CHANNELS) {
    const group = wb.pane.getByRole("group", { name: d.listMix(channel.name), exact: true });
    for (const [p, weight] of channel.mix.entries()) if (weight !== "") await group.getByLabel(PRODUCTS[p]!.name, { exact: true }).fill(weight);
  }
  await wb.setChecked(d.levelRegions, true);
  await fillList(d.listRegions, d.colRegion, REGIONS.map((r) => ({ [d.colRegion]: r.name, [d.colWeight]: r.weight })));
  await wb.setChecked(d.levelSalespeople, true);
  await wb.pane.getByLabel(d.fieldParent, { exact: true }).selectOption("regions");
  await fillList(
    d.listPeople,
    d.colSalesperson,
    PEOPLE.map((p) => ({ [d.colSalesperson]: p.name, [d.colPersonRegion]: p.region, [d.colHistory]: p.history, [d.colPotential]: p.potential, [d.colRamp]: "100" })),
  );
  await wb.setChecked(d.fieldGrid, true);
  await wb.pane.getByLabel(d.fieldGridRows, { exact: true }).selectOption("salespeople");
}

/** A table the sheet recorded, as rows of values without its header. */
async function tableRows(wb: WorkbenchPage, sheet: string, name: string): Promise<CellValue[][]> {
  const tables = await wb.page.evaluate((s) => window.salesPlannerWorkbench!.record(s).tables.map((table) => ({ ...table })), sheet);
  const table = tables.find((x) => x.name === name);
  if (table === undefined) throw new Error(`no table ${name}`);
  return (await wb.values(sheet, table.address)).slice(1);
}

const sum = (values: readonly CellValue[]) => values.reduce<number>((a, b) => a + (b as number), 0);

describe.each(["en", "zh"] as const)("Decompose upgrades, %s", (language) => {
  const d = DECOMPOSE_STRINGS[language];
  const t = UI_STRINGS[language];

  it("writes the salespeople × quarters plan of TARGET.GRID cells adding up both ways, and keeps it adding up after a weight changes", async () => {
    const wb = await session.open(language === "en" ? "en-US" : "zh-CN");
    await fillForm(wb, language);
    await wb.press(t.writeButton);
    await wb.waitForText(t.writeDoneSheet(d.sheetName));
    await wb.waitForSheet(d.sheetName);
    await wb.waitForValues(d.sheetName, "B3", [[120_000_000]]);

    const check = async (quarters: readonly number[]) => {
      const time = await tableRows(wb, d.sheetName, "Decompose_Time");
      expect(time.map((row) => row[1])).toEqual(quarters);
      const people = await tableRows(wb, d.sheetName, "Decompose_Salespeople");
      // Grouped by region: 华东's two people first.
      expect(people.map((row) => [row[0], row[1]])).toEqual([["王芳", "华东"], ["张伟", "华东"], ["李强", "华南"]]);
      const quotas = people.map((row) => row[5] as number);
      expect(sum(quotas)).toBe(120_000_000);
      const plan = await tableRows(wb, d.sheetName, "Decompose_Grid");
      expect(plan.map((row) => row[0])).toEqual(people.map((row) => row[0]));
      const cells = plan.map((row) => row.slice(1, 5) as number[]);
      expect(cells.map((row) => sum(row))).toEqual(quotas);
      expect([0, 1, 2, 3].map((j) => sum(cells.map((row) => row[j]!)))).toEqual(quarters);
      expect(cells.flat().every((x) => typeof x === "number" && x >= 0 && x % 10_000 === 0)).toBe(true);
      // No check on the sheet says ✗, and none shows an error.
      const all = (await wb.values(d.sheetName, "A1:H60")).flat();
      expect(all.filter((x) => typeof x === "string" && (x.startsWith("✗") || x.startsWith("#")))).toEqual([]);
      expect(all.filter((x) => x === "✓").length).toBeGreaterThan(15);
    };
    await check([24_000_000, 36_000_000, 18_000_000, 42_000_000]);
    const record = await wb.page.evaluate((s) => window.salesPlannerWorkbench!.record(s).charts.map((chart) => ({ ...chart })), d.sheetName);
    expect(record).toEqual([expect.objectContaining({ kind: "column", source: "A7:B11", title: d.chartTime })]);
    // 抖音's own mix: 20/60/20 of its 48M.
    const products = await tableRows(wb, d.sheetName, "Decompose_Products");
    expect(products[1]!.slice(1, 4)).toEqual([9_600_000, 28_800_000, 9_600_000]);

    // Q2's weight (D9, the weights last) from 30 to 45: the quarters, then the plan, follow.
    await wb.editCell(d.sheetName, "D9", "45");
    // 120M over 20/45/15/35 in 10,000s: 2,086.96, 4,695.65, 1,565.22, 3,652.17 units; the two left go to Q1 (.96) and Q2 (.65).
    await wb.waitForValues(d.sheetName, "B8:B11", [[20_870_000], [46_960_000], [15_650_000], [36_520_000]]);
    await check([20_870_000, 46_960_000, 15_650_000, 36_520_000]);
    await wb.showSheet(d.sheetName);
    // The grid scrolled to the plan by period, under the levels.
    const plan = await wb.page.evaluate((s) => window.salesPlannerWorkbench!.record(s).tables.find((x) => x.name === "Decompose_Grid")!.address, d.sheetName);
    const last = Number(/:[A-Z]+(\d+)$/.exec(plan)![1]);
    await wb.sheets.locator(`td[data-cell="A${last + 5}"]`).scrollIntoViewIfNeeded();
    await wb.screenshot(`workbench-decompose-grid-${language}`);
    wb.expectCleanRun();
  });

  it("fits the new sections into the pane at 350 px (photographed)", async () => {
    const wb = await session.open(language === "en" ? "en-US" : "zh-CN", { viewport: { width: 350, height: 800 }, paneOnly: true });
    await fillForm(wb, language);
    const width = await wb.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    mkdirSync(SHOTS, { recursive: true });
    const shots: [string, string][] = [
      ["decompose-period-weights", d.fieldPeriodWeights],
      ["decompose-mix", d.listMix(CHANNELS[0]!.name)],
      ["decompose-people-regions", d.listPeople],
    ];
    for (const [name, group] of shots) {
      const section = wb.pane.getByRole("group", { name: group, exact: true });
      await section.evaluate((el) => el.scrollIntoView({ block: "start" }));
      const file = join(SHOTS, `${language}-${name}.png`);
      await wb.page.screenshot({ path: file });
      if (process.env.E2E_DOC_IMAGES === "1") {
        mkdirSync(DOC_IMAGES, { recursive: true });
        copyFileSync(file, join(DOC_IMAGES, `${language}-${name}.png`));
      }
    }
    wb.expectCleanRun();
  });
});
