import type { SheetPlan } from "../../src/excel/gateway";
import { rfmExamplePlan } from "../../src/taskpane/features/start/rfm-example";
import { HyperFormulaGateway } from "../../src/workbench/hyperformula-gateway";
import { COURSE_SCORES, COURSE_SEGMENTS_ZH } from "../support/course";
import { registerCustomFunctions, Registration } from "../support/hyperformula-bridge";

/**
 * The workbench's gateway calculating with the SALES functions of the build; the WorkbookGateway contract
 * itself (names, all or nothing, text kept as text…) is hyperformula-gateway.test.ts.
 */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

const SPLIT_PLAN: SheetPlan = {
  name: "Split",
  rows: [
    [{ value: "Total" }, { value: 100_000_000 }],
    [{ value: "Weights" }, { value: 50 }, { formula: "=SALES.TARGET.SPLIT(Total,B2:B5)" }],
    [null, { value: 30 }],
    [null, { value: 15 }],
    [null, { value: 5 }],
    [{ value: "Sum" }, null, { formula: "=SUM(C2:C5)" }],
  ],
  names: [{ name: "Total", address: "B1" }],
  tables: [{ name: "Weights", address: "A2:B5", hasHeaders: false }],
  charts: [{ kind: "column", source: "B2:C5", title: "Split", from: "E2", to: "J12" }],
  numberFormats: [{ address: "C2:C5", format: "#,##0" }],
  boldRows: [1],
};

describe("createSheet", () => {
  it("writes the pane's RFM example sheet and calculates the course's scores and segments", async () => {
    const gateway = new HyperFormulaGateway();
    const name = await gateway.createSheet(rfmExamplePlan("zh"));
    const scores = await gateway.readRange(`'${name}'!E2:G6`);
    expect(scores.values).toEqual(COURSE_SCORES);
    expect((await gateway.readRange(`'${name}'!H2:H6`)).values.flat()).toEqual(COURSE_SEGMENTS_ZH);
    expect(gateway.activeSheet).toBe(name);
    expect(gateway.view(`'${name}'!E2`).content).toBe("=SALES.RFM.SCORE(B2:B6,C2:C6,D2:D6)");
    expect(gateway.view(`'${name}'!F3`)).toMatchObject({ value: 2, content: "", spilled: true });
  });

  it("resolves sheet-scoped names, records tables, charts and formats, and recalculates when the total changes", async () => {
    const gateway = new HyperFormulaGateway();
    await gateway.createSheet(SPLIT_PLAN);
    expect((await gateway.readRange("Split!C2:C6")).values.flat()).toEqual([50_000_000, 30_000_000, 15_000_000, 5_000_000, 100_000_000]);
    expect(gateway.record("Split")).toMatchObject({ tables: [{ name: "Weights" }], charts: [{ kind: "column" }], names: [{ name: "Total" }], boldRows: [1] });

    gateway.enterCell("Split!B1", "150000000");
    expect(gateway.valueAt("Split!C6")).toBe(150_000_000);
    expect(gateway.valueAt("Split!C2")).toBe(75_000_000);
  });
});

describe("replaceSheet", () => {
  it("keeps formulas on other sheets pointing at the replaced sheet's cells, with the new values, and restores spills after a failure", async () => {
    const gateway = new HyperFormulaGateway();
    await gateway.createSheet(SPLIT_PLAN);
    gateway.enterCell("Sheet1!A1", "=Split!C2");
    gateway.enterCell("Sheet1!A2", "=SUM(Split!C2:C5)");
    const bigger = { ...SPLIT_PLAN, rows: SPLIT_PLAN.rows.map((row, r) => (r === 0 ? [row[0]!, { value: 200_000_000 }] : row)) };

    gateway.failNextWrite();
    await expect(gateway.replaceSheet({ sheet: "Split", plan: bigger, overwrite: true })).rejects.toMatchObject({ code: "WRITE_FAILED" });
    expect(gateway.view("Split!C3")).toMatchObject({ value: 30_000_000, content: "", spilled: true });
    expect([gateway.valueAt("Sheet1!A1"), gateway.valueAt("Sheet1!A2")]).toEqual([50_000_000, 100_000_000]);

    await expect(gateway.replaceSheet({ sheet: "Split", plan: bigger, overwrite: true })).resolves.toEqual({ kind: "written", sheet: "Split" });
    expect([gateway.valueAt("Sheet1!A1"), gateway.valueAt("Sheet1!A2")]).toEqual([100_000_000, 200_000_000]);
    expect(gateway.view("Sheet1!A1").content).toBe("=Split!C2");
  });
});

describe("openSheets", () => {
  const SHEETS = [
    { name: "Plan", rows: [[{ formula: "=SALES.TARGET.SPLIT(Inputs!A1,Inputs!B1:B3)" }]] },
    { name: "Inputs", rows: [[{ value: 90 }, { value: 1 }], [null, { value: 1 }], [null, { value: 1 }]] },
  ];

  it("opens sheets that refer to each other, whatever their order, and makes the first active", async () => {
    const gateway = new HyperFormulaGateway();
    expect(await gateway.openSheets(SHEETS)).toEqual(["Plan", "Inputs"]);
    expect((await gateway.readRange("Plan!A1:A3")).values.flat()).toEqual([30, 30, 30]);
    expect(gateway.activeSheet).toBe("Plan");
    expect(await gateway.openSheets(SHEETS)).toEqual(["Plan (2)", "Inputs (2)"]);
  });

  it("adds none of them when the write fails", async () => {
    const gateway = new HyperFormulaGateway();
    gateway.failNextWrite();
    await expect(gateway.openSheets(SHEETS)).rejects.toMatchObject({ code: "WRITE_FAILED" });
    expect(gateway.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("formulas as Excel writes them", () => {
  it("accepts the TRUE and FALSE literals (HyperFormula alone knows only TRUE() and FALSE())", async () => {
    const gateway = new HyperFormulaGateway();
    gateway.enterCell("Sheet1!A1", "=IF(TRUE,1,2)+IF(FALSE,10,20)");
    expect(gateway.valueAt("Sheet1!A1")).toBe(21);
  });
});

describe("readRange", () => {
  it("reads errors as their codes and refuses an unknown sheet", async () => {
    const gateway = new HyperFormulaGateway();
    gateway.enterCell("Sheet1!A1", "=1/0");
    expect((await gateway.readRange("Sheet1!A1:B1")).values).toEqual([["#DIV/0!", null]]);
    await expect(gateway.readRange("Nope!A1")).rejects.toMatchObject({ code: "BAD_ADDRESS" });
  });
});

describe("writeRange", () => {
  it("asks before replacing non-empty cells (spilled cells included) and writes nothing until confirmed", async () => {
    const gateway = new HyperFormulaGateway();
    await gateway.createSheet(SPLIT_PLAN);
    const request = { address: "Split!B1", rows: [[{ value: 200 }], [null], [{ value: 1 }, { value: 9 }]] };
    const first = await gateway.writeRange(request);
    expect(first).toEqual({ kind: "needsConfirmation", address: "Split!B1:C3", occupied: ["Split!B1", "Split!B3", "Split!C3"] });
    expect(gateway.valueAt("Split!B1")).toBe(100_000_000);

    expect(await gateway.writeRange({ ...request, overwrite: true })).toEqual({ kind: "written", address: "Split!B1:C3" });
    expect(gateway.valueAt("Split!B1")).toBe(200);
    expect(gateway.valueAt("Split!C3")).toBe(9);
  });

  it("writes into empty cells without asking, formulas included", async () => {
    const gateway = new HyperFormulaGateway();
    const result = await gateway.writeRange({ address: "Sheet1!A1", rows: [[{ value: 100 }, { formula: "=SALES.FUNNEL.TARGET(A1,{0.4,0.5,0.25})" }]] });
    expect(result.kind).toBe("written");
    expect(gateway.valueAt("Sheet1!B1")).toBe(2000);
  });
});
