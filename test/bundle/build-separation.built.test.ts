import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { minify } from "terser";
import ts from "typescript";
import { DIST, distFile } from "../support/dist";

/**
 * dist/ is what Excel loads: none of the code that only tests and the workbench may use is in it.
 * - HyperFormula (GPL-3.0), a development dependency of the workbench and the tests. The workbench is
 *   built apart (webpack.workbench.config.js → dist-workbench/) and ESLint keeps src/ outside
 *   src/workbench from importing it.
 * - The in-memory test workbook (src/excel/memory-gateway.ts) with its failure-injection switch: outside
 *   Excel the pane uses OutsideExcelGateway, and ESLint keeps test doubles out of src/.
 * - office-addin-mock (Microsoft's mock of the Excel object model) and fast-check (property tests).
 * Each is recognised by strings that survive minification (property names, message literals); each
 * "would notice" case shows the markers are in that code's own shipped or minified form.
 */

const ROOT = resolve(__dirname, "..", "..");

const MARKERS: Readonly<Record<string, readonly RegExp[]>> = {
  HyperFormula: [/gpl-v3/, /HyperFormula/i],
  "the in-memory test gateway": [/\bfailNextWrite\b/, /\bfailAfterBlocks\b/, /\bblocksWritten\b/],
  "office-addin-mock": [/property was not loaded/, /context\.sync\(\) was not called/],
  "fast-check": [/Property failed after/, /fast-check/],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** "<file> has <what> (<marker>)" for every marker found in a text file of dist/. */
function testCodeInDist(): string[] {
  distFile("functions.js"); // says to build first when missing
  return filesUnder(DIST)
    .filter((file) => /\.(js|json|html|xml|txt)$/.test(file))
    .flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return Object.entries(MARKERS).flatMap(([what, markers]) =>
        markers.filter((marker) => marker.test(text)).map((marker) => `${relative(DIST, file)} has ${what} (${marker})`),
      );
    });
}

/** Every marker of `what` that `text` lacks. */
function missing(what: string, text: string): string[] {
  return MARKERS[what]!.filter((marker) => !marker.test(text)).map(String);
}

describe("the Excel build (dist/)", () => {
  it("contains no HyperFormula, no test gateway, no office-addin-mock and no fast-check", () => {
    expect(testCodeInDist()).toEqual([]);
  });

  it("is more than one script: the markers are looked for in every chunk", () => {
    const scripts = filesUnder(DIST).filter((file) => file.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(2);
  });
});

describe("would notice", () => {
  it("HyperFormula: its own minified bundle carries both markers", () => {
    expect(missing("HyperFormula", readFileSync(join(ROOT, "node_modules", "hyperformula", "dist", "hyperformula.min.js"), "utf8"))).toEqual([]);
  });

  it("the in-memory test gateway: its markers survive compiling and minifying it", async () => {
    const source = readFileSync(join(ROOT, "src", "excel", "memory-gateway.ts"), "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 } });
    const { code } = await minify(outputText, { module: true, compress: true, mangle: true });
    expect(missing("the in-memory test gateway", code ?? "")).toEqual([]);
  });

  it("office-addin-mock: its library carries both markers", () => {
    const lib = filesUnder(join(ROOT, "node_modules", "office-addin-mock", "lib")).filter((file) => file.endsWith(".js"));
    expect(missing("office-addin-mock", lib.map((file) => readFileSync(file, "utf8")).join("\n"))).toEqual([]);
  });

  it("fast-check: its bundle carries both markers", () => {
    expect(missing("fast-check", readFileSync(join(ROOT, "node_modules", "fast-check", "lib", "cjs", "fast-check.js"), "utf8"))).toEqual([]);
  });
});
