import { formatCell, formatNumber } from "../../src/workbench/format";

describe("the workbench grid's number formats", () => {
  it.each([
    [0.0525, "0.0%", "5.3%"],
    [0.5, "0%", "50%"],
    [120000000, "#,##0", "120,000,000"],
    [1234.5, "#,##0.00", "1,234.50"],
    [2.5, "0.00", "2.50"],
    [46037, "yyyy-mm-dd", "2026-01-15"],
    [45657, "yyyy/m/d", "2024-12-31"],
    [1 / 3, undefined, "0.3333333333"],
    [2000, undefined, "2000"],
  ])("shows %p under %p as %p", (value, format, shown) => {
    expect(formatCell(value, format)).toBe(shown);
  });

  it("shows text, booleans and empty cells as they are", () => {
    expect(formatCell("重要价值客户", "#,##0")).toBe("重要价值客户");
    expect(formatCell(true, undefined)).toBe("TRUE");
    expect(formatCell(null, "0%")).toBe("");
  });

  it.each([
    // Excel's rules: a comma after the last placeholder divides by 1,000; `!.` is a literal point.
    [12_345_678, '0!.0,"万"', "1234.6万"],
    [50_000_000, '0!.0,"万"', "5000.0万"],
    [-12_345_678, '0!.0,"万"', "-1234.6万"],
    [40, '0!.0,"万"', "0.0万"],
    [12_345_678, '#,##0.0,,"百万"', "12.3百万"],
    [1234, "#,##0.##", "1,234."],
    [1234.5, "#,##0.##", "1,234.5"],
    [1234.5678, "#,##0.0###", "1,234.5678"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [0.0525, "0.0%", "5.3%"],
  ])("formats %p under %p as Excel does: %p", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
    expect(formatCell(value, format)).toBe(shown);
  });

  it("leaves dates and formats outside its subset to the engine", () => {
    expect(formatNumber(45657, "yyyy年m月d日")).toBeUndefined();
    expect(formatNumber(1, "0.00E+00")).toBeUndefined();
  });
});
