/**
 * Webpack plugin: writes functions-zh-CN.json, the Simplified Chinese custom-function metadata that Excel
 * loads in Chinese Office (manifest.xml: a <bt:Override Locale="zh-CN"> on Functions.Metadata.Url), from
 * the English functions.json that custom-functions-metadata-plugin generates from the JSDoc, and the
 * translation tables in src/i18n (parameter-names.ts, function-metadata-zh.ts). Only text differs between
 * the two files (src/i18n/localize-metadata.ts).
 *
 * A function or parameter without a translation, or a translation of something that does not exist, is a
 * compilation error: `npm run build` fails, it does not warn.
 *
 * The tables are TypeScript that the functions bundle also imports; they are read here by transpiling
 * them with the project's TypeScript (they import nothing at run time but each other).
 */
const { readFileSync } = require("node:fs");
const path = require("node:path");
const ts = require("typescript");
const { Compilation, sources, WebpackError } = require("webpack");

const NAME = "ZhMetadataPlugin";
const I18N = path.resolve(__dirname, "..", "src", "i18n");

/** A TypeScript module of ours, transpiled and run; `files` collects every file it read. */
function loadTypeScript(file, files, cache = new Map()) {
  const cached = cache.get(file);
  if (cached) return cached.exports;
  files.add(file);
  const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  const module = { exports: {} };
  cache.set(file, module);
  const requireOurs = (request) =>
    request.startsWith(".") ? loadTypeScript(`${path.resolve(path.dirname(file), request)}.ts`, files, cache) : require(request);
  new Function("exports", "require", "module", outputText)(module.exports, requireOurs, module);
  return module.exports;
}

/** The translation as it is on disk now (read on every build, so watch mode picks up edits). */
function loadTranslation() {
  const files = new Set();
  const { localizeMetadata } = loadTypeScript(path.join(I18N, "localize-metadata.ts"), files);
  const { PARAMETER_NAMES_ZH } = loadTypeScript(path.join(I18N, "parameter-names.ts"), files);
  const { FUNCTION_METADATA_ZH } = loadTypeScript(path.join(I18N, "function-metadata-zh.ts"), files);
  return { localizeMetadata, translation: { names: PARAMETER_NAMES_ZH, texts: FUNCTION_METADATA_ZH }, files };
}

class ZhMetadataPlugin {
  /** @param {{ input?: string, output?: string }} [options] asset names, in the output directory */
  constructor(options = {}) {
    this.input = options.input ?? "functions.json";
    this.output = options.output ?? "functions-zh-CN.json";
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED }, () => {
        const fail = (message) => compilation.errors.push(new WebpackError(`${NAME}: ${message}`));
        const asset = compilation.getAsset(this.input);
        // Without functions.json the metadata plugin has already reported why; say so only if it did not.
        if (!asset) {
          if (compilation.errors.length === 0) fail(`${this.input} was not generated, so ${this.output} cannot be written`);
          return;
        }
        const { localizeMetadata, translation, files } = loadTranslation();
        for (const file of files) compilation.fileDependencies.add(file);
        const { metadata, problems } = localizeMetadata(JSON.parse(asset.source.source().toString()), translation);
        if (problems.length > 0) {
          for (const problem of problems) fail(problem);
          return;
        }
        compilation.emitAsset(this.output, new sources.RawSource(`${JSON.stringify(metadata, null, 4)}\n`));
      });
    });
  }
}

module.exports = { ZhMetadataPlugin };
