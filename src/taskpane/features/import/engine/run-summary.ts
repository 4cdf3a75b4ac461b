/**
 * Runs the summary SQL (core/import/summary-sql.ts: the same statements native DuckDB runs in the tests)
 * against a file DuckDB can read, and reads the results into SummaryResult's columns. Independent of how
 * the SQL is executed, so the order of statements is in one place.
 */
import type { FileSniff, SummaryRequest } from "../../../../core/import/contract";
import { summaryPlan, type SqlNames, type SummarySource } from "../../../../core/import/summary-sql";
import { MAX_LISTED_REJECTS, type CustomerSummary, type PeriodSummary, type RejectedRow, type SummaryProgress, type SummaryResult } from "../engine-contract";
import { numbers, scalar, texts, type ResultTable } from "./collect";

/** Where the file is for the summary SQL: a registered CSV file's name, or a table inserted from Arrow. */
export type OrderSource = { readonly kind: "csv"; readonly fileName: string } | { readonly kind: "table"; readonly table: string };

/** Runs one statement; resolves to its result (an Arrow table; empty for statements without rows). */
export type SqlRunner = (sql: string) => Promise<ResultTable>;

const REJECT_FIELDS: readonly RejectedRow["field"][] = ["customer", "date", "amount", "row"];

/** The names one summary's tables get: distinct per run, so a failed run's leftovers never meet the next. */
export function namesFor(run: number): SqlNames {
  return { staged: `spx_orders_${run}`, rejectErrors: `spx_reject_errors_${run}`, rejectScans: `spx_reject_scans_${run}` };
}

/** The summary SQL's view of a source. */
function summarySource(source: OrderSource, sniff: FileSniff): SummarySource {
  return source.kind === "csv" ? { kind: "csv", path: source.fileName, sniff } : { kind: "table", table: source.table, columnCount: sniff.headers.length };
}

/**
 * The whole summary, in summaryPlan's order: stage the rows once (every field read, problems noted), choose
 * the analysis day, count and list the rejected rows, then the customer and period summaries the request
 * asks for; the staged rows are dropped at the end, whatever happened. When no row can be read there is
 * nothing to summarise (no customers, no periods, analysis date 0) but the rejected rows still say why.
 */
export async function runSummary(
  sql: SqlRunner,
  source: OrderSource,
  sniff: FileSniff,
  request: SummaryRequest,
  names: SqlNames,
  progress: (update: SummaryProgress) => void,
): Promise<Omit<SummaryResult, "elapsedMs">> {
  const plan = summaryPlan(summarySource(source, sniff), request, { sums: "exact", names, listedRejects: MAX_LISTED_REJECTS });
  progress({ phase: "summarising", fraction: 0 });
  try {
    for (const statement of plan.setup) await sql(statement);
    await sql(plan.stage);
    progress({ phase: "summarising", fraction: 0.6 });
    let analysisDay = plan.requestedDay;
    if (analysisDay === undefined) {
      const latest = (await sql(plan.latestDay)).getChild("latest_day");
      analysisDay = latest === null || latest.nullCount > 0 ? undefined : Number(latest.get(0));
    }
    const rejects = plan.rejects(analysisDay ?? 0);
    const counts = await sql(rejects.count);
    const first = await sql(rejects.first);
    const customersSql = analysisDay === undefined ? undefined : plan.customers(analysisDay);
    const customers = customersSql === undefined ? undefined : customerColumns(await sql(customersSql));
    progress({ phase: "summarising", fraction: 0.9 });
    const periodsSql = analysisDay === undefined ? undefined : plan.periods(analysisDay);
    const periods = periodsSql === undefined ? undefined : periodColumns(await sql(periodsSql));
    progress({ phase: "collecting" });
    return {
      rows: scalar(counts, "data_rows"),
      rejectedCount: scalar(counts, "rejected"),
      rejected: rejectedRows(first),
      analysisDate: analysisDay ?? 0,
      ...(customers === undefined ? {} : { customers }),
      ...(periods === undefined ? {} : { periods }),
    };
  } finally {
    for (const statement of plan.cleanup) await sql(statement).catch(() => undefined);
  }
}

function customerColumns(table: ResultTable): CustomerSummary {
  return {
    ids: texts(table, "id"),
    firstOrder: numbers(table, "first_order"),
    lastOrder: numbers(table, "last_order"),
    orders: numbers(table, "orders"),
    amount: numbers(table, "amount"),
    windowOrders: numbers(table, "window_orders"),
    windowAmount: numbers(table, "window_amount"),
    recencyDays: numbers(table, "recency_days"),
    clvFrequency: numbers(table, "clv_frequency"),
    clvRecency: numbers(table, "clv_recency"),
    clvT: numbers(table, "clv_t"),
    clvMonetary: numbers(table, "clv_monetary"),
  };
}

function periodColumns(table: ResultTable): PeriodSummary {
  return { periodStart: numbers(table, "period_start"), dimension: texts(table, "dimension"), orders: numbers(table, "orders"), amount: numbers(table, "amount") };
}

function rejectedRows(table: ResultTable): RejectedRow[] {
  if (table.numRows === 0) return [];
  const lines = numbers(table, "line");
  const fields = texts(table, "field");
  const text = texts(table, "text");
  return Array.from(lines, (line, i) => {
    const field = fields[i] as RejectedRow["field"];
    if (!REJECT_FIELDS.includes(field)) throw new Error(`the summary names an unknown rejected field "${field}"`);
    return { line, field, text: text[i]! };
  });
}
