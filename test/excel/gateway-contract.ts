import { GatewayError, MAX_LISTED_OCCUPIED, type CellSpec, type SheetPlan, type WorkbookGateway, type WriteOptions, type WriteProgress } from "../../src/excel/gateway";
import type { GatewayHarness, GatewayKind } from "../support/gateway-harnesses";

/**
 * The WorkbookGateway contract (src/excel/gateway.ts), one suite for every implementation: each test
 * file calls `describeGatewayContract(kind)` with a harness (test/support/gateway-harnesses.ts).
 * Implementation-specific behaviour (request counts, block sizes, calculation) is tested beside it.
 */

/** A plan with every kind of cell and everything a plan can add, on more than one row block of 2. */
export const RICH_PLAN: SheetPlan = {
  name: "Portfolio",
  rows: [
    [{ value: "Product" }, { value: "Share" }, { value: "Growth" }],
    [{ value: "A 系列" }, { value: 1.5 }, { value: 0.2 }],
    [{ value: "=not a formula" }, { value: 0.4 }, { value: 0.05 }],
    [{ value: "001" }, { formula: "=B2+B3" }, null],
    [],
    [{ value: "Total" }, { formula: "=SUM(B2:B3)" }, { value: true }],
  ],
  boldRows: [1, 6],
  tables: [{ name: "Portfolio", address: "A1:C3", hasHeaders: true }],
  numberFormats: [{ address: "C2:C3", format: "0%" }],
  charts: [{ kind: "scatter", source: "B1:C3", title: "Share vs growth", from: "E2", to: "L16", xAxisTitle: "Share", yAxisTitle: "Growth" }],
  names: [{ name: "GrowthColumn", address: "C2:C3" }],
  conditionalFormats: [{ address: "B2:B3", formula: "=$B2>1", fill: "#C6EFCE", font: "#006100" }],
};

/** What a user typed before the pane wrote: text that only stays text behind an apostrophe, a formula, numbers. */
export const USER_CELLS: readonly (readonly CellSpec[])[] = [
  [{ value: "001" }, { value: "=note, not a formula" }, { value: 7 }],
  [{ formula: "=SUM(1,2)" }, null, { value: "1月" }],
  [{ value: "East" }, { value: false }, { value: "-5%" }],
];

/**
 * A smaller plan than RICH_PLAN for the same sheet, as a wizard's second write with fewer rows makes: a table
 * of the same name, no chart, another name; RICH_PLAN's other cells must end empty.
 */
export const SMALLER_PLAN: SheetPlan = {
  name: "Portfolio (not used by replaceSheet)",
  rows: [
    [{ value: "Product" }, { value: "Share" }],
    [{ value: "B 系列" }, { formula: "=1+1" }],
  ],
  boldRows: [1],
  tables: [{ name: "Portfolio", address: "A1:B2", hasHeaders: true }],
  numberFormats: [{ address: "B2", format: "0.0" }],
  names: [{ name: "ShareCell", address: "B2" }],
  conditionalFormats: [{ address: "B2", formula: "=$B2<0", fill: "#FFC7CE" }],
};

/**
 * Runs `write` with a failure at every step in turn (0, 1, 2… until it succeeds) on a fresh workbook made
 * by `setUp` (which may write through the gateway itself: the failure is planned after it), and checks after each failure that the workbook is what it was and a WRITE_FAILED was
 * thrown. Resolves to the number of failures checked and the harness of the run that succeeded.
 */
export async function failAtEveryStep(
  kind: GatewayKind,
  setUp: () => GatewayHarness | Promise<GatewayHarness>,
  write: (gateway: WorkbookGateway) => Promise<unknown>,
): Promise<{ failures: number; harness: GatewayHarness }> {
  for (let step = 0; step < 10_000; step++) {
    const harness = await setUp();
    const before = harness.snapshot();
    harness.failAt(step);
    let outcome: unknown;
    try {
      await write(harness.gateway);
      return { failures: step, harness };
    } catch (error) {
      outcome = error;
    }
    const after = harness.snapshot();
    harness.dispose();
    if (!(outcome instanceof GatewayError) || outcome.code !== "WRITE_FAILED") throw new Error(`${kind.name}, failure at step ${step}: expected a WRITE_FAILED GatewayError, got ${String(outcome)}`);
    try {
      expect(after).toEqual(before);
    } catch (difference) {
      throw new Error(`${kind.name}, failure at step ${step} (${kind.steps}) left the workbook changed:\n${String(difference)}`);
    }
  }
  throw new Error(`${kind.name}: the write never succeeded`);
}

/**
 * Runs `write` with a cancel at every point in turn on a fresh workbook made by `setUp`: before it starts
 * (0), then after its first, second… progress report; after each, the write must have rejected with
 * CANCELLED and the workbook must be what it was. Resolves to the number of cancels checked (the write
 * succeeds once the cancel would come after its last report) and the reports of that last, complete run.
 */
export async function cancelAtEveryStep(
  kind: GatewayKind,
  setUp: () => GatewayHarness | Promise<GatewayHarness>,
  write: (gateway: WorkbookGateway, options: WriteOptions) => Promise<unknown>,
): Promise<{ cancels: number; reports: WriteProgress[] }> {
  for (let cancelAt = 0; cancelAt < 10_000; cancelAt++) {
    const harness = await setUp();
    const before = harness.snapshot();
    const controller = new AbortController();
    const reports: WriteProgress[] = [];
    if (cancelAt === 0) controller.abort();
    const options: WriteOptions = {
      signal: controller.signal,
      onProgress: (progress) => {
        reports.push(progress);
        if (reports.length === cancelAt) controller.abort();
      },
    };
    let outcome: unknown;
    try {
      await write(harness.gateway, options);
      harness.dispose();
      return { cancels: cancelAt, reports };
    } catch (error) {
      outcome = error;
    }
    const after = harness.snapshot();
    harness.dispose();
    if (!(outcome instanceof GatewayError) || outcome.code !== "CANCELLED") throw new Error(`${kind.name}, cancel after ${cancelAt} reports: expected a CANCELLED GatewayError, got ${String(outcome)}`);
    try {
      expect(after).toEqual(before);
    } catch (difference) {
      throw new Error(`${kind.name}, cancel after ${cancelAt} progress reports left the workbook changed:\n${String(difference)}`);
    }
  }
  throw new Error(`${kind.name}: the write never finished`);
}

/** Progress reports as a write must make them: one total, `done` rising by one from 1 to the total. */
function expectWellFormed(reports: readonly WriteProgress[]): void {
  const total = reports[0]?.total ?? 0;
  expect(reports).toEqual(Array.from({ length: total }, (_, i) => ({ done: i + 1, total })));
}

export function describeGatewayContract(kind: GatewayKind): void {
  describe(`${kind.name}: the WorkbookGateway contract`, () => {
    const open: GatewayHarness[] = [];
    const make = (sheets?: readonly string[], blockRows?: number) => {
      const harness = kind.make({ sheets, blockRows });
      open.push(harness);
      return harness;
    };
    afterEach(() => {
      for (const harness of open.splice(0)) harness.dispose();
    });

    describe("createSheet", () => {
      it("draws every chart kind, the funnel too (its stage names and one column of counts)", async () => {
        const harness = make(["Sheet1"]);
        const name = await harness.gateway.createSheet({
          name: "Funnel",
          rows: [[{ value: "Stage" }, { value: "Required" }], [{ value: "Visits" }, { value: 2000 }], [{ value: "Deals" }, { value: 100 }]],
          charts: [{ kind: "funnel", source: "A1:B3", title: "Funnel", from: "D2", to: "J12" }],
        });
        expect(harness.chartCount(name)).toBe(1);
      });

      it("writes the plan into a new sheet with a free name, activates it, and leaves the existing sheet alone", async () => {
        const harness = make(["Sheet1", "Portfolio"]);
        harness.seed("Portfolio!A1", [[{ value: "mine" }]]);
        const name = await harness.gateway.createSheet(RICH_PLAN);
        expect(name).toBe("Portfolio (2)");
        expect(harness.sheetNames()).toEqual(["Sheet1", "Portfolio", "Portfolio (2)"]);
        expect(harness.activeSheet()).toBe(name);
        const at = (a1: string) => harness.cellAt(`'${name}'!${a1}`);
        expect([at("A1"), at("B2"), at("C6")]).toEqual([{ value: "Product" }, { value: 1.5 }, { value: true }]);
        expect([at("B4"), at("B6")]).toEqual([{ formula: "=B2+B3" }, { formula: "=SUM(B2:B3)" }]);
        expect([at("C4"), at("A5")]).toEqual([null, null]);
        expect(harness.cellAt("Portfolio!A1")).toEqual({ value: "mine" });
        expect(harness.cellAt("Portfolio!A2")).toBeNull();
        expect(harness.conditionalFormats(name)).toEqual([{ address: "B2:B3", formula: "=$B2>1", fill: "#C6EFCE", font: "#006100" }]);
        expect(harness.conditionalFormats("Portfolio")).toEqual([]);
      });

      it("keeps user text that Excel would read as a formula, number or logical value as the text typed", async () => {
        const harness = make();
        const texts = ["=1+1", "+86 138", "-5 days", "@mention", "001", "1月", "3-4", "1,234", "50%", "TRUE", "天猫"];
        const name = await harness.gateway.createSheet({ name: "Notes", rows: [texts.map((value) => ({ value }))] });
        expect((await harness.gateway.readRange(`${name}!A1:K1`)).values).toEqual([texts]);
        texts.forEach((value, c) => expect(harness.cellAt(`${name}!${String.fromCharCode(65 + c)}1`)).toEqual({ value }));
      });

      it("gives a second copy's tables free names across the workbook", async () => {
        const harness = make();
        await harness.gateway.createSheet(RICH_PLAN);
        const second = await harness.gateway.createSheet(RICH_PLAN);
        expect(second).toBe("Portfolio (2)");
        expect(harness.tableNames("Portfolio")).toEqual(["Portfolio"]);
        expect(harness.tableNames(second)).toEqual(["Portfolio_2"]);
      });

      it("refuses a plan address with a sheet part (BAD_ADDRESS) before touching the workbook", async () => {
        const harness = make();
        const before = harness.snapshot();
        const plan = { ...RICH_PLAN, names: [{ name: "X", address: "Sheet1!A1" }] };
        await expect(harness.gateway.createSheet(plan)).rejects.toMatchObject({ code: "BAD_ADDRESS", detail: "Sheet1!A1" });
        expect(harness.snapshot()).toEqual(before);
      });

      it("leaves the workbook exactly as it was when the write fails at any step", async () => {
        const setUp = () => {
          const harness = make(["Sheet1", "Data"], 2);
          harness.seed("Data!B2", USER_CELLS);
          return harness;
        };
        const { failures, harness } = await failAtEveryStep(kind, setUp, (gateway) => gateway.createSheet(RICH_PLAN));
        expect(failures).toBeGreaterThan(0);
        expect(harness.sheetNames()).toEqual(["Sheet1", "Data", "Portfolio"]);
      });
    });

    describe("readRange and readSelection", () => {
      it("read values with empty cells as null and text without its apostrophe, at the address Excel gives", async () => {
        const harness = make(["Sheet1", "Data 2"]);
        harness.seed("'Data 2'!B2", [[{ value: 10 }], [{ value: "=text" }], [{ value: "East" }]]);
        await expect(harness.gateway.readRange("'Data 2'!B2:C4")).resolves.toEqual({ address: "'Data 2'!B2:C4", values: [[10, null], ["=text", null], ["East", null]] });
      });

      it("name an unknown sheet or a malformed address as BAD_ADDRESS", async () => {
        const harness = make();
        await expect(harness.gateway.readRange("Nope!A1")).rejects.toMatchObject({ code: "BAD_ADDRESS", detail: "Nope!A1" });
        await expect(harness.gateway.readRange("A:A")).rejects.toMatchObject({ code: "BAD_ADDRESS", detail: "A:A" });
      });

      it("read the selection", async () => {
        const harness = make(["Sheet1", "Plan"]);
        harness.seed("Plan!D5", [[{ value: "East" }]]);
        harness.select("Plan!D5:D6");
        await expect(harness.gateway.readSelection()).resolves.toEqual({ address: "Plan!D5:D6", values: [["East"], [null]] });
      });
    });

    describe("writeRange", () => {
      const ROWS: CellSpec[][] = [
        [{ value: "Q1" }, { formula: "=B1*2" }],
        [null, { value: "-5% share" }],
      ];

      it("writes into empty cells at once; null leaves a cell alone; text that looks like something else stays text", async () => {
        const harness = make();
        harness.seed("Sheet1!D3", [[{ value: "keep" }]]);
        await expect(harness.gateway.writeRange({ address: "Sheet1!D2", rows: ROWS })).resolves.toEqual({ kind: "written", address: "Sheet1!D2:E3" });
        expect(["D2", "E2", "D3", "E3"].map((a1) => harness.cellAt(`Sheet1!${a1}`))).toEqual([{ value: "Q1" }, { formula: "=B1*2" }, { value: "keep" }, { value: "-5% share" }]);
      });

      it("asks before replacing non-empty cells, writes nothing until confirmed, then replaces them", async () => {
        const harness = make(["Sheet1", "My plan"]);
        harness.seed("'My plan'!E2", [[{ value: 7 }], [{ formula: "=SUM(1,2)" }]]);
        const before = harness.snapshot();
        const first = await harness.gateway.writeRange({ address: "'My plan'!D2", rows: ROWS });
        expect(first).toEqual({ kind: "needsConfirmation", address: "'My plan'!D2:E3", occupied: ["'My plan'!E2", "'My plan'!E3"] });
        expect(harness.snapshot()).toEqual(before);
        await expect(harness.gateway.writeRange({ address: "'My plan'!D2", rows: ROWS, overwrite: true })).resolves.toEqual({ kind: "written", address: "'My plan'!D2:E3" });
        expect(harness.cellAt("'My plan'!E2")).toEqual({ formula: "=B1*2" });
        expect(harness.cellAt("'My plan'!E3")).toEqual({ value: "-5% share" });
      });

      it(`lists at most ${MAX_LISTED_OCCUPIED} occupied cells`, async () => {
        const harness = make();
        const column = Array.from({ length: 80 }, (_, r) => [{ value: r + 1 }]);
        harness.seed("Sheet1!A1", column);
        const result = await harness.gateway.writeRange({ address: "Sheet1!A1", rows: column });
        expect(result).toMatchObject({ kind: "needsConfirmation", address: "Sheet1!A1:A80" });
        expect(result.kind === "needsConfirmation" && result.occupied).toEqual(Array.from({ length: MAX_LISTED_OCCUPIED }, (_, r) => `Sheet1!A${r + 1}`));
      });

      it("refuses an unknown sheet or a write off the grid (BAD_ADDRESS), changing nothing", async () => {
        const harness = make();
        const before = harness.snapshot();
        await expect(harness.gateway.writeRange({ address: "Other!A1", rows: ROWS })).rejects.toMatchObject({ code: "BAD_ADDRESS" });
        await expect(harness.gateway.writeRange({ address: "Sheet1!XFD1", rows: [[{ value: 1 }, { value: 2 }]] })).rejects.toMatchObject({ code: "BAD_ADDRESS" });
        await expect(harness.gateway.writeRange({ address: "Sheet1!A1048576", rows: [[{ value: 1 }], [{ value: 2 }]] })).rejects.toMatchObject({ code: "BAD_ADDRESS" });
        expect(harness.snapshot()).toEqual(before);
      });

      it("puts back every replaced cell as it was — text behind its apostrophe, formulas, numbers — when a confirmed write fails at any step", async () => {
        const rows: CellSpec[][] = [
          [{ value: "new" }, { formula: "=A1&\"!\"" }, { value: 1 }],
          [{ value: 2 }, { value: "filled" }, null],
          [{ value: "=also text" }, null, { value: 3 }],
        ];
        const setUp = () => {
          const harness = make(["Sheet1", "Data"], 1);
          harness.seed("Data!B2", USER_CELLS);
          return harness;
        };
        const { failures, harness } = await failAtEveryStep(kind, setUp, (gateway) => gateway.writeRange({ address: "Data!B2", rows, overwrite: true }));
        expect(failures).toBeGreaterThan(0);
        expect(harness.cellAt("Data!B2")).toEqual({ value: "new" });
        expect(harness.cellAt("Data!D3")).toEqual({ value: "1月" });
      });
    });

    describe("replaceSheet", () => {
      /** A workbook whose "Portfolio" sheet a first write made (RICH_PLAN), with a note the user added beside it. */
      const written = async () => {
        const harness = make(["Sheet1", "Data"], 2);
        await harness.gateway.createSheet(RICH_PLAN);
        harness.seed("Portfolio!H1", [[{ value: "001 my note" }]]);
        harness.select("Data!A1");
        return harness;
      };

      it("lists every non-empty cell of the sheet, row by row, and writes nothing until confirmed", async () => {
        const harness = await written();
        const before = harness.snapshot();
        const result = await harness.gateway.replaceSheet({ sheet: "portfolio", plan: SMALLER_PLAN });
        expect(result).toEqual({
          kind: "needsConfirmation",
          sheet: "Portfolio",
          occupied: ["A1", "B1", "C1", "H1", "A2", "B2", "C2", "A3", "B3", "C3", "A4", "B4", "A6", "B6", "C6"].map((a1) => `Portfolio!${a1}`),
          count: 15,
        });
        expect(harness.snapshot()).toEqual(before);
      });

      it("replaces everything on the sheet in place: the plan's cells, tables, charts and names; what the plan leaves empty ends empty", async () => {
        const harness = await written();
        await expect(harness.gateway.replaceSheet({ sheet: "Portfolio", plan: SMALLER_PLAN, overwrite: true })).resolves.toEqual({ kind: "written", sheet: "Portfolio" });
        expect(harness.sheetNames()).toEqual(["Sheet1", "Data", "Portfolio"]);
        expect(harness.activeSheet()).toBe("Portfolio");
        const at = (a1: string) => harness.cellAt(`Portfolio!${a1}`);
        expect([at("A1"), at("B1"), at("A2"), at("B2")]).toEqual([{ value: "Product" }, { value: "Share" }, { value: "B 系列" }, { formula: "=1+1" }]);
        expect(["C1", "C2", "A3", "B4", "B6", "C6", "H1"].map(at)).toEqual([null, null, null, null, null, null, null]);
        // The old table's name is free again: the plan's table takes it, not "Portfolio_2".
        expect(harness.tableNames("Portfolio")).toEqual(["Portfolio"]);
        expect(harness.chartCount("Portfolio")).toBe(0);
        expect(harness.nameList("Portfolio")).toEqual(["ShareCell"]);
        expect(harness.conditionalFormats("Portfolio")).toEqual([{ address: "B2", formula: "=$B2<0", fill: "#FFC7CE" }]);
      });

      it("says the sheet is missing when there is none of that name, and writes nothing", async () => {
        const harness = make();
        const before = harness.snapshot();
        await expect(harness.gateway.replaceSheet({ sheet: "Portfolio", plan: SMALLER_PLAN, overwrite: true })).resolves.toEqual({ kind: "missing" });
        expect(harness.snapshot()).toEqual(before);
      });

      it("writes into an empty sheet of that name at once, without asking", async () => {
        const harness = make(["Sheet1", "Portfolio"]);
        await expect(harness.gateway.replaceSheet({ sheet: "Portfolio", plan: SMALLER_PLAN })).resolves.toEqual({ kind: "written", sheet: "Portfolio" });
        expect(harness.cellAt("Portfolio!A2")).toEqual({ value: "B 系列" });
      });

      it("refuses a plan address with a sheet part (BAD_ADDRESS) before touching the workbook", async () => {
        const harness = await written();
        const before = harness.snapshot();
        const plan = { ...SMALLER_PLAN, tables: [{ name: "T", address: "Data!A1:B2", hasHeaders: true }] };
        await expect(harness.gateway.replaceSheet({ sheet: "Portfolio", plan, overwrite: true })).rejects.toMatchObject({ code: "BAD_ADDRESS", detail: "Data!A1:B2" });
        expect(harness.snapshot()).toEqual(before);
      });

      it("leaves the sheet exactly as it was — cells, formats, tables, charts, names, the active sheet — when the replacement fails at any step", async () => {
        const { failures, harness } = await failAtEveryStep(kind, written, (gateway) => gateway.replaceSheet({ sheet: "Portfolio", plan: SMALLER_PLAN, overwrite: true }));
        expect(failures).toBeGreaterThan(0);
        expect(harness.cellAt("Portfolio!A2")).toEqual({ value: "B 系列" });
        expect(harness.cellAt("Portfolio!H1")).toBeNull();
        expect(harness.chartCount("Portfolio")).toBe(0);
      });
    });

    describe("progress and cancellation (WriteOptions)", () => {
      it("reports the progress of a new sheet block by block, up to done = total", async () => {
        const harness = make(["Sheet1"], 2);
        const reports: WriteProgress[] = [];
        await harness.gateway.createSheet(RICH_PLAN, { onProgress: (progress) => reports.push(progress) });
        // Six rows in blocks of two: at least one report per block.
        expect(reports.length).toBeGreaterThanOrEqual(3);
        expectWellFormed(reports);
      });

      it("leaves the workbook exactly as it was when a new sheet is cancelled before it starts or after any block", async () => {
        const setUp = () => {
          const harness = make(["Sheet1", "Data"], 2);
          harness.seed("Data!B2", USER_CELLS);
          return harness;
        };
        const { cancels, reports } = await cancelAtEveryStep(kind, setUp, (gateway, options) => gateway.createSheet(RICH_PLAN, options));
        expect(cancels).toBe(reports.length + 1);
        expectWellFormed(reports);
      });

      it("leaves the sheet exactly as it was when its replacement is cancelled before it starts or after any block", async () => {
        const written = async () => {
          const harness = make(["Sheet1", "Data"], 2);
          await harness.gateway.createSheet(RICH_PLAN);
          harness.select("Data!A1");
          return harness;
        };
        const { cancels, reports } = await cancelAtEveryStep(kind, written, (gateway, options) => gateway.replaceSheet({ sheet: "Portfolio", plan: SMALLER_PLAN, overwrite: true }, options));
        expect(cancels).toBe(reports.length + 1);
        expectWellFormed(reports);
      });
    });

    describe("listDataSources", () => {
      it("lists the tables (whole range) and the names of one range, the workbook's before each sheet's own", async () => {
        const harness = make(["Sheet1", "Order data"]);
        harness.seed("'Order data'!A1", [[{ value: "客户" }, { value: "日期" }, { value: "金额" }], [{ value: "A001" }, { value: "2024-03-01" }, { value: 1200 }]]);
        harness.seedTable("Order data", "Orders", "A1:C2");
        harness.seedName("Regions", "'Order data'!E1:E3");
        harness.seedName("Amounts", "C2:C9", "Order data");
        await expect(harness.gateway.listDataSources()).resolves.toEqual([
          { kind: "table", name: "Orders", address: "'Order data'!A1:C2" },
          { kind: "name", name: "Regions", address: "'Order data'!E1:E3" },
          { kind: "name", name: "'Order data'!Amounts", address: "'Order data'!C2:C9" },
        ]);
        await expect(harness.gateway.readRange("'Order data'!A1:C2")).resolves.toMatchObject({ values: [["客户", "日期", "金额"], ["A001", "2024-03-01", 1200]] });
      });

      it("lists nothing in a workbook without tables or names", async () => {
        await expect(make().gateway.listDataSources()).resolves.toEqual([]);
      });
    });

    describe("activateSheet", () => {
      it("activates a sheet by its name, whatever the case, and says when there is none", async () => {
        const harness = make(["Sheet1", "My plan"]);
        await expect(harness.gateway.activateSheet("my PLAN")).resolves.toBe("activated");
        expect(harness.activeSheet()).toBe("My plan");
        await expect(harness.gateway.activateSheet("Gone")).resolves.toBe("missing");
        expect(harness.activeSheet()).toBe("My plan");
      });
    });

    describe("deleteSheet", () => {
      it("takes back two new sheets, with their tables, charts and names: the workbook is as it was, its active sheet too", async () => {
        const harness = make(["Sheet1", "Notes"]);
        await harness.gateway.activateSheet("Notes");
        const before = harness.snapshot();
        const first = await harness.gateway.createSheet(RICH_PLAN);
        const second = await harness.gateway.createSheet({ ...SMALLER_PLAN, name: "Second" });
        expect(harness.activeSheet()).toBe(second);
        await expect(harness.gateway.deleteSheet(second.toUpperCase())).resolves.toBe("deleted");
        expect(harness.activeSheet()).toBe(first);
        await expect(harness.gateway.deleteSheet(first)).resolves.toBe("deleted");
        expect(harness.snapshot()).toEqual(before);
        expect(harness.activeSheet()).toBe("Notes");
        // A table name freed by the deletion is the plan's own again.
        await harness.gateway.createSheet(RICH_PLAN);
        await expect(harness.gateway.listDataSources()).resolves.toContainEqual(expect.objectContaining({ kind: "table", name: "Portfolio" }));
      });

      it("says when there is no sheet of that name, and changes nothing", async () => {
        const harness = make(["Sheet1"]);
        const before = harness.snapshot();
        await expect(harness.gateway.deleteSheet("Gone")).resolves.toBe("missing");
        expect(harness.snapshot()).toEqual(before);
      });
    });
  });
}
