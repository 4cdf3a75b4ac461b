import { formatRange, parseRange, quoteSheet } from "../../src/excel/address";
import { cellInput } from "../../src/excel/cell-input";
import type { CellSpec, WorkbookGateway } from "../../src/excel/gateway";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { OfficeGateway } from "../../src/excel/office-gateway";
import { HyperFormulaGateway } from "../../src/workbench/hyperformula-gateway";
import { FakeWorkbook, installFakeExcel, newSheet } from "./fake-excel";
import { installOfficeMock } from "./office-mock-excel";

/**
 * Every WorkbookGateway implementation on a workbook a test can seed, read back cell by cell, compare
 * whole and make fail: what test/excel/gateway-contract.ts and the write-safety test run against.
 */
export interface GatewayHarness {
  readonly gateway: WorkbookGateway;
  /** Puts what a user typed into a sheet (added when missing), e.g. seed("Sheet1!B2", [[{ value: "001" }]]). */
  seed(address: string, rows: readonly (readonly CellSpec[])[]): void;
  /** What a cell holds: a formula, a constant (text as the user sees it), or null when empty. */
  cellAt(address: string): CellSpec;
  sheetNames(): string[];
  activeSheet(): string;
  /** The names of the tables on a sheet. */
  tableNames(sheet: string): string[];
  /** How many charts a sheet has. */
  chartCount(sheet: string): number;
  /** A sheet's conditional formats (a missing font colour left out). */
  conditionalFormats(sheet: string): { address: string; formula: string; fill: string; font?: string }[];
  /** The names scoped to a sheet. */
  nameList(sheet: string): string[];
  /** Selects a range, e.g. "Plan!D5:D6". */
  select(address: string): void;
  /** Makes an Excel table, as a user would, on an existing sheet: seedTable("Data", "Orders", "A1:C9"). */
  seedTable(sheet: string, name: string, address: string): void;
  /**
   * Defines a name of one range, as a user would: workbook-scoped with a sheet-qualified address
   * (seedName("Orders", "Data!A1:C9")), or scoped to `sheet` with a local one.
   */
  seedName(name: string, address: string, sheet?: string): void;
  /** Everything a user could see, as plain data: cells, formats, sheets and their order, the active sheet, names, tables, charts. */
  snapshot(): unknown;
  /**
   * Makes the next write fail at its `step`-th step (0-based); a step past the last fails nothing. What a
   * step is depends on the implementation: see {@link GatewayKind.steps}.
   */
  failAt(step: number): void;
  /** Puts back what the harness installed (the `Excel` global). */
  dispose(): void;
}

export interface HarnessOptions {
  /** Sheets the workbook starts with (default ["Sheet1"]). */
  readonly sheets?: readonly string[];
  /** Rows per write request, where the implementation writes in blocks: small, to fail between blocks. */
  readonly blockRows?: number;
}

export interface GatewayKind {
  readonly name: string;
  /** What one step of `failAt` is. */
  readonly steps: string;
  make(options?: HarnessOptions): GatewayHarness;
}

/** A conditional format as the contract compares it: without an unset font colour. */
function plainRule(rule: { address: string; formula: string; fill: string; font?: string | undefined }) {
  return { address: rule.address, formula: rule.formula, fill: rule.fill, ...(rule.font === undefined ? {} : { font: rule.font }) };
}

/** A constant as read from an Office-style store ("'text", "=formula", a number…). */
function specOf(input: unknown): CellSpec {
  if (input === undefined || input === "" || input === null) return null;
  if (typeof input === "string" && input.startsWith("'")) return { value: input.slice(1) };
  if (typeof input === "string" && input.startsWith("=")) return { formula: input };
  return { value: input as string | number | boolean };
}

function requireRef(address: string) {
  const ref = parseRange(address);
  if (ref === undefined) throw new Error(`not an address: ${address}`);
  return ref;
}

export const MEMORY: GatewayKind = {
  name: "MemoryGateway",
  steps: "adding the sheet, each row block, each bold row, format, table, chart and name, activating it",
  make(options = {}) {
    const gateway = new MemoryGateway(true, options.sheets ?? ["Sheet1"], { blockRows: options.blockRows });
    return {
      gateway,
      seed: (address, rows) => gateway.setCells(address, rows),
      cellAt: (address) => specOf(gateway.formulaAt(address)),
      sheetNames: () => gateway.sheets.map((s) => s.name),
      activeSheet: () => gateway.activeSheet,
      tableNames: (sheet) => gateway.sheet(sheet)!.tables.map((t) => t.name),
      chartCount: (sheet) => gateway.sheet(sheet)!.charts.length,
      conditionalFormats: (sheet) => gateway.sheet(sheet)!.conditionalFormats.map(plainRule),
      nameList: (sheet) => gateway.sheet(sheet)!.names.map((n) => n.name),
      select: (address) => {
        gateway.selection = address;
        gateway.activeSheet = requireRef(address).sheet ?? gateway.activeSheet;
      },
      seedTable: (sheet, name, address) => void gateway.sheet(sheet)!.tables.push({ name, address, hasHeaders: true }),
      seedName: (name, address, sheet) => void (sheet === undefined ? gateway.workbookNames.push({ name, address }) : gateway.sheet(sheet)!.names.push({ name, address })),
      snapshot: () => gateway.snapshot(),
      failAt: (step) => gateway.failAtStep(step),
      dispose: () => undefined,
    };
  },
};

/** The Office.js gateway on a FakeWorkbook, behind `install` (the batching stand-in or office-addin-mock). */
function officeHarness(install: (workbook: FakeWorkbook) => () => void, failAt: (workbook: FakeWorkbook, step: number) => void, options: HarnessOptions): GatewayHarness & { workbook: FakeWorkbook } {
  const workbook = new FakeWorkbook([...(options.sheets ?? ["Sheet1"])]);
  const restore = install(workbook);
  return {
    workbook,
    gateway: new OfficeGateway({ blockRows: options.blockRows }),
    seed(address, rows) {
      const ref = requireRef(address);
      const name = ref.sheet ?? workbook.activeSheet()!.name;
      if (!workbook.find(name)) workbook.sheets.push(newSheet(name));
      const cells = workbook.sheet(name).cells;
      rows.forEach((row, r) =>
        row.forEach((spec, c) => {
          const input = cellInput(spec);
          if (input !== null) cells.set(`${ref.row + r},${ref.column + c}`, input);
        }),
      );
    },
    cellAt(address) {
      const ref = requireRef(address);
      return specOf(workbook.sheet(ref.sheet ?? workbook.activeSheet()!.name).cells.get(`${ref.row},${ref.column}`));
    },
    sheetNames: () => workbook.sheets.map((s) => s.name),
    activeSheet: () => workbook.activeSheet()!.name,
    tableNames: (sheet) => workbook.sheet(sheet).tables.map((t) => t.name),
    chartCount: (sheet) => workbook.sheet(sheet).charts.length,
    conditionalFormats: (sheet) => workbook.sheet(sheet).conditionalFormats.map(plainRule),
    nameList: (sheet) => workbook.sheet(sheet).names.map((n) => n.name),
    select(address) {
      const ref = requireRef(address);
      workbook.selection = { sheet: ref.sheet ?? workbook.activeSheet()!.name, row: ref.row, column: ref.column, rows: ref.rows, columns: ref.columns };
      workbook.activate(workbook.sheet(workbook.selection.sheet));
    },
    seedTable: (sheet, name, address) => void workbook.sheet(sheet).tables.push({ name, address, hasHeaders: true }),
    seedName: (name, address, sheet) => void (sheet === undefined ? workbook.names.push({ name, address }) : workbook.sheet(sheet).names.push({ name, address })),
    snapshot: () => workbook.snapshot(),
    failAt: (step) => failAt(workbook, step),
    dispose: restore,
  };
}

/** Office.js's batching: a failing request stops its batch, the requests before it in the batch applied. */
export const OFFICE_BATCHING: GatewayKind = {
  name: "OfficeGateway on the batching stand-in (test/support/fake-excel.ts)",
  steps: "each request, in order (loads, the sheet, each row block, each format, table, chart, name…)",
  make: (options = {}) =>
    officeHarness(installFakeExcel, (workbook, step) => (workbook.failOperationNumber = workbook.operationCount + step + 1), options),
};

/** office-addin-mock: requests apply at once; a failing sync rejects after its whole batch was applied. */
export const OFFICE_MOCK: GatewayKind = {
  name: "OfficeGateway on office-addin-mock",
  steps: "each context.sync(), in order",
  make: (options = {}) => officeHarness(installOfficeMock, (workbook, step) => (workbook.failSyncNumber = workbook.syncCount + step + 1), options),
};

export const HYPERFORMULA: GatewayKind = {
  name: "HyperFormulaGateway",
  steps: "one: after the constants, before the formulas",
  make(options = {}) {
    const gateway = new HyperFormulaGateway({ sheets: options.sheets ?? ["Sheet1"], blockRows: options.blockRows });
    const { hf } = gateway;
    const sheetId = (name: string) => hf.getSheetId(hf.getSheetNames().find((s) => s.toLowerCase() === name.toLowerCase()) ?? "");
    return {
      gateway,
      seed(address, rows) {
        const ref = requireRef(address);
        const name = ref.sheet ?? gateway.activeSheet;
        if (sheetId(name) === undefined) hf.addSheet(name);
        rows.forEach((row, r) =>
          row.forEach((spec, c) => {
            const input = cellInput(spec);
            if (input !== null) hf.setCellContents({ sheet: sheetId(name)!, row: ref.row + r, col: ref.column + c }, input);
          }),
        );
      },
      cellAt(address) {
        const view = gateway.view(address);
        if (view.content === "" || view.spilled) return null;
        if (view.content.startsWith("=")) return { formula: view.content };
        return { value: view.value as string | number | boolean };
      },
      sheetNames: () => gateway.sheetNames(),
      activeSheet: () => gateway.activeSheet,
      tableNames: (sheet) => gateway.record(sheet).tables.map((t) => t.name),
      chartCount: (sheet) => gateway.record(sheet).charts.length,
      conditionalFormats: (sheet) => gateway.record(sheet).conditionalFormats.map(plainRule),
      nameList: (sheet) => hf.listNamedExpressions(sheetId(sheet)).map(String),
      select: (address) => gateway.select(address),
      seedTable: (sheet, name, address) => gateway.addTable(sheet, { name, address, hasHeaders: true }),
      seedName: (name, address, sheet) => {
        const ref = requireRef(sheet === undefined ? address : `${quoteSheet(sheet)}!${address}`);
        const absolute = `=${quoteSheet(ref.sheet!)}!${formatRange({ ...ref, sheet: undefined }).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
        hf.addNamedExpression(name, absolute, sheet === undefined ? undefined : sheetId(sheet));
      },
      snapshot: () => ({
        active: gateway.activeSheet,
        names: hf.listNamedExpressions().map((name) => [name, hf.getNamedExpressionFormula(name)]),
        sheets: gateway.sheetNames().map((name) => {
          const id = sheetId(name)!;
          return {
            name,
            cells: hf.getSheetSerialized(id),
            names: hf.listNamedExpressions(id).map((defined) => [defined, hf.getNamedExpressionFormula(defined, id)]),
            record: gateway.record(name),
          };
        }),
      }),
      failAt: (step) => step === 0 && gateway.failNextWrite("The request payload size has exceeded the limit."),
      dispose: () => undefined,
    };
  },
};
