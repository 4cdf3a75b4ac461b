import { formatCell } from "../../src/workbench/format";

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
});
