import type { FileSniff, SummaryRequest } from "../../../../core/import/contract";
import type { SummaryProgress, SummaryResult } from "../engine-contract";
import { scalar, type ResultTable } from "./collect";

/** Where the file is for the summary SQL: a registered CSV file's name, or a table of text columns. */
export type OrderSource = { readonly kind: "csv"; readonly fileName: string } | { readonly kind: "table"; readonly table: string };

export type SqlRunner = (sql: string) => Promise<ResultTable>;

export async function runSummary(sql: SqlRunner, source: OrderSource, _sniff: FileSniff, _request: SummaryRequest, progress: (p: SummaryProgress) => void): Promise<Omit<SummaryResult, "elapsedMs">> {
  progress({ phase: "summarising" });
  const from = source.kind === "csv" ? `read_csv('${source.fileName}', all_varchar = true)` : source.table;
  const rows = scalar(await sql(`SELECT count(*)::DOUBLE AS n FROM ${from}`), "n");
  return { rows, rejectedCount: 0, rejected: [], analysisDate: 0 };
}
