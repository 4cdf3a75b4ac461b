import { useEffect, useReducer, useState, type CSSProperties, type KeyboardEvent } from "react";
import { cellAddress, columnLetters, parseRange, quoteSheet } from "../excel/address";
import type { CellSpec, NumberFormatSpec } from "../excel/gateway";
import { formatCell } from "./format";
import { LineChart } from "./LineChart";
import type { HyperFormulaGateway } from "./hyperformula-gateway";

/** Shown at least, and at most, this many rows and columns (the used range plus a margin in between). */
const MIN_ROWS = 20;
const MIN_COLUMNS = 8;
const MAX_ROWS = 300;
const MAX_COLUMNS = 40;
/** Fixed column widths (px): long text is cut with an ellipsis; the cell's tooltip shows it whole. */
const CORNER_WIDTH = 40;
const COLUMN_WIDTH = 96;
const DEMO_WORKBOOK = "examples/sales-planner-demo.json";

const styles: Record<string, CSSProperties> = {
  header: { display: "flex", alignItems: "baseline", gap: 12, padding: "8px 12px", borderBottom: "1px solid #d1d1d1", background: "#f5f5f5" },
  title: { margin: 0, fontSize: 16, fontWeight: 600 },
  note: { color: "#616161", flex: 1 },
  open: { font: "inherit", padding: "3px 10px", cursor: "pointer" },
  alert: { margin: 0, padding: "6px 12px", background: "#fdf3f4", color: "#c50f1f" },
  tabs: { display: "flex", gap: 2, padding: "4px 8px 0", borderBottom: "1px solid #d1d1d1", overflowX: "auto" },
  tab: { border: "1px solid #d1d1d1", borderBottom: "none", background: "#fafafa", padding: "4px 10px", cursor: "pointer", font: "inherit" },
  tabSelected: { background: "#fff", fontWeight: 600, borderTop: "2px solid #107c41" },
  bar: { display: "flex", gap: 6, padding: 6, borderBottom: "1px solid #d1d1d1", alignItems: "center" },
  nameBox: { width: 70, padding: "3px 6px", border: "1px solid #d1d1d1", fontFamily: "monospace" },
  formula: { flex: 1, padding: "3px 6px", border: "1px solid #d1d1d1", fontFamily: "monospace", font: "inherit" },
  gridScroll: { flex: 1, overflow: "auto" },
  grid: { borderCollapse: "collapse", tableLayout: "fixed" },
  corner: { width: CORNER_WIDTH, background: "#f0f0f0", border: "1px solid #d1d1d1" },
  columnHeader: { width: COLUMN_WIDTH, background: "#f0f0f0", border: "1px solid #d1d1d1", fontWeight: 400, color: "#616161" },
  rowHeader: { background: "#f0f0f0", border: "1px solid #d1d1d1", fontWeight: 400, color: "#616161", textAlign: "right", padding: "0 4px" },
  cell: { border: "1px solid #e0e0e0", padding: "1px 4px", height: 20, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", cursor: "cell" },
  charts: { display: "flex", columnGap: 8, padding: "6px 12px", borderTop: "1px solid #d1d1d1", overflowX: "auto" },
  records: { padding: "6px 12px", borderTop: "1px solid #d1d1d1", color: "#424242", maxHeight: 120, overflow: "auto" },
};

export interface WorkbenchProps {
  readonly gateway: HyperFormulaGateway;
}

/** Whether (row, column) lies in the rectangle. */
function inside(range: { row: number; column: number; rows: number; columns: number }, row: number, column: number): boolean {
  return row >= range.row && row < range.row + range.rows && column >= range.column && column < range.column + range.columns;
}

/**
 * The workbook beside the task pane: a tab per sheet, a formula bar for the active cell (type and
 * press Enter to change it; the workbook recalculates), the grid of values (click selects, shift-click
 * selects a range, which the pane's "Use selection" buttons read), and what the sheet recorded that a
 * grid cannot show (tables, charts, names).
 */
export function Workbench({ gateway }: WorkbenchProps) {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => gateway.subscribe(refresh), [gateway]);

  const sheets = gateway.sheetNames();
  const sheet = gateway.activeSheet;
  const selected = parseRange(gateway.selection) ?? { sheet, row: 0, column: 0, rows: 1, columns: 1 };
  // The active cell (formula bar): where the selection started; a shift-click extends the selection from it.
  const [anchor, setAnchor] = useState<{ row: number; column: number } | undefined>(undefined);
  const active = anchor !== undefined && inside(selected, anchor.row, anchor.column) ? anchor : { row: selected.row, column: selected.column };
  const selectedAddress = cellAddress(active.row, active.column);
  const selectedView = sheet ? gateway.view(`${quoteSheet(sheet)}!${selectedAddress}`) : undefined;
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const content = draft ?? selectedView?.content ?? "";

  const select = (row: number, column: number, extend = false) => {
    setDraft(undefined);
    if (extend) {
      const from = active;
      const top = Math.min(from.row, row);
      const left = Math.min(from.column, column);
      gateway.select(`${quoteSheet(sheet)}!${cellAddress(top, left)}:${cellAddress(Math.max(from.row, row), Math.max(from.column, column))}`);
      setAnchor(from);
      return;
    }
    setAnchor({ row, column });
    gateway.select(`${quoteSheet(sheet)}!${cellAddress(row, column)}`);
  };
  const commit = () => {
    if (draft === undefined) return;
    gateway.enterCell(`${quoteSheet(sheet)}!${selectedAddress}`, draft);
    setDraft(undefined);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      commit();
      select(active.row + 1, active.column);
    } else if (event.key === "Escape") {
      setDraft(undefined);
    }
  };

  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | undefined>(undefined);
  /** examples/sales-planner-demo.xlsx, served as cell data by the workbench server, opened as new sheets. */
  const openDemo = async () => {
    setOpening(true);
    setOpenError(undefined);
    try {
      const response = await fetch(DEMO_WORKBOOK);
      if (!response.ok) throw new Error(`${DEMO_WORKBOOK}: ${response.status} ${await response.text()}`);
      const { sheets } = (await response.json()) as { sheets: { name: string; rows: CellSpec[][]; numberFormats: NumberFormatSpec[]; boldRows: number[] }[] };
      await gateway.openSheets(sheets);
    } catch (error) {
      setOpenError(error instanceof Error ? error.message : String(error));
    } finally {
      setOpening(false);
    }
  };

  const used = sheet ? gateway.usedSize(sheet) : { rows: 0, columns: 0 };
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, used.rows + 5));
  const columns = Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, used.columns + 2));
  const record = sheet ? gateway.record(sheet) : undefined;
  // Parsed once per render; the last format covering a cell wins, as the last one applied in Excel would.
  const formats = (record?.numberFormats ?? []).flatMap((spec) => {
    const ref = parseRange(spec.address);
    return ref === undefined ? [] : [{ ref, format: spec.format }];
  });
  const formatAt = (row: number, column: number): string | undefined => {
    let format: string | undefined;
    for (const spec of formats) if (inside(spec.ref, row, column)) format = spec.format;
    return format;
  };

  return (
    <>
      <header style={styles.header}>
        <h1 style={styles.title}>Sales Planner workbench</h1>
        <span style={styles.note}>A development host: HyperFormula calculates the add-in&apos;s SALES functions here. This is not Excel.</span>
        <button type="button" style={styles.open} disabled={opening} onClick={() => void openDemo()}>
          Open the demo workbook
        </button>
      </header>
      {openError !== undefined && (
        <p role="alert" style={styles.alert}>
          The demo workbook could not be opened: {openError}
        </p>
      )}
      <div role="tablist" aria-label="Sheets" style={styles.tabs}>
        {sheets.map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={name === sheet}
            style={{ ...styles.tab, ...(name === sheet ? styles.tabSelected : {}) }}
            onClick={() => {
              setDraft(undefined);
              gateway.select(`${quoteSheet(name)}!A1`);
            }}
          >
            {name}
          </button>
        ))}
      </div>
      <div style={styles.bar}>
        <output aria-label="Selected cell" style={styles.nameBox}>
          {selectedAddress}
        </output>
        {(selected.rows > 1 || selected.columns > 1) && (
          <output aria-label="Selected range" style={styles.nameBox}>
            {cellAddress(selected.row, selected.column)}:{cellAddress(selected.row + selected.rows - 1, selected.column + selected.columns - 1)}
          </output>
        )}
        <input
          aria-label="Cell content"
          style={styles.formula}
          value={content}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKey}
          onBlur={commit}
          spellCheck={false}
        />
      </div>
      <div style={styles.gridScroll}>
        <table role="grid" aria-label={sheet} style={{ ...styles.grid, width: CORNER_WIDTH + columns * COLUMN_WIDTH }}>
          <thead>
            <tr>
              <th style={styles.corner} />
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} scope="col" style={styles.columnHeader}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" style={styles.rowHeader}>
                  {r + 1}
                </th>
                {Array.from({ length: columns }, (_, c) => {
                  const view = gateway.view(`${quoteSheet(sheet)}!${cellAddress(r, c)}`);
                  const isSelected = r === active.row && c === active.column;
                  const inSelection = inside(selected, r, c);
                  const numeric = typeof view.value === "number";
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-cell={cellAddress(r, c)}
                      aria-selected={inSelection}
                      title={view.error ?? (view.content.startsWith("=") ? view.content : typeof view.value === "string" ? view.value : undefined)}
                      onClick={(event) => select(r, c, event.shiftKey)}
                      style={{
                        ...styles.cell,
                        textAlign: numeric ? "right" : "left",
                        fontWeight: record?.boldRows.includes(r + 1) ? 600 : 400,
                        color: view.error ? "#c50f1f" : undefined,
                        background: inSelection ? "#e1f3e8" : view.spilled ? "#fbfbfb" : undefined,
                        outline: isSelected ? "2px solid #107c41" : undefined,
                      }}
                    >
                      {formatCell(view.value, formatAt(r, c))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {record && record.charts.some((chart) => chart.kind === "line") && (
        <section aria-label="Line charts on this sheet" style={styles.charts}>
          {record.charts
            .filter((chart) => chart.kind === "line")
            .map((chart, i) => (
              <LineChart key={`l-${i}`} title={chart.title} values={gateway.valuesAt(`${quoteSheet(sheet)}!${chart.source}`)} />
            ))}
        </section>
      )}
      {record && (record.tables.length > 0 || record.charts.length > 0 || record.names.length > 0) && (
        <section aria-label="Recorded on this sheet" style={styles.records}>
          {record.tables.map((t) => (
            <div key={`t-${t.name}`}>Table {t.name}: {t.address}</div>
          ))}
          {record.charts.map((chart, i) => (
            <div key={`c-${i}`}>
              {chart.kind} chart “{chart.title}” from {chart.source} ({chart.from}:{chart.to}) — {chart.kind === "line" ? "drawn above by the workbench" : "recorded, not drawn"}
            </div>
          ))}
          {record.names.map((n) => (
            <div key={`n-${n.name}`}>Name {n.name} → {n.address}</div>
          ))}
        </section>
      )}
    </>
  );
}
