/**
 * The Forecast sheet (销售预测). Rows are 1-based below.
 *
 *   A1  title
 *   A2  Season length  B2  m                      A3  Periods forecast  B3  h
 *   A4  Scenario level B4  80% or 95% (input)     (name Forecast_Level)
 *   A5  Forecast total B5  =SUM(the total block's base forecasts)       (name Forecast_Total)
 *   A6  History read from  B6  the range read;    A7  a note on the bands
 *
 * Then one block per series (and, for several series, a total block), from row 9, each:
 *   title row (name · method), header row,
 *   n history rows:  Period | History (an input: the number read; in the total block, the sum of the
 *                    series' cells of that row),
 *   h forecast rows: Period | — | Conservative | Base | Optimistic | — | 80% lower, forecast, upper (one
 *                    spilling SALES.FORECAST.INTERVAL or SALES.FORECAST.LINEAR at 0.8) | 95% … (at 0.95),
 *   a sum row (the base forecasts' sum), blank rows up to the chart's height.
 * The scenarios are cell formulas of the two spills: 保守 = MAX(0, lower), 基准 = forecast, 乐观 = upper at
 * the level in B4 (#N/A if B4 is neither 80% nor 95%, so a typo cannot pass for a band). The spills are
 * outside any Excel table (a table cannot hold a spilling formula), and their size is the horizon written
 * in the formula, so no edit of a cell makes them collide with the next block.
 * A line chart per block: Period (categories), History, Conservative, Base, Optimistic.
 */
import { cellAddress, formatRange, parseRange } from "../../../excel/address";
import type { CellSpec, ChartSpec, NameSpec, NumberFormatSpec, SheetPlan } from "../../../excel/gateway";
import { backtestMethodLabel } from "../../../i18n/forecast";
import { FORECAST_WIZARD_STRINGS, type ForecastWizardStrings } from "../../../i18n/forecast-wizard";
import type { Language } from "../../../i18n/language";
import { INTERVAL_MODEL, seasonFor, type Level, type WritableMethod } from "./forecast-model";

export interface PlannedSeries {
  readonly name: string;
  readonly values: readonly number[];
  readonly method: WritableMethod;
}

export interface ForecastInput {
  /** The range the history came from (shown in the sheet). */
  readonly source: string;
  /** One label per history period, then one per forecast period. */
  readonly labels: readonly string[];
  readonly futureLabels: readonly string[];
  readonly series: readonly PlannedSeries[];
  /** The total's method, when there are several series. */
  readonly totalMethod?: WritableMethod;
  readonly season: number;
  readonly horizon: number;
  readonly level: Level;
}

export interface ForecastSheet {
  readonly plan: SheetPlan;
  /** The cell of the forecast total ("B5"). */
  readonly totalCell: string;
  /** The total block's base forecasts ("D40:D51"): the forecast's shape. */
  readonly baseRange: string;
}

const v = (value: string | number | boolean): CellSpec => ({ value });
const f = (formula: string): CellSpec => ({ formula });
const lit = (text: string): string => `"${text.replace(/"/g, '""')}"`;
const at = (column: number, row: number) => cellAddress(row - 1, column);
const abs = (column: number, row: number) => at(column, row).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

export const LEVEL_CELL = "$B$4";
export const TOTAL_CELL = "B5";
const FIRST_BLOCK_ROW = 9;
/** A chart covers this many rows; a shorter block is padded so that the charts do not overlap. */
const CHART_ROWS = 16;
const AMOUNT = "#,##0.00";
// Columns (0-based): A period, B history, C–E scenarios, G–I the 80% band, J–L the 95% band, N… the chart.
const C_LOW = 2;
const C_BASE = 3;
const C_HIGH = 4;
const C_80 = 6;
const C_95 = 9;
const C_CHART = 13;

/** The formula of a band: the method's SALES function over the history, h periods, at `level`. */
export function bandFormula(method: WritableMethod, history: string, horizon: number, season: number, level: number): string {
  if (method === "linear") return `=SALES.FORECAST.LINEAR(${history},${horizon},${season},${level})`;
  return `=SALES.FORECAST.INTERVAL(${history},${horizon},${seasonFor(method, season)},${lit(INTERVAL_MODEL[method])},${level})`;
}

const methodName = (language: Language, method: WritableMethod, season: number) => backtestMethodLabel(language, method, 0, season > 1);

export function forecastPlan(input: ForecastInput, language: Language): ForecastSheet {
  const t: ForecastWizardStrings = FORECAST_WIZARD_STRINGS[language];
  const rows: CellSpec[][] = [];
  const boldRows: number[] = [1];
  const numberFormats: NumberFormatSpec[] = [{ address: "B4", format: "0%" }, { address: TOTAL_CELL, format: AMOUNT }];
  const charts: ChartSpec[] = [];
  const names: NameSpec[] = [
    { name: "Forecast_Level", address: "B4" },
    { name: "Forecast_Total", address: TOTAL_CELL },
  ];
  const n = input.labels.length;
  const h = input.horizon;
  const put = (row: number, cells: CellSpec[]) => {
    while (rows.length < row) rows.push([]);
    rows[row - 1] = cells;
  };

  put(1, [v(t.sheetTitle)]);
  put(2, [v(t.cellSeason), v(input.season)]);
  put(3, [v(t.cellHorizon), v(h)]);
  put(4, [v(t.cellLevel), v(input.level)]);
  put(6, [v(t.cellSource), v(input.source)]);
  put(7, [v(t.cellNote)]);

  let row = FIRST_BLOCK_ROW;
  const historyFirstRows: number[] = [];
  const block = (name: string, method: WritableMethod, history: (k: number) => CellSpec, index: number): { first: number; last: number } => {
    const title = row;
    const header = row + 1;
    const first = header + 1; // first history row
    const firstForecast = first + n;
    const lastForecast = firstForecast + h - 1;
    put(title, [v(t.blockTitle(name, methodName(language, method, input.season)))]);
    const band = (level: string) => [v(t.colBand("lower", level)), v(t.colBand("forecast", level)), v(t.colBand("upper", level))];
    put(header, [v(t.colPeriod), v(t.colHistory), v(t.colLow), v(t.colBase), v(t.colHigh), null, ...band("80%"), ...band("95%")]);
    boldRows.push(title, header);
    for (let k = 0; k < n; k++) put(first + k, [v(input.labels[k] ?? ""), history(k)]);
    const historyRange = `${abs(1, first)}:${abs(1, first + n - 1)}`;
    for (let k = 0; k < h; k++) {
      const r = firstForecast + k;
      const pick = (offset: number) => `IF(${LEVEL_CELL}=0.8,${at(C_80 + offset, r)},IF(${LEVEL_CELL}=0.95,${at(C_95 + offset, r)},NA()))`;
      const cells: CellSpec[] = [v(input.futureLabels[k] ?? t.future(k + 1)), null, f(`=MAX(0,${pick(0)})`), f(`=${pick(1)}`), f(`=${pick(2)}`), null];
      cells.push(k === 0 ? f(bandFormula(method, historyRange, h, input.season, 0.8)) : null, null, null);
      cells.push(k === 0 ? f(bandFormula(method, historyRange, h, input.season, 0.95)) : null, null, null);
      put(r, cells);
    }
    const sumRow = lastForecast + 1;
    put(sumRow, [v(t.rowSum), null, null, f(`=SUM(${at(C_BASE, firstForecast)}:${at(C_BASE, lastForecast)})`)]);
    boldRows.push(sumRow);
    numberFormats.push(
      { address: `B${first}:B${first + n - 1}`, format: AMOUNT },
      { address: `${at(C_LOW, firstForecast)}:${at(C_95 + 2, lastForecast)}`, format: AMOUNT },
      { address: at(C_BASE, sumRow), format: AMOUNT },
    );
    names.push({ name: `Forecast_History_${index}`, address: `B${first}:B${first + n - 1}` });
    charts.push({
      kind: "line",
      source: `A${header}:${at(C_HIGH, lastForecast)}`,
      title: t.chartTitle(name),
      from: at(C_CHART, title),
      to: at(C_CHART + 8, title + CHART_ROWS - 1),
      xAxisTitle: t.axisPeriod,
      yAxisTitle: t.axisValue,
    });
    historyFirstRows.push(first);
    row = Math.max(sumRow + 2, title + CHART_ROWS + 1);
    return { first: firstForecast, last: lastForecast };
  };

  let totalForecast: { first: number; last: number } | undefined;
  input.series.forEach((series, i) => {
    totalForecast = block(series.name, series.method, (k) => v(series.values[k] as number), i + 1);
  });
  if (input.series.length > 1) {
    const starts = [...historyFirstRows];
    totalForecast = block(t.total, input.totalMethod ?? input.series[0]!.method, (k) => f(`=${starts.map((s) => at(1, s + k)).join("+")}`), input.series.length + 1);
  }
  const base = `${at(C_BASE, totalForecast!.first)}:${at(C_BASE, totalForecast!.last)}`;
  put(5, [v(t.cellTotal), f(`=SUM(${base})`)]);
  names.push({ name: "Forecast_Base", address: base });

  return {
    plan: { name: t.sheetName, rows, boldRows, numberFormats, charts, names },
    totalCell: TOTAL_CELL,
    baseRange: base,
  };
}

/** The sheet-qualified address of a range on the written sheet ("'销售预测'!D40:D51"). */
export function onSheet(sheet: string, range: string): string {
  const ref = parseRange(range);
  return ref === undefined ? range : formatRange({ ...ref, sheet });
}
