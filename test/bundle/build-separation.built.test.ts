import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { DIST, distFile } from "../support/dist";

/**
 * HyperFormula (GPL-3.0) is a development dependency of the workbench and the tests: it must never enter
 * dist/, the build that Excel loads. The workbench is built apart (webpack.workbench.config.js →
 * dist-workbench/) and ESLint keeps src/ outside src/workbench from importing it; this checks the result.
 */

/** Strings every HyperFormula bundle carries, minified or not: its licence-key literal and its name. */
const MARKERS = [/gpl-v3/, /HyperFormula/i];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("the Excel build (dist/)", () => {
  it("contains no HyperFormula", () => {
    distFile("functions.js"); // says to build first when missing
    const found = filesUnder(DIST)
      .filter((file) => /\.(js|json|html|xml|txt)$/.test(file))
      .flatMap((file) => {
        const text = readFileSync(file, "utf8");
        return MARKERS.filter((marker) => marker.test(text)).map((marker) => `${relative(DIST, file)} matches ${marker}`);
      });
    expect(found).toEqual([]);
  });

  it("would notice: HyperFormula's own minified bundle carries both markers", () => {
    const bundle = readFileSync(resolve(__dirname, "..", "..", "node_modules", "hyperformula", "dist", "hyperformula.min.js"), "utf8");
    for (const marker of MARKERS) expect(bundle).toMatch(marker);
  });
});
