import { FUNNEL_WIZARD_STRINGS } from "../../src/i18n/funnel-wizard";
import { LIST_STRINGS } from "../../src/i18n/fields";
import { UI_STRINGS } from "../../src/i18n/ui";
import { sessionForFile, WorkbenchPage } from "./workbench-harness";

/**
 * The Funnel planner in the workbench, in both languages, as a user fills it in:
 * - English: the course's example end to end — 100 deals need 2000 visitors, the levers give
 *   125/125/120/120, the pyramid at 1/3 needs 50/150/450/1350/4050 — then the close-rate cell is changed in
 *   the grid and every stage and lever re-plans;
 * - Chinese: the B2B funnel with last period's counts typed into the grid and read from the selection,
 *   a revenue target, and the pipeline in hand (opportunities selected in the grid) with its coverage.
 */

const session = sessionForFile();

describe("Funnel planner, in English: the course's example", () => {
  const t = UI_STRINGS.en;
  const f = FUNNEL_WIZARD_STRINGS.en;
  let wb: WorkbenchPage;
  beforeAll(async () => {
    wb = await session.open("en-US");
  }, 30_000);

  it("plans 2000 visitors for 100 deals, levers 125/125/120/120, the pyramid 50…4050, as live formulas", async () => {
    await wb.openTab(t.pageFunnel);
    await wb.press(t.wizardNext);
    await wb.fillField(f.deals, "100");
    await wb.press(t.wizardNext);
    await wb.waitForText(f.leversRanked);
    await wb.press(t.wizardNext);
    await wb.fillField(f.pyramidRevenue, "10000000");
    await wb.fillField(f.pyramidOrder, "200000");
    await wb.press(t.wizardNext);
    await wb.press(f.finish);
    await wb.waitForText(t.writeDoneSheet(f.sheetName));
    await wb.waitForSheet(f.sheetName);

    // Rows: target 4; funnel header 7, stages 8–11, check 12; mix 15–19; levers header 22, rows 23–26; pyramid grades 33–37.
    await wb.waitForValues(f.sheetName, "B8:B11", [[2000], [800], [400], [100]]);
    await wb.waitForValues(f.sheetName, "B12:C12", [[100, "✓"]]);
    await wb.waitForValues(f.sheetName, "C16:C18", [[80], [160], [560]]);
    await wb.waitForValues(f.sheetName, "E23:F26", [[125, 25], [125, 25], [120, 20], [120, 20]]);
    await wb.waitForValues(f.sheetName, "E33:E37", [[50], [150], [450], [1350], [4050]]);
    expect(await wb.contentOf(f.sheetName, "B8")).toBe("=INDEX(SALES.FUNNEL.PLAN($B$4,$C$9:$C$11),ROW()-ROW($A$7),1)");
    expect(await wb.contentOf(f.sheetName, "B31")).toBe("=1/3");
    await wb.screenshot("workbench-funnel-en");
  });

  it("re-plans every stage and lever when the close rate is changed in the grid (25% → 20%)", async () => {
    await wb.editCell(f.sheetName, "C11", "20%");
    await wb.waitForValues(f.sheetName, "B8:B11", [[2500], [1000], [500], [100]]);
    await wb.waitForValues(f.sheetName, "E23:E26", [[125], [125], [120], [125]]);
    await wb.waitForValues(f.sheetName, "B12:C12", [[100, "✓"]]);
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    wb.expectCleanRun();
  });
});

describe("漏斗规划（中文）：B2B 漏斗、上期人数与手上的商机", () => {
  const t = UI_STRINGS.zh;
  const f = FUNNEL_WIZARD_STRINGS.zh;
  const l = LIST_STRINGS.zh;
  let wb: WorkbenchPage;
  beforeAll(async () => {
    wb = await session.open("zh-CN");
  }, 30_000);

  it("reads last period's counts and the opportunities from the grid, and writes the coverage of the remaining target", async () => {
    const counts = [
      ["环节", "人数"],
      ["潜在", "1000"],
      ["合格", "400"],
      ["方案", "200"],
      ["谈判", "120"],
      ["成交", "60"],
    ];
    for (const [i, [stage, count]] of counts.entries()) {
      await wb.editCell("Sheet1", `A${i + 1}`, stage!);
      await wb.editCell("Sheet1", `B${i + 1}`, count!);
    }
    const opportunities = [
      ["500000", "谈判", "2026-03-15"],
      ["120000", "方案", "2026-03-20"],
      ["800000", "潜在", "2026-04-30"],
    ];
    for (const [i, row] of opportunities.entries()) for (const [j, text] of row.entries()) await wb.editCell("Sheet1", `${"EFG"[j]}${i + 2}`, text);

    await wb.openTab(t.pageFunnel);
    await wb.pane.getByLabel(f.template, { exact: true }).selectOption("b2b");
    await wb.press(f.applyTemplate);
    await wb.pane.getByRole("radio", { name: f.rateSourceCounts }).check();
    await wb.selectRange("Sheet1", "A1", "B6");
    await wb.press(l.readSelectionOf(f.listStages));
    await wb.press(l.replace);
    await wb.waitForText(f.ratesFromCounts(["40.0%", "50.0%", "60.0%", "50.0%"].join("、")));
    await wb.press(t.wizardNext);

    await wb.pane.getByRole("radio", { name: f.kindRevenue }).check();
    await wb.fillField(f.revenue, "300万");
    await wb.fillField(f.dealSize, "5万");
    await wb.press(t.wizardNext);
    await wb.press(t.wizardNext);
    await wb.setChecked(f.pyramidOn, false);
    await wb.press(t.wizardNext);

    await wb.setChecked(f.pipelineOn, true);
    await wb.selectRange("Sheet1", "E2", "G4");
    await wb.press(f.useSelection);
    await wb.waitForText(f.oppsRead(3, "Sheet1!E2:G4"));
    await wb.press(f.fillFromFunnel);
    await wb.fillField(f.periodTarget, "300万");
    await wb.fillField(f.closed, "50万");
    await wb.press(f.finish);
    await wb.waitForText(t.writeDoneSheet(f.sheetName));
    await wb.waitForSheet(f.sheetName);

    // 60 deals at 40/50/60/50%: 1000 潜在 (the counts' own funnel, scaled by 60 / 60).
    await wb.waitForValues(f.sheetName, "B6", [[60]]);
    await wb.waitForValues(f.sheetName, "B10:B14", [[1000], [400], [200], [120], [60]]);
    const rows = await wb.values(f.sheetName, "A30:C50");
    const at = (label: string) => rows.find((row) => row[0] === label);
    expect(at(f.cellPipelineTotal)?.[1]).toBe(1_420_000);
    // 500000·50% + 120000·30% + 800000·6%: the chance from each stage to 成交.
    expect(at(f.cellWeightedTotal)?.[1]).toBeCloseTo(250_000 + 36_000 + 48_000, 6);
    expect(at(f.cellCommit)?.[1]).toBe(500_000);
    expect(at(f.cellRemaining)?.[1]).toBe(2_500_000);
    expect(at(f.cellCoverage)?.[1]).toBeCloseTo(0.568, 9);
    expect(at(f.cellRuleOfThumb)?.[2]).toBe(f.coverageLow);
    await wb.screenshot("workbench-funnel-zh");
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    wb.expectCleanRun();
  });
});
