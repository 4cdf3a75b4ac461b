import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The manifest must require the Excel API the gateway calls, so that Excel never loads the add-in where a
 * write would fail half-way: Range.getRangeByIndexes / Worksheet.getRangeByIndexes (ExcelApi 1.7),
 * getItemOrNullObject and sheet-scoped names (1.4), charts and tables (1.1); and the shared runtime.
 */
const manifest = readFileSync(resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
const sets = new Map([...manifest.matchAll(/<Set Name="([^"]+)" MinVersion="([\d.]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
const atLeast = (version: string | undefined, min: string) => {
  if (version === undefined) return false;
  const [a, b] = version.split(".").map(Number) as [number, number];
  const [c, d] = min.split(".").map(Number) as [number, number];
  return a > c || (a === c && b >= d);
};

describe("manifest requirements", () => {
  it("require ExcelApi 1.7 or later (the gateway's getRangeByIndexes)", () => {
    expect(atLeast(sets.get("ExcelApi"), "1.7")).toBe(true);
  });

  it("require the shared runtime the pane and the functions share", () => {
    expect(atLeast(sets.get("SharedRuntime"), "1.1")).toBe(true);
  });

  it("the gateway uses no API newer than the manifest requires", () => {
    const gateway = readFileSync(resolve(__dirname, "..", "..", "src", "excel", "office-gateway.ts"), "utf8");
    expect(gateway).toContain("getRangeByIndexes(");
    // APIs of later sets (ExcelApi 1.9 and up) that would need a higher MinVersion if the gateway used them.
    for (const tooNew of ["getSpillingToRange", "getMergedAreasOrNullObject", "linkedDataTypes", "getDirectPrecedents"]) {
      expect(gateway.includes(tooNew)).toBe(false);
    }
  });
});
