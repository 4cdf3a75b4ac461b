/**
 * The Decomposition sheet recalculates as intended: the plan is loaded, exactly as Excel would receive it
 * (cellInput), into HyperFormula with the real SALES functions of the built bundle, beside the two sheets it
 * refers to ('SMART target' holding the total in B8, 'Sales history' holding three years in B2:M4). Every
 * level adds up to its parent; setting the total to 150M re-splits everything. Needs `npm run build`.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { cellInput } from "../../../src/excel/cell-input";
import type { SheetPlan } from "../../../src/excel/gateway";
import { decomposePlan } from "../../../src/taskpane/features/decompose/decompose-plan";
import { ENGINE_CONFIG, keepSpillsSized, registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { CHANNELS, exampleInput, HISTORY, REGIONS } from "./fixture";

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

/** The workbook: the plan's sheet first, values entered before formulas (each formula sized on its inputs). */
function load(plan: SheetPlan) {
  const inputs = plan.rows.map((row) => row.map(cellInput));
  const isFormula = (x: unknown) => typeof x === "string" && x.startsWith("=");
  const smart: unknown[][] = Array.from({ length: 8 }, () => []);
  smart[7] = ["Total", 120_000_000];
  const hf = HyperFormula.buildFromSheets(
    {
      Decomposition: inputs.map((row) => row.map((x) => (isFormula(x) ? null : x))),
      "SMART target": smart,
      "Sales history": [["Year", ...Array.from({ length: 12 }, (_, i) => `M${i + 1}`)], ...HISTORY.map((year, i) => [1949 + i, ...year])],
    } as never,
    ENGINE_CONFIG,
  );
  keepSpillsSized(hf);
  const sheet = hf.getSheetId("Decomposition")!;
  inputs.forEach((row, r) => row.forEach((x, c) => isFormula(x) && hf.setCellContents({ sheet, row: r, col: c }, x as string)));
  const cell = (a1: string, sheetName = "Decomposition") => hf.simpleCellAddressFromString(a1, hf.getSheetId(sheetName)!)!;
  const at = (a1: string) => hf.getCellValue(cell(a1));
  const column = (from: string, to: string) => hf.getRangeValues({ start: cell(from), end: cell(to) }).flat();
  return { hf, at, column, set: (a1: string, value: number, sheetName?: string) => hf.setCellContents(cell(a1, sheetName), value) };
}

const sum = (values: unknown[]) => values.reduce<number>((acc, x) => acc + (x as number), 0);
const numbers = (values: unknown[]) => values.every((x) => typeof x === "number" && Number.isFinite(x));

/** Every level of the example sheet (layout: see decompose-plan.test.ts) against `total`. */
function expectLevelsAddUp(sheet: ReturnType<typeof load>, total: number) {
  const { at, column } = sheet;
  expect(at("B3")).toBe(total);
  // time: months in B8:B19, check in row 20
  const months = column("B8", "B19");
  expect(numbers(months)).toBe(true);
  expect(months.every((m) => (m as number) % 10_000 === 0)).toBe(true);
  expect(sum(months)).toBe(total);
  expect([at("B20"), at("C20")]).toEqual([total, "✓"]);
  expect(sum(column("C8", "C19"))).toBeCloseTo(1, 9);
  // channels: C24:C27, check row 28
  const channels = column("C24", "C27");
  expect(channels).toEqual(CHANNELS.map((c) => (total * c.weight) / 100));
  expect([at("C28"), at("D28")]).toEqual([total, "✓"]);
  // products within channels: rows 33–36, each row adds up to its channel; check row 37
  for (let i = 0; i < 4; i++) {
    const r = 33 + i;
    const products = column(`B${r}`, `D${r}`);
    expect(numbers(products)).toBe(true);
    expect(sum(products)).toBe(channels[i]);
    expect([at(`E${r}`), at(`F${r}`)]).toEqual([channels[i], "✓"]);
  }
  expect(at("A33")).toBe("天猫");
  expect([at("E37"), at("F37")]).toEqual([total, "✓"]);
  expect(sum(column("B37", "D37"))).toBe(total);
  // salespeople of 天猫 (C24): rows 42–46, check row 47
  const quotas = column("E42", "E46");
  expect(numbers(quotas)).toBe(true);
  expect(sum(quotas)).toBe(channels[0]);
  expect([at("E47"), at("F47")]).toEqual([channels[0], "✓"]);
  return { months, channels, quotas };
}

describe("the Decomposition sheet in a spreadsheet engine", () => {
  it("splits 120M from 'SMART target'!B8 over every level, each adding up to its parent", () => {
    const sheet = load(decomposePlan(exampleInput(), "zh"));
    const { months, quotas } = expectLevelsAddUp(sheet, 120_000_000);
    // Seasonal: July and August (the peak months of the history) get the most, November the least.
    expect(Math.max(...(months as number[]))).toBe(months[6]);
    expect(months[6]).toBe(months[7]);
    expect(Math.min(...(months as number[]))).toBe(months[10]);
    // 60M (6,000 units) to 天猫's five reps, 60% history / 40% potential, the new hire at 37.5%: exact
    // quotas 1850.55, 1707.57, 1316.43, 981.45, 144.00 units; the two spare units go to the largest remainders.
    expect(quotas).toEqual([18_510_000, 17_080_000, 13_160_000, 9_810_000, 1_440_000]);
    expect(sheet.at("F46")).toBeCloseTo(1_440_000 / 60_000_000, 9);
  });

  it("re-splits everything when the source cell changes to 150M", () => {
    const sheet = load(decomposePlan(exampleInput(), "zh"));
    const before = expectLevelsAddUp(sheet, 120_000_000);
    sheet.set("B8", 150_000_000, "SMART target");
    const after = expectLevelsAddUp(sheet, 150_000_000);
    expect(after.months).not.toEqual(before.months);
    expect(after.channels).toEqual([75_000_000, 45_000_000, 22_500_000, 7_500_000]);
  });

  it("re-splits a typed total, evenly over days and quarters, and over regions", () => {
    const days = load(
      decomposePlan(
        exampleInput({
          total: { kind: "typed", value: 120_000_000 },
          time: { periods: "months", custom: [], method: "days", history: undefined },
          channels: undefined,
          products: undefined,
          regions: REGIONS,
          salespeople: { parent: "total", blend: { history: 0.6, potential: 0.4, even: 0 }, people: exampleInput().salespeople!.people },
        }),
        "en",
      ),
    );
    for (const total of [120_000_000, 150_000_000]) {
      days.set("B3", total);
      // time: amounts B8:B19, days of 2026 D8:D19 (the weights last), check row 20
      expect(days.column("D8", "D19")[1]).toBe(28);
      expect(sum(days.column("B8", "B19"))).toBe(total);
      expect(days.at("C20")).toBe("✓");
      // regions: rows 24–27, check 28
      expect(days.column("C24", "C27")).toEqual(REGIONS.map((r) => (total * r.weight) / 100));
      expect(days.at("D28")).toBe("✓");
      // salespeople of the total: rows 33–37, check 38
      expect(sum(days.column("E33", "E37"))).toBe(total);
      expect(days.at("F38")).toBe("✓");
    }
  });

  it("shows ✗ and #VALUE! with the reason when the total stops being a multiple of the unit", () => {
    const sheet = load(decomposePlan(exampleInput(), "en"));
    sheet.set("B8", 120_005_000, "SMART target");
    const month = sheet.at("B8");
    expect(month).toBeInstanceOf(DetailedCellError);
    expect((month as DetailedCellError).value).toBe("#VALUE!");
    expect((month as DetailedCellError).message).toContain("120000000 or 120010000");
  });
});

describe("the upgrades: typed period weights, a mix per channel, people within regions, a rows × periods plan", () => {
  /** Quarters weighted 20/30/15/35 (Q2 carries 618, Q4 双11), people by region, their quotas × quarters. */
  const upgraded = (grid: "salespeople" | "channels" | "regions") =>
    decomposePlan(
      exampleInput({
        total: { kind: "typed", value: 120_000_000 },
        time: { periods: "quarters", custom: [], method: "typed", history: undefined, weights: [20, 30, 15, 35] },
        productMix: [
          [60, 30, 10],
          [20, 60, 20],
          [50, 30, 20],
          [34, 33, 33],
        ],
        regions: REGIONS.slice(0, 2),
        salespeople: {
          parent: "regions",
          blend: { history: 0.6, potential: 0.4, even: 0 },
          people: exampleInput().salespeople!.people.map((p, i) => ({ ...p, region: i % 2 })),
        },
        grid,
      }),
      "zh",
    );
  /** A table's cells as rows of values. */
  const table = (sheet: ReturnType<typeof load>, plan: SheetPlan, name: string) => {
    const address = plan.tables!.find((t) => t.name === name)!.address;
    const [from, to] = address.split(":") as [string, string];
    const values = sheet.hf.getRangeValues({ start: sheet.hf.simpleCellAddressFromString(from, 0)!, end: sheet.hf.simpleCellAddressFromString(to, 0)! });
    return values.slice(1); // without the header
  };
  const allCells = (sheet: ReturnType<typeof load>) => sheet.hf.getSheetValues(0).flat();

  it("splits the quarters 24M, 36M, 18M, 42M, each channel by its own mix, each region over its people, and the quotas × quarters both ways", () => {
    const plan = upgraded("salespeople");
    const sheet = load(plan);
    const cells = allCells(sheet);
    expect(cells.some((x) => x instanceof DetailedCellError)).toBe(false);
    expect(cells.filter((x) => typeof x === "string" && x.startsWith("✗"))).toEqual([]);
    expect(cells.filter((x) => x === "✓").length).toBeGreaterThan(20);
    expect(table(sheet, plan, "Decompose_Time").map((r) => r[1])).toEqual([24_000_000, 36_000_000, 18_000_000, 42_000_000]);
    // 天猫's 60M by 60/30/10; 抖音's 36M by 20/60/20.
    const products = table(sheet, plan, "Decompose_Products");
    expect(products[0]!.slice(1, 4)).toEqual([36_000_000, 18_000_000, 6_000_000]);
    expect(products[1]!.slice(1, 4)).toEqual([7_200_000, 21_600_000, 7_200_000]);
    // People grouped by region (华东: 王芳, 张伟, 陈静; 华南: 李强, 刘洋), each region's quotas adding up to it.
    const people = table(sheet, plan, "Decompose_Salespeople");
    expect(people.map((r) => [r[0], r[1]])).toEqual([["王芳", "华东"], ["张伟", "华东"], ["陈静", "华东"], ["李强", "华南"], ["刘洋", "华南"]]);
    const quotas = people.map((r) => r[5] as number);
    // 华东 40 and 华南 30 of 120M in 10,000s: 6,857.14 and 5,142.86 units → 68.57M and 51.43M.
    expect([sum(quotas.slice(0, 3)), sum(quotas.slice(3))]).toEqual([68_570_000, 51_430_000]);
    expect(sum(quotas)).toBe(120_000_000);
    // The plan: every person's row adds up to the quota, every quarter's column to its target, in 10,000s.
    const grid = table(sheet, plan, "Decompose_Grid");
    expect(grid.map((r) => r[0])).toEqual(people.map((r) => r[0]));
    const cellsOf = grid.map((r) => r.slice(1, 5) as number[]);
    expect(cellsOf.map((r) => sum(r))).toEqual(quotas);
    expect([0, 1, 2, 3].map((j) => sum(cellsOf.map((r) => r[j]!)))).toEqual([24_000_000, 36_000_000, 18_000_000, 42_000_000]);
    expect(cellsOf.flat().every((x) => x % 10_000 === 0 && x >= 0)).toBe(true);
    expect(grid.map((r) => r[6])).toEqual(["✓", "✓", "✓", "✓", "✓"]);
    // The chart of the time split over Period | Amount.
    expect(plan.charts).toEqual([expect.objectContaining({ kind: "column", source: `A${Number(plan.tables![0]!.address.match(/A(\d+)/)![1])}:B${7 + 4}`, title: "各期间目标" })]);
  });

  it("re-plans everything when a period weight or the total changes", () => {
    const plan = upgraded("salespeople");
    const sheet = load(plan);
    const weightCell = `D${8 + 1}`; // Q2's weight (the weights come last)
    sheet.hf.setCellContents(sheet.hf.simpleCellAddressFromString(weightCell, 0)!, 45);
    sheet.set("B3", 150_000_000);
    const cells = allCells(sheet);
    expect(cells.some((x) => x instanceof DetailedCellError)).toBe(false);
    expect(cells.filter((x) => typeof x === "string" && x.startsWith("✗"))).toEqual([]);
    const quarters = table(sheet, plan, "Decompose_Time").map((r) => r[1] as number);
    // 150M over 20/45/15/35 in 10,000s: 2,608.70, 5,869.57, 1,956.52, 4,565.22 units; the two left over go to
    // the largest remainders, Q1 and Q2.
    expect(quarters).toEqual([26_090_000, 58_700_000, 19_560_000, 45_650_000]);
    const grid = table(sheet, plan, "Decompose_Grid").map((r) => r.slice(1, 5) as number[]);
    expect([0, 1, 2, 3].map((j) => sum(grid.map((r) => r[j]!)))).toEqual(quarters);
    expect(sum(grid.flat())).toBe(150_000_000);
  });

  it("plans channels × quarters and regions × quarters too", () => {
    for (const rows of ["channels", "regions"] as const) {
      const plan = upgraded(rows);
      const sheet = load(plan);
      expect(allCells(sheet).filter((x) => x instanceof DetailedCellError || (typeof x === "string" && x.startsWith("✗")))).toEqual([]);
      const grid = table(sheet, plan, "Decompose_Grid").map((r) => r.slice(1, 5) as number[]);
      const amounts = table(sheet, plan, rows === "channels" ? "Decompose_Channels" : "Decompose_Regions").map((r) => r[2]);
      expect(grid.map((r) => sum(r))).toEqual(amounts);
    }
  });
});
