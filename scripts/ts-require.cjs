/**
 * Lets a Node script require the repository's TypeScript (test/support, src) without a build or a new
 * dependency: each `.ts` file is transpiled on load with the TypeScript compiler already in
 * devDependencies (types are not checked here; `npm run typecheck` does that), as ts-jest does for jest.
 *
 * require("./ts-require.cjs"); require("../test/support/fuzz/index.ts");
 */
const { readFileSync } = require("node:fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true,
};

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
