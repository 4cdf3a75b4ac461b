import { DataType, DateDay, Decimal, Field, Float64, Int32, TimestampMillisecond, Utf8, makeBuilder } from "apache-arrow";
import { columnTypeOf, decimalText, textOf } from "../../../src/taskpane/features/import/engine/arrow-text";

/** An Arrow decimal value (128-bit, four little-endian words) as apache-arrow's reader returns it. */
function decimalValue(unscaled: bigint, scale: number): { value: unknown; type: DataType } {
  const type = new Decimal(scale, 18, 128);
  const builder = makeBuilder({ type });
  const words = new Uint32Array(4);
  let v = BigInt.asUintN(128, unscaled);
  for (let i = 0; i < 4; i++, v >>= 32n) words[i] = Number(v & 0xffffffffn);
  builder.append(words as never);
  return { value: builder.finish().toVector().get(0), type };
}

describe("textOf: Parquet values as DuckDB's CAST(… AS VARCHAR) writes them", () => {
  it("writes dates as 2024-03-01 and timestamps as 2024-03-01 10:05:09 (milliseconds only when there are some)", () => {
    expect(textOf(Date.UTC(2024, 2, 1), new DateDay())).toBe("2024-03-01");
    expect(textOf(Date.UTC(2024, 2, 1, 10, 5, 9), new TimestampMillisecond())).toBe("2024-03-01 10:05:09");
    expect(textOf(Date.UTC(2024, 2, 1, 10, 5, 9, 7), new TimestampMillisecond())).toBe("2024-03-01 10:05:09.007");
  });

  it("writes decimals with their scale, negative ones included, and integers and doubles as JavaScript does", () => {
    const price = decimalValue(120050n, 2);
    expect(textOf(price.value, price.type)).toBe("1200.50");
    const refund = decimalValue(-5n, 2);
    expect(textOf(refund.value, refund.type)).toBe("-0.05");
    expect(textOf(1001, new Int32())).toBe("1001");
    expect(textOf(12345678901234n, new Int32())).toBe("12345678901234");
    expect(textOf(1200.5, new Float64())).toBe("1200.5");
  });

  it("writes an empty value as empty text", () => {
    expect(textOf(null, new Utf8())).toBe("");
    expect(textOf(undefined, new Float64())).toBe("");
  });
});

describe("decimalText", () => {
  it.each([
    [0n, 2, "0.00"],
    [7n, 3, "0.007"],
    [123n, 0, "123"],
    [-120050n, 2, "-1200.50"],
  ])("writes %p at scale %p as %p", (unscaled, scale, text) => {
    expect(decimalText(unscaled, scale)).toBe(text);
  });
});

describe("columnTypeOf", () => {
  it("takes dates and numbers from the Arrow type, judges text by its values, and calls an all-empty column empty", () => {
    expect(columnTypeOf(new Field("day", new DateDay()), ["2024-03-01"])).toBe("date");
    expect(columnTypeOf(new Field("amount", new Float64()), ["1.5"])).toBe("number");
    expect(columnTypeOf(new Field("when", new Utf8()), ["2024年3月1日", "2024/3/2"])).toBe("date");
    expect(columnTypeOf(new Field("amount", new Utf8()), ["¥1,200", "1.2万"])).toBe("number");
    expect(columnTypeOf(new Field("customer", new Utf8()), ["客户12", "C000034"])).toBe("text");
    expect(columnTypeOf(new Field("note", new Utf8()), ["", ""])).toBe("empty");
  });
});
