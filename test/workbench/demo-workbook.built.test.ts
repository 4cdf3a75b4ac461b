import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { DetailedCellError } from "hyperformula";
import { cellAddress, parseRange, quoteSheet } from "../../src/excel/address";
import { HyperFormulaGateway } from "../../src/workbench/hyperformula-gateway";
import { readXlsxCells } from "../../scripts/xlsx-cells.cjs";
import { COURSE_GROUPS_ZH, COURSE_SCORES, COURSE_SEGMENTS_ZH } from "../support/course";
import { readCsv } from "../support/fixtures";
import { registerCustomFunctions, Registration } from "../support/hyperformula-bridge";

/**
 * examples/sales-planner-demo.xlsx (written by `npm run sample`), read with exceljs (scripts/xlsx-cells.cjs,
 * which the workbench's "Open the demo workbook" uses too) and loaded into the workbench's engine — HyperFormula with the built SALES functions — as Excel would calculate it with
 * the add-in loaded: the course's worked examples come out, no cell shows an error, and every array
 * formula's stored range is exactly the size of what its function returns.
 */

const FILE = resolve(__dirname, "..", "..", "examples", "sales-planner-demo.xlsx");

interface ArrayFormula {
  readonly sheet: string;
  readonly anchor: string;
  readonly ref: string;
}

let registration: Registration;
let gateway: HyperFormulaGateway;
const arrays: ArrayFormula[] = [];
const formulas: { sheet: string; address: string; formula: string }[] = [];

beforeAll(async () => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
  const sheets = await readXlsxCells(FILE);
  for (const sheet of sheets) {
    arrays.push(...sheet.arrays.map(({ anchor, ref }) => ({ sheet: sheet.name, anchor, ref })));
    sheet.rows.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (spec !== null && "formula" in spec) formulas.push({ sheet: sheet.name, address: cellAddress(r, c), formula: spec.formula.slice(1) });
      }),
    );
  }
  gateway = new HyperFormulaGateway({ sheets: [] });
  expect(await gateway.openSheets(sheets)).toEqual(sheets.map((sheet) => sheet.name));
});
afterAll(() => registration.unregister());

/** Every cell of every sheet: address, value (formulas with their array range), number format, bold. */
async function contents(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.flatMap((sheet) => {
    const cells: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => cells.push(`${sheet.name}!${cell.address} ${JSON.stringify(cell.value)} ${cell.numFmt ?? ""} ${cell.font?.bold ? "bold" : ""}`)),
    );
    return cells;
  });
}

const values = (sheet: string, range: string) => gateway.valuesAt(`${quoteSheet(sheet)}!${range}`);
const column = (sheet: string, range: string) => values(sheet, range).flat();

describe("the demo workbook", () => {
  it("has a sheet per function family, and formulas calling every family of SALES functions", () => {
    expect(gateway.sheetNames()).toEqual(["Orders 订单", "RFM 客户分层", "Funnel 漏斗", "KPI 绩效", "Commission 提成", "Targets 目标", "Forecast 预测", "CLV 客户价值"]);
    const called = new Set(formulas.flatMap(({ formula }) => [...formula.matchAll(/SALES\.([A-Z.]+?)\(/g)].map((m) => m[1]!)));
    const family = (id: string) => id.split(".")[0]!;
    const ids = registration.names.filter((name) => !name.startsWith("SALES."));
    expect([...new Set(ids.map(family))].filter((f) => ![...called].some((id) => family(id) === f))).toEqual([]);
    // Every formula calls a function the bundle has (a renamed function would show #NAME? in Excel).
    expect([...called].filter((id) => !ids.includes(id))).toEqual([]);
    expect(called.size).toBeGreaterThanOrEqual(25);
  });

  it("calculates without a single error cell", () => {
    const errors: string[] = [];
    for (const name of gateway.sheetNames()) {
      const { rows, columns } = gateway.usedSize(name);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          const value = gateway.hf.getCellValue({ sheet: gateway.hf.getSheetId(name)!, row: r, col: c });
          if (value instanceof DetailedCellError) errors.push(`${name}!${cellAddress(r, c)}: ${value.value} ${value.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it("stores each array formula over exactly the cells its result fills", () => {
    expect(arrays).toHaveLength(35); // 33, and TARGET.GRID's quarter targets and plan
    for (const { sheet, anchor, ref } of arrays) {
      const range = parseRange(ref)!;
      const id = gateway.hf.getSheetId(sheet)!;
      expect(`${sheet}!${anchor}`).toBe(`${sheet}!${cellAddress(range.row, range.column)}`);
      const inside = values(sheet, ref).flat();
      expect({ ref, empty: inside.filter((v) => v === null).length }).toEqual({ ref, empty: 0 });
      // One row below and one column right: outside this array (empty, or another formula's own cell).
      for (const beyond of [{ row: range.row + range.rows, col: range.column }, { row: range.row, col: range.column + range.columns }]) {
        const cell = { sheet: id, ...beyond };
        const partOfThis = gateway.hf.isCellPartOfArray(cell) && !gateway.hf.doesCellHaveFormula(cell);
        expect({ ref, beyond: cellAddress(beyond.row, beyond.col), partOfThis }).toEqual({ ref, beyond: cellAddress(beyond.row, beyond.col), partOfThis: false });
      }
    }
  });

  it("segments the course's five customers: scores, 重要价值/一般挽留/重要保持/一般挽留/一般发展, English labels, the course's groups and tags", () => {
    expect(values("RFM 客户分层", "E3:G7")).toEqual(COURSE_SCORES);
    expect(column("RFM 客户分层", "H3:H7")).toEqual(COURSE_SEGMENTS_ZH);
    expect(column("RFM 客户分层", "I3:I7")).toEqual(["Important value", "General win-back", "Important retain", "General win-back", "General develop"]);
    expect(column("RFM 客户分层", "J3:J7")).toEqual(COURSE_GROUPS_ZH);
    expect(values("RFM 客户分层", "K3:M7")).toEqual([
      ["高活跃", "高频", "高客单价"],
      ["低活跃", "低频", "低客单价"],
      ["中活跃", "高频", "高客单价"],
      ["中活跃", "中频", "中客单价"],
      ["高活跃", "中频", "低客单价"],
    ]);
    expect(values("RFM 客户分层", "A11:D12")).toEqual([
      ["customer_id", "recency_days", "frequency", "monetary"],
      ["A001", 10, 4, 3070],
    ]);
  });

  it("plans the dealership funnel: 100 deals at 40%/50%/25% need 2000 visitors; levers; lead pyramid", () => {
    expect(values("Funnel 漏斗", "B7")).toEqual([[2000]]);
    expect(column("Funnel 漏斗", "B10:B13")).toEqual([2000, 800, 400, 100]);
    expect(column("Funnel 漏斗", "B16:B19")).toEqual([2000, 800, 400, 100]);
    expect(values("Funnel 漏斗", "D21:E24")).toEqual([[125, 25], [125, 25], [120, 20], [120, 20]]);
    expect(column("Funnel 漏斗", "B32:B36")).toEqual([50, 150, 450, 1350, 4050]);
    expect(column("Funnel 漏斗", "C32:C36")).toEqual([50, 167, 556, 1852, 6173]);
  });

  it("reads last month's funnel counts as rates for next month's plan, and weights the pipeline by stage", () => {
    expect(column("Funnel 漏斗", "I4:I6")).toEqual([0.4, 0.5, 0.25]);
    expect(column("Funnel 漏斗", "H10:H13")).toEqual([2400, 960, 480, 120]);
    expect(values("Funnel 漏斗", "H14")).toEqual([[2400]]);
    expect(column("Funnel 漏斗", "J28:J33")).toEqual([400_000, 72_000, 80_000, 10_500, 360_000, 200_000]);
    expect(values("Funnel 漏斗", "J34")).toEqual([[1_122_500]]);
  });

  it("computes the KPIs and the tiered commission", () => {
    expect(column("KPI 绩效", "D3:D11")).toEqual([0.05, 0.25, 0.3, 0.5, 5, 200, 0.05, 0.9, 2000]);
    expect(values("KPI 绩效", "D12")[0]![0]).toBeCloseTo(266.6667, 3);
    expect(values("KPI 绩效", "D20")[0]![0]).toBeCloseTo((0.5 * 1.1 + 0.3 * 0.9 + 0.2 * (200 / 210)) / 1, 10);
    expect(column("Commission 提成", "B9:B10")).toEqual([12_000, 20_000]);
  });

  it("splits 100M by {50,30,15,5}, seasonally 120M, into tiers, quotas that sum to the team target, and paces 96,000 after 12 of 30 days", () => {
    expect(column("Targets 目标", "C5:C9")).toEqual([50_000_000, 30_000_000, 15_000_000, 5_000_000, 100_000_000]);
    const seasonal = column("Targets 目标", "B16:E16") as number[];
    expect(seasonal.reduce((a, b) => a + b, 0)).toBe(120_000_000);
    expect(seasonal.every((amount) => amount % 1_000_000 === 0)).toBe(true);
    expect(seasonal[3]).toBeGreaterThan(seasonal[0]!); // Double 11 outweighs Q1
    expect(column("Targets 目标", "B19:D19")).toEqual([90_000_000, 100_000_000, 120_000_000]);
    const quotas = column("Targets 目标", "E24:E27") as number[];
    expect(quotas.reduce((a, b) => a + b, 0)).toBe(12_000_000);
    expect(quotas[3]).toBeLessThan(quotas[2]!); // the new hire's ramp
    const reconciled = column("Targets 目标", "D32:D35") as number[];
    expect(reconciled.reduce((a, b) => a + b, 0)).toBe(12_000_000);
    const [expected, pace, projected, remaining] = column("Targets 目标", "A40:E40") as number[];
    expect(expected).toBeCloseTo(104_000, 6);
    expect(projected).toBeCloseTo(240_000, 6);
    expect(projected! / 260_000).toBeCloseTo(0.923, 3);
    expect(pace).toBeCloseTo(96_000 / 104_000, 10);
    expect(remaining).toBeCloseTo(164_000, 6);
    // The course's 100M by channel × quarter in millions, both ways exact (docs/functions.md, TARGET.GRID).
    expect(column("Targets 目标", "B44:E44")).toEqual([20_000_000, 30_000_000, 15_000_000, 35_000_000]);
    expect(values("Targets 目标", "B45:E48").map((row) => row.map((x) => (x as number) / 1_000_000))).toEqual([
      [10, 15, 8, 17],
      [6, 9, 4, 11],
      [3, 5, 2, 5],
      [1, 1, 1, 2],
    ]);
  });

  it("forecasts the NIST quarterly sales as R's HoltWinters does (α .5, β .3, γ .4)", () => {
    const r = readCsv(join("forecast", "r_hw_add_fixed_nist_forecast.csv")).map((row) => Number(row.forecast));
    const ours = column("Forecast 预测", "E3:E10") as number[];
    ours.forEach((value, i) => expect(Math.abs(value - r[i]!)).toBeLessThanOrEqual(1e-9 * r[i]!));
    const history = readCsv(join("forecast", "nist_quarterly_sales.csv")).map((row) => Number(row.value));
    expect(column("Forecast 预测", "C3:C26")).toEqual(history);
  });

  it("puts R's 95% prediction interval around those forecasts, a regression band beside it, and a backtest of the last 4 quarters", () => {
    const r = readCsv(join("forecast", "r_hw_add_fixed_nist_forecast.csv")).map((row) => Number(row.forecast));
    const band = values("Forecast 预测", "J3:L10") as number[][];
    band.forEach(([lower, f, upper], i) => {
      expect(Math.abs(f! - r[i]!)).toBeLessThanOrEqual(1e-9 * r[i]!);
      expect(upper! - f!).toBeCloseTo(f! - lower!, 6); // HyperFormula shows 10 decimals
      if (i > 0) expect(upper! - f!).toBeGreaterThan(band[i - 1]![2]! - band[i - 1]![1]!);
    });
    expect(band[0]!.map((v) => v.toFixed(2))).toEqual(["670.04", "746.53", "823.03"]);
    const regression = values("Forecast 预测", "N3:P10") as number[][];
    regression.forEach(([lower, f, upper]) => expect(lower! < f! && f! < upper!).toBe(true));
    const table = values("Forecast 预测", "J13:N19");
    expect(table[0]).toEqual(["method", "MAE", "RMSE", "MAPE %", "MASE"]);
    expect(table.slice(1).map((row) => row[0])).toHaveLength(6);
    const rmse = table.slice(1).map((row) => row[2] as number);
    expect(rmse).toEqual([...rmse].sort((a, b) => a - b));
  });

  it("summarises the CDNOW orders and fits BG/NBD and Gamma-Gamma to the published figures; predicts each customer", () => {
    const sheet = "CLV 客户价值";
    expect(values(sheet, "G2:K2")).toEqual([["customer_id", "frequency", "recency", "T", "monetary_value"]]);
    const [id, x, tx, T, m] = values(sheet, "G3:K3")[0] as number[];
    expect([id, x, m]).toEqual([1, 2, 22.345]);
    expect(tx).toBeCloseTo(213 / 7, 8);
    expect(T).toBeCloseTo(272 / 7, 8);
    expect(values(sheet, "G2359:G2360")).toEqual([[2357], [null]]);
    expect((column(sheet, "Q2:Q6") as number[]).map((v) => Number(v.toFixed(4)))).toEqual([0.2426, 4.4136, 0.7929, 2.4259, -9582.4292]);
    expect((column(sheet, "Q8:Q10") as number[]).map((v) => Number(v.toFixed(2)))).toEqual([6.25, 3.74, 15.44]);
    const [purchases, alive, value] = values(sheet, "L3:N3")[0] as number[];
    expect(purchases).toBeCloseTo(1.5587, 4);
    expect(alive).toBeCloseTo(0.7266, 4);
    expect(value).toBeCloseTo(36.27, 2);
  });

  it("is what `npm run sample` writes now (cells, formulas, array ranges, formats)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sample-"));
    try {
      const fresh = join(dir, "demo.xlsx");
      execFileSync(process.execPath, [resolve(__dirname, "..", "..", "scripts", "sample.mjs"), "--out", fresh], { stdio: "pipe" });
      expect(await contents(FILE)).toEqual(await contents(fresh));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("recalculates like a workbook: a new yearly target re-splits the channels", () => {
    gateway.enterCell("'Targets 目标'!B2", "150000000");
    expect(column("Targets 目标", "C5:C9")).toEqual([75_000_000, 45_000_000, 22_500_000, 7_500_000, 150_000_000]);
    expect(column("Targets 目标", "B19:D19")).toEqual([135_000_000, 150_000_000, 180_000_000]);
  });
});
