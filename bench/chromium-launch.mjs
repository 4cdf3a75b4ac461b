// How the benches launch Chromium: CHROMIUM and CHROMIUM_ARGS read from test/support/chromium.ts, so they
// launch exactly as the tests do (that file is TypeScript: transpiled here, no build needed).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;

export function chromiumLaunch() {
  const ts = require("typescript");
  const source = readFileSync(join(root, "test", "support", "chromium.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } });
  const module = { exports: {} };
  runInNewContext(outputText, { module, exports: module.exports, process });
  return { executablePath: module.exports.CHROMIUM, args: module.exports.CHROMIUM_ARGS };
}
