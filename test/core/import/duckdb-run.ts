/**
 * Runs a summary plan on native DuckDB (@duckdb/node-api, the same DuckDB 1.4.3 as the pane's
 * DuckDB-wasm), in the order the engine runs it, and reads the results as the engine's SummaryResult.
 */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { SummaryRequest } from "../../../src/core/import/contract";
import { summaryPlan, SummarySource, SumMode } from "../../../src/core/import/summary-sql";
import type { CustomerSummary, PeriodSummary, RejectedRow } from "../../../src/taskpane/features/import/engine-contract";

export interface NodeSummary {
  readonly rows: number;
  readonly rejectedCount: number;
  readonly rejected: RejectedRow[];
  readonly analysisDay: number;
  readonly customers?: CustomerSummary;
  readonly periods?: PeriodSummary;
}

let instance: Promise<DuckDBInstance> | undefined;

/** One in-memory database per test file, one thread (file order within groups). */
export async function connect(): Promise<DuckDBConnection> {
  instance ??= DuckDBInstance.create(":memory:", { threads: "1" });
  return (await instance).connect();
}

export async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

const column = (records: Record<string, unknown>[], name: string) => Float64Array.from(records, (r) => r[name] as number);

export async function summarise(source: SummarySource, request: SummaryRequest, sums: SumMode = "exact"): Promise<NodeSummary> {
  const connection = await connect();
  try {
    const plan = summaryPlan(source, request, { sums });
    for (const statement of plan.setup) await connection.run(statement);
    await connection.run(plan.stage);
    let day = plan.requestedDay;
    if (day === undefined) {
      const [latest] = await rows(connection, plan.latestDay);
      if (latest?.latest_day === null || latest === undefined) throw new Error("No row reads");
      day = latest.latest_day as number;
    }
    const customersSql = plan.customers(day);
    const periodsSql = plan.periods(day);
    const rejects = plan.rejects(day);
    const [count] = await rows(connection, rejects.count);
    const first = await rows(connection, rejects.first);
    let customers: CustomerSummary | undefined;
    if (customersSql !== undefined) {
      const c = await rows(connection, customersSql);
      customers = {
        ids: c.map((r) => r.id as string),
        firstOrder: column(c, "first_order"),
        lastOrder: column(c, "last_order"),
        orders: column(c, "orders"),
        amount: column(c, "amount"),
        windowOrders: column(c, "window_orders"),
        windowAmount: column(c, "window_amount"),
        recencyDays: column(c, "recency_days"),
        clvFrequency: column(c, "clv_frequency"),
        clvRecency: column(c, "clv_recency"),
        clvT: column(c, "clv_t"),
        clvMonetary: column(c, "clv_monetary"),
      };
    }
    let periods: PeriodSummary | undefined;
    if (periodsSql !== undefined) {
      const p = await rows(connection, periodsSql);
      periods = { periodStart: column(p, "period_start"), dimension: p.map((r) => r.dimension as string), orders: column(p, "orders"), amount: column(p, "amount") };
    }
    for (const statement of plan.cleanup) await connection.run(statement);
    return {
      rows: count?.data_rows as number,
      rejectedCount: count?.rejected as number,
      rejected: first.map((r) => ({ line: r.line as number, field: r.field as RejectedRow["field"], text: r.text as string })),
      analysisDay: day,
      customers,
      periods,
    };
  } finally {
    connection.closeSync();
  }
}
