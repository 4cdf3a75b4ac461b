import { Float64, Int64, Table, Utf8, makeVector, tableFromArrays, vectorFromArray } from "apache-arrow";
import { numbers, scalar, texts } from "../../../src/taskpane/features/import/engine/collect";

describe("reading the summary's columns", () => {
  it("reads DOUBLE columns as they are and widens INTEGER columns to Float64Array", () => {
    const table = tableFromArrays({ amount: Float64Array.from([1.5, -2.25]), day: Int32Array.from([45352, 45353]) });
    expect(numbers(table, "amount")).toEqual(Float64Array.from([1.5, -2.25]));
    expect(numbers(table, "day")).toEqual(Float64Array.from([45352, 45353]));
  });

  it("reads a column split over several record batches in order", () => {
    const part = (amounts: number[], ids: string[]) => new Table({ amount: vectorFromArray(amounts, new Float64()), id: vectorFromArray(ids, new Utf8()) });
    const first = part([1, 2], ["a", "b"]);
    const second = part([3], ["客户3"]);
    const table = new Table([...first.batches, ...second.batches]);
    expect(numbers(table, "amount")).toEqual(Float64Array.from([1, 2, 3]));
    expect(texts(table, "id")).toEqual(["a", "b", "客户3"]);
  });

  it("refuses a BIGINT column (it would arrive as BigInt) rather than guessing", () => {
    const table = new Table({ n: makeVector({ type: new Int64(), data: BigInt64Array.from([1n]) } as never) });
    expect(() => numbers(table, "n")).toThrow('the summary\'s column "n" is not a DOUBLE or INTEGER column');
  });

  it("refuses empty values (NULL), a missing column and a non-text column read as text", () => {
    const table = new Table({ id: vectorFromArray(["a", null], new Utf8()), amount: vectorFromArray([1, 2]) });
    expect(() => texts(table, "id")).toThrow('the summary\'s column "id" has 1 empty values');
    expect(() => numbers(table, "orders")).toThrow('the summary has no column "orders"');
    expect(() => texts(table, "amount")).toThrow('the summary\'s column "amount" is not a VARCHAR column');
  });

  it("reads one number of a one-row result, and refuses more rows", () => {
    expect(scalar(tableFromArrays({ rows: Float64Array.from([1100000]) }), "rows")).toBe(1100000);
    expect(() => scalar(tableFromArrays({ rows: Float64Array.from([1, 2]) }), "rows")).toThrow('expected one row for "rows", got 2');
  });
});
