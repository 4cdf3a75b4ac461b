/**
 * A page that holds only the Import page's engine (src/taskpane/features/import/engine), for its browser
 * test (test/browser/import-engine.browser.test.ts) and `npm run bench`: built by webpack with the
 * production build's asset rules (scripts/engine-assets.cjs) into a temporary folder, and served on
 * 127.0.0.1 under the production page's Content-Security-Policy (taken from src/taskpane/taskpane.html),
 * with .wasm as application/wasm. The page exposes `window.__importEngine` ({ sniffFile,
 * createOrderFileEngine, EngineError }) and has an <input type=file id=file> to hand it files from disk.
 *
 * Test code, never in dist/: the folder is made under the system's temporary directory.
 */
const { TYPESCRIPT_RULE } = require("./typescript-rule.cjs");
const { createServer } = require("node:http");
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");
const { ENGINE_ASSET_RULES } = require("./engine-assets.cjs");
const { contentType, fileInside } = require("./static-files.cjs");

const ROOT = resolve(__dirname, "..");
const ENTRY = join(ROOT, "test", "support", "engine-harness-page.ts");

/** The production page's policy with office.js's CDN folder taken out (the harness loads no office.js). */
function productionPolicy() {
  const html = readFileSync(join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match) throw new Error("src/taskpane/taskpane.html has no Content-Security-Policy");
  return match[1].replace(/ https:\/\/[^\s;]+/g, "");
}

/** Builds the harness into a new temporary folder; resolves to the folder. */
async function buildEngineHarness() {
  const webpack = require("webpack");
  const dir = mkdtempSync(join(tmpdir(), "engine-harness-"));
  const compiler = webpack({
    mode: "production",
    context: ROOT,
    devtool: false,
    entry: { harness: ENTRY },
    output: { path: dir, filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", publicPath: "auto" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        TYPESCRIPT_RULE,
        ...ENGINE_ASSET_RULES,
      ],
    },
    // Minifying ~1 MB of DuckDB's and Arrow's JavaScript takes longer than the tests it serves.
    optimization: { minimize: false },
    performance: { hints: false },
  });
  const stats = await new Promise((done, fail) => compiler.run((error, result) => (error ? fail(error) : done(result))));
  await new Promise((done) => compiler.close(done));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${productionPolicy()}" />\n    <title>Import engine</title>\n    <script src="harness.js"></script>\n  </head>\n  <body>\n    <input type="file" id="file" />\n  </body>\n</html>\n`,
  );
  return dir;
}

/** Builds the harness and serves it on 127.0.0.1 (a free port): resolves to its origin and a close function. */
async function startEngineHarness() {
  const dir = await buildEngineHarness();
  const server = createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url || "/", "http://127.0.0.1").pathname);
    } catch {
      pathname = undefined;
    }
    if (pathname === "/favicon.ico") {
      response.writeHead(204).end(); // the browser's own request for a tab icon: no console error for it
      return;
    }
    const file = pathname === undefined ? undefined : fileInside(dir, pathname === "/" ? "/index.html" : pathname);
    if ((request.method !== "GET" && request.method !== "HEAD") || file === undefined) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, { "Content-Type": contentType(file), "Content-Length": body.length, "Cache-Control": "no-store" });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => {
        rmSync(dir, { recursive: true, force: true });
        done();
      });
    });
  return { origin, dir, close };
}

module.exports = { buildEngineHarness, startEngineHarness };
