import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack, { Compilation, Compiler, sources } from "webpack";
import { ZhMetadataPlugin } from "../../scripts/zh-metadata-plugin.cjs";
import { FUNCTION_METADATA_ZH } from "../../src/i18n/function-metadata-zh";
import { PARAMETER_NAMES_ZH } from "../../src/i18n/parameter-names";

/**
 * The build step, run by webpack itself: given a functions.json (here a stand-in for the one
 * custom-functions-metadata-plugin generates), the plugin writes functions-zh-CN.json — or the build
 * fails, naming what lacks a translation.
 */

interface Metadata {
  functions: { id: string; name: string; description?: string; parameters: { name: string; description?: string; type: string }[] }[];
}

/** A functions.json with exactly the functions and parameters the translation tables describe. */
function describedFunctions(): Metadata {
  return {
    functions: Object.entries(FUNCTION_METADATA_ZH).map(([id, text]) => ({
      id,
      name: id,
      description: "English.",
      parameters: Object.keys(text.parameters).map((name) => ({ name, description: "English.", type: "any" })),
    })),
  };
}

/** Emits `functions.json` the way the metadata plugin does, before the Chinese plugin derives its file. */
class EmitFunctionsJson {
  constructor(private readonly metadata: Metadata) {}
  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap("EmitFunctionsJson", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EmitFunctionsJson", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("functions.json", new sources.RawSource(JSON.stringify(this.metadata)));
      });
    });
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "zh-metadata-"));
  writeFileSync(join(dir, "entry.js"), "export {};\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(metadata: Metadata, out: string): Promise<{ errors: string[]; output: string }> {
  const compiler = webpack({
    mode: "production",
    context: dir,
    entry: "./entry.js",
    output: { path: join(dir, out), filename: "functions.js", clean: true },
    plugins: [new EmitFunctionsJson(metadata), new ZhMetadataPlugin()],
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || !stats) return reject(error ?? new Error("no stats"));
      resolve({ errors: stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message), output: join(dir, out) });
    });
  });
}

describe("ZhMetadataPlugin in a webpack build", () => {
  it("writes functions-zh-CN.json: the same functions, Chinese names and descriptions", async () => {
    const { errors, output } = await build(describedFunctions(), "ok");
    expect(errors).toEqual([]);
    const zh = JSON.parse(readFileSync(join(output, "functions-zh-CN.json"), "utf8")) as Metadata;
    const aov = zh.functions.find((f) => f.id === "KPI.AOV")!;
    expect(aov.name).toBe("KPI.AOV");
    expect(aov.description).toBe(FUNCTION_METADATA_ZH["KPI.AOV"]!.description);
    expect(aov.parameters.map((p) => p.name)).toEqual([PARAMETER_NAMES_ZH.revenue, PARAMETER_NAMES_ZH.orders]);
  });

  it("fails the build when a function has no translation, and writes no Chinese file", async () => {
    const metadata = describedFunctions();
    metadata.functions.push({ id: "KPI.NEW", name: "KPI.NEW", parameters: [{ name: "revenue", type: "number" }] });
    const { errors, output } = await build(metadata, "new-function");
    expect(errors).toEqual([expect.stringContaining("ZhMetadataPlugin: KPI.NEW has no Chinese description")]);
    expect(existsSync(join(output, "functions-zh-CN.json"))).toBe(false);
  });

  it("fails the build when a parameter has no translation", async () => {
    const metadata = describedFunctions();
    metadata.functions.find((f) => f.id === "KPI.AOV")!.parameters.push({ name: "refunds", type: "number" });
    const { errors } = await build(metadata, "new-parameter");
    expect(errors).toEqual([
      expect.stringContaining("KPI.AOV, parameter refunds has no Chinese name"),
      expect.stringContaining("KPI.AOV, parameter refunds has no Chinese description"),
    ]);
  });

  it("fails the build when a translation names a function that is gone", async () => {
    const metadata = describedFunctions();
    metadata.functions = metadata.functions.filter((f) => f.id !== "KPI.CHURN");
    const { errors } = await build(metadata, "removed-function");
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("describes KPI.CHURN, which is not a function of functions.json"),
        expect.stringContaining("names lost, which is no function's parameter"),
      ]),
    );
  });
});
