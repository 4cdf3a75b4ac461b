/**
 * The import bench's baseline: the same per-customer summary in plain JavaScript, streaming — the file
 * read through a TextDecoderStream, split into lines and fields (quotes respected), dates and amounts read
 * by the core's own readers, one Map entry per customer. What a pane could do without DuckDB; measured in
 * the same page as the engine (bench/import.mjs). Bundled only into the engine's test page, never dist/.
 */
import { serialFromText } from "../src/core/shared/excel-date";
import { numberFromText } from "../src/core/shared/number-text";

interface Customer {
  first: number;
  last: number;
  orders: number;
  amount: number;
}

/** Splits one CSV line on commas outside double quotes, unquoting fields. */
function fields(line: string): string[] {
  if (!line.includes('"')) return line.split(",");
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === "," && !quoted) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Customers, rows and rejected rows of a CSV (header on line 1) with customer, date and amount at the given columns. */
export async function baselineSummary(file: Blob, encoding: string, columns: { customer: number; date: number; amount: number }): Promise<{ customers: number; rows: number; rejected: number; elapsedMs: number }> {
  const started = performance.now();
  const byCustomer = new Map<string, Customer>();
  let rows = 0;
  let rejected = 0;
  let rest = "";
  let header = true;
  const take = (line: string) => {
    if (header) {
      header = false;
      return;
    }
    if (line === "") return;
    rows++;
    const f = fields(line.endsWith("\r") ? line.slice(0, -1) : line);
    const id = f[columns.customer];
    const day = f[columns.date] === undefined ? undefined : serialFromText(f[columns.date]!);
    const amount = f[columns.amount] === undefined ? undefined : numberFromText(f[columns.amount]!);
    if (id === undefined || id === "" || day === undefined || amount === undefined) {
      rejected++;
      return;
    }
    const whole = Math.floor(day);
    const customer = byCustomer.get(id);
    if (customer === undefined) byCustomer.set(id, { first: whole, last: whole, orders: 1, amount });
    else {
      if (whole < customer.first) customer.first = whole;
      if (whole > customer.last) customer.last = whole;
      customer.orders++;
      customer.amount += amount;
    }
  };
  const reader = file.stream().pipeThrough(new TextDecoderStream(encoding)).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const lines = (rest + value).split("\n");
    rest = lines.pop()!;
    for (const line of lines) take(line);
  }
  take(rest);
  return { customers: byCustomer.size, rows, rejected, elapsedMs: performance.now() - started };
}
