import { MARKET_STRINGS } from "../../src/i18n/market";
import { UI_STRINGS } from "../../src/i18n/ui";
import { sessionForFile, WorkbenchPage } from "./workbench-harness";

/**
 * Market analysis → PEST (in Chinese) and the risk matrix (in English) in the workbench: typed in as a user
 * would, written to new sheets, and recalculated by the sheet's own formulas after an edit in the grid.
 */

const session = sessionForFile();

/** The 1-based row whose column A (or B) holds `text`, in the first `rows` rows. */
async function rowOf(workbench: WorkbenchPage, sheet: string, text: string, column = 0): Promise<number> {
  const rows = await workbench.values(sheet, "A1:F40");
  const index = rows.findIndex((row) => row[column] === text);
  if (index < 0) throw new Error(`${text} not found in ${sheet}`);
  return index + 1;
}

describe("Market analysis: PEST, in Chinese", () => {
  const t = UI_STRINGS.zh;
  const m = MARKET_STRINGS.zh;
  let workbench: WorkbenchPage;
  const FACTORS = [
    ["E", "消费降级", 50, 4],
    ["T", "AI 导购", 30, 5],
    ["P", "平台规则收紧", 20, 2],
  ] as const;

  beforeAll(async () => {
    workbench = await session.open("zh-CN");
  }, 30_000);

  it("weighs the factors: total 3.9, by dimension P 0.4, E 2, S 0, T 1.5", async () => {
    await workbench.openTab(t.pageMarket);
    await workbench.openTab(m.tabPest);
    for (const [i, [dimension, name, weight, rating]] of FACTORS.entries()) {
      if (i > 0) await workbench.pane.getByRole("button", { name: t.addRowTo(m.listPestFactors), exact: true }).click();
      const row = m.rowLabel(m.listPestFactors, i + 1);
      const group = workbench.pane.getByRole("group", { name: row, exact: true });
      await group.getByLabel(`${row} ${m.colDimension}`, { exact: true }).selectOption(dimension);
      await workbench.fillField(m.colFactor, name, { group: row });
      await workbench.fillField(m.colWeight, String(weight), { group: row });
      await workbench.fillField(m.colRating, String(rating), { group: row });
    }
    await workbench.press(t.writeButton);
    await workbench.waitForText(t.writeDoneSheet(m.sheetPest));
    await workbench.waitForSheet(m.sheetPest);

    const total = await rowOf(workbench, m.sheetPest, m.cellTotal);
    const score = await workbench.value(m.sheetPest, `E${total}`);
    expect(score).toBeCloseTo(3.9, 12);
    const byDimension = await rowOf(workbench, m.sheetPest, m.cellByDimension);
    const summary = await workbench.values(m.sheetPest, `A${byDimension + 1}:B${byDimension + 4}`);
    expect(summary.map((row) => row[0])).toEqual([m.dimP, m.dimE, m.dimS, m.dimT]);
    expect(summary.map((row) => Number((row[1] as number).toFixed(10)))).toEqual([0.4, 2, 0, 1.5]);
  });

  it("recalculates when a rating is changed in the grid (AI 导购 5 → 3: T 0.9, total 3.3)", async () => {
    const row = await rowOf(workbench, m.sheetPest, "AI 导购", 1);
    await workbench.editCell(m.sheetPest, `D${row}`, "3");
    const total = await rowOf(workbench, m.sheetPest, m.cellTotal);
    await workbench.waitForValues(m.sheetPest, `E${total}`, [[3.3]]);
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});

describe("Market analysis: risk matrix, in English", () => {
  const t = UI_STRINGS.en;
  const m = MARKET_STRINGS.en;
  let workbench: WorkbenchPage;
  const RISKS = [
    ["Supplier delay", 4, 4],
    ["Price war", 3, 3],
    ["Server outage", 1, 5],
  ] as const;

  beforeAll(async () => {
    workbench = await session.open("en-US");
  }, 30_000);

  it("scores probability × impact and grades High / Medium / Low against the threshold cells", async () => {
    await workbench.openTab(t.pageMarket);
    await workbench.openTab(m.tabRisk);
    for (const [i, [name, probability, impact]] of RISKS.entries()) {
      if (i > 0) await workbench.pane.getByRole("button", { name: t.addRowTo(m.listRisks), exact: true }).click();
      const group = m.rowLabel(m.riskRow, i + 1);
      await workbench.fillField(m.colRisk, name, { group });
      await workbench.fillField(m.colProbability, String(probability), { group });
      await workbench.fillField(m.colImpact, String(impact), { group });
    }
    await workbench.press(t.writeButton);
    await workbench.waitForText(t.writeDoneSheet(m.sheetRisk));
    await workbench.waitForSheet(m.sheetRisk);
    await workbench.waitForValues(m.sheetRisk, "A6:E8", [
      ["Supplier delay", 4, 4, 16, m.levelHigh],
      ["Price war", 3, 3, 9, m.levelMedium],
      ["Server outage", 1, 5, 5, m.levelLow],
    ]);
    // The 5×5 matrix counts one risk at probability 4 × impact 4.
    const matrix = await rowOf(workbench, m.sheetRisk, m.cellMatrix);
    const probability4 = await workbench.values(m.sheetRisk, `A${matrix + 2}:F${matrix + 2}`);
    expect(probability4).toEqual([[4, 0, 0, 0, 1, 0]]);
  });

  it("re-grades when the High threshold cell is raised to 20 in the grid", async () => {
    await workbench.editCell(m.sheetRisk, "B2", "20");
    await workbench.waitForValues(m.sheetRisk, "E6", [[m.levelMedium]]);
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});
