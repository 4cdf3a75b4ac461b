import { MARKET_STRINGS } from "../../src/i18n/market";
import { UI_STRINGS } from "../../src/i18n/ui";
import { Session, startSession, WorkbenchPage } from "./workbench-harness";

/**
 * Market analysis → product portfolio (BCG) in the workbench, in Chinese: four products typed in, each
 * classified by the sheet's formulas (star, cash cow, question mark, dog at the default thresholds), and
 * reclassified when a share is changed in the grid.
 */

const t = UI_STRINGS.zh;
const m = MARKET_STRINGS.zh;
const SHEET = m.sheetBcg;
const PRODUCTS: readonly (readonly [string, number, number])[] = [
  ["巧克力礼盒", 1.5, 20],
  ["坚果礼包", 2, 3],
  ["花草茶", 0.5, 25],
  ["饼干", 0.3, 2],
];

let session: Session;
let workbench: WorkbenchPage;
beforeAll(async () => {
  session = await startSession();
  workbench = await session.open("zh-CN");
}, 30_000);
afterAll(async () => {
  await session?.close();
});

/** Product → [row, class] as the sheet shows them (the table starts at row 5). */
async function classes(): Promise<Map<string, [number, unknown]>> {
  const rows = await workbench.values(SHEET, "A1:D20");
  const found = new Map<string, [number, unknown]>();
  rows.forEach((row, i) => {
    if (PRODUCTS.some(([name]) => name === row[0])) found.set(String(row[0]), [i + 1, row[3]]);
  });
  return found;
}

describe("Market analysis: product portfolio (BCG), in Chinese", () => {
  it("classifies the four products: 明星, 现金牛, 问题, 瘦狗", async () => {
    await workbench.openTab(t.pageMarket);
    await workbench.openTab(m.tabBcg);
    for (const [i, [name, share, growth]] of PRODUCTS.entries()) {
      if (i > 0) await workbench.pane.getByRole("button", { name: t.addRowTo(m.listProducts), exact: true }).click();
      const group = m.rowLabel(m.productRow, i + 1);
      await workbench.fillField(m.colProduct, name, { group });
      await workbench.fillField(m.colShare, String(share), { group });
      await workbench.fillField(m.colGrowth, String(growth), { group });
    }
    await workbench.press(t.writeButton);
    await workbench.waitForText(t.writeDoneSheet(SHEET));
    await workbench.waitForSheet(SHEET);

    const shown = await classes();
    expect(PRODUCTS.map(([name]) => shown.get(name)?.[1])).toEqual([m.classStar, m.classCashCow, m.classQuestion, m.classDog]);
    const chart = await workbench.page.evaluate((sheet) => window.salesPlannerWorkbench!.record(sheet).charts.map((c) => c.kind), SHEET);
    expect(chart).toEqual(["scatter"]);
  });

  it("makes 饼干 a cash cow when its relative share is raised to 1.2 in the grid", async () => {
    const [row] = (await classes()).get("饼干")!;
    await workbench.editCell(SHEET, `B${row}`, "1.2");
    await workbench.waitForValues(SHEET, `D${row}`, [[m.classCashCow]]);
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});
