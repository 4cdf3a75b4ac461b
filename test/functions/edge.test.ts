import { CoreError, fail } from "../../src/core/shared/errors";
import { describe as describeError, formatNumber, run } from "../../src/functions/shared/edge";
import { excelError, withOfficeLanguage } from "../support/excel-call";

describe("the custom-function edge", () => {
  it("passes results through untouched", () => {
    expect(run(() => [[1, "a"], [2.5, "b"]])).toEqual([[1, "a"], [2.5, "b"]]);
    expect(run(() => 42)).toBe(42);
  });

  it.each([
    ["NaN", () => Number.NaN],
    ["Infinity", () => Number.POSITIVE_INFINITY],
    ["a matrix holding -Infinity", () => [[1], [Number.NEGATIVE_INFINITY]]],
    ["a matrix holding undefined", () => [[1, undefined]]],
    ["a matrix holding null", () => [[null]]],
    ["undefined", () => undefined],
  ])("never lets %s reach a cell (#NUM!)", (_, body) => {
    expect(excelError(() => run(body as () => unknown)).code).toBe("#NUM!");
  });

  it("maps core errors to their Excel kind; only #VALUE! and #N/A carry a message", () => {
    expect(excelError(() => run(() => { throw fail("DIVISION_BY_ZERO", { arg: "orders" }, "div0"); }))).toEqual({ code: "#DIV/0!", message: undefined });
    expect(excelError(() => run(() => { throw fail("RESULT_OUT_OF_RANGE", { arg: "target" }, "num"); }))).toEqual({ code: "#NUM!", message: undefined });
    expect(excelError(() => run(() => { throw fail("EMPTY", { arg: "training" }, "na"); }))).toEqual({
      code: "#N/A",
      message: "training is empty. Select the cells that hold the data.",
    });
  });

  it("turns a bug into #VALUE! with a message to report, never an uncaught exception", () => {
    const shown = excelError(() => run(() => { throw new TypeError("x is not a function"); }));
    expect(shown).toEqual({ code: "#VALUE!", message: "Unexpected problem (x is not a function). Please report it with the formula." });
    const zh = withOfficeLanguage("zh-CN", () => excelError(() => run(() => { throw new Error("boom"); })));
    expect(zh.message).toBe("意外错误（boom）。请连同公式一起反馈给我们。");
  });

  it("formats numbers in messages without float noise", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-1)).toBe("-1");
    expect(formatNumber(1234567.891)).toBe("1234567.891");
  });

  it("still throws an error carrying the code where the runtime lacks CustomFunctions.Error (office.js in a plain browser)", () => {
    const runtime = CustomFunctions as unknown as { Error?: unknown };
    const saved = runtime.Error;
    runtime.Error = undefined;
    try {
      expect(() => run(() => { throw fail("EMPTY", { arg: "rates" }); })).toThrow(
        expect.objectContaining({ code: "#VALUE!", message: "rates is empty. Select the cells that hold the data." }),
      );
    } finally {
      runtime.Error = saved;
    }
  });

  it("says 1 cell, 2 cells", () => {
    const mismatch = (length: number) => new CoreError("LENGTH_MISMATCH", { arg: "b", length, otherArg: "a", otherLength: 3 });
    expect(describeError(mismatch(1), "en")).toBe("b has 1 cell but a has 3. Select ranges of the same size.");
    expect(describeError(mismatch(2), "en")).toBe("b has 2 cells but a has 3. Select ranges of the same size.");
  });
});
