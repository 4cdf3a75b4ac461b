/**
 * The workbench's static server, on 127.0.0.1 only: dist-workbench/ (the workbench page and its bundles)
 * at the root, the Excel build dist/ under /addin/, and the workbooks of examples/ as cell data
 * (GET /examples/<name>.json reads examples/<name>.xlsx with exceljs, see xlsx-cells.cjs). GET and HEAD
 * only; anything else, and any path outside those folders, is a 404. Used by `npm run workbench`
 * (scripts/workbench.mjs) and the end-to-end tests (test/e2e).
 */
const { createServer } = require("node:http");
const { existsSync, readFileSync, statSync } = require("node:fs");
const { join, normalize, resolve, sep } = require("node:path");
const { readXlsxCells } = require("./xlsx-cells.cjs");
const { contentType } = require("./static-files.cjs");

const ROOT = resolve(__dirname, "..");
const WORKBENCH_DIR = join(ROOT, "dist-workbench");
const ADDIN_DIR = join(ROOT, "dist");
const EXAMPLES_DIR = join(ROOT, "examples");


/** The file a URL path names, or undefined when it is outside the served folders. */
function safePathname(url) {
  try {
    return decodeURIComponent(new URL(url || "/", "http://127.0.0.1").pathname);
  } catch {
    return undefined; // a malformed path: 404
  }
}

function fileFor(pathname) {
  const [dir, rest] = pathname.startsWith("/addin/") ? [ADDIN_DIR, pathname.slice("/addin".length)] : [WORKBENCH_DIR, pathname === "/" ? "/index.html" : pathname];
  const file = normalize(join(dir, rest));
  return file.startsWith(dir + sep) ? file : undefined;
}

/** examples/<name>.xlsx for /examples/<name>.json, or undefined. */
function exampleFor(pathname) {
  const match = /^\/examples\/([\w.-]+)\.json$/.exec(pathname);
  if (!match) return undefined;
  const file = join(EXAMPLES_DIR, `${match[1]}.xlsx`);
  return existsSync(file) ? file : undefined;
}

function handle(request, response) {
  const pathname = safePathname(request.url);
  const example = pathname === undefined ? undefined : exampleFor(pathname);
  if (example !== undefined && (request.method === "GET" || request.method === "HEAD")) {
    readXlsxCells(example).then(
      (sheets) => {
        const body = Buffer.from(JSON.stringify({ sheets }));
        response.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length, "Cache-Control": "no-store" });
        response.end(request.method === "HEAD" ? undefined : body);
      },
      (error) => response.writeHead(500, { "Content-Type": "text/plain" }).end(String(error && error.message)),
    );
    return;
  }
  const file = pathname === undefined ? undefined : fileFor(pathname);
  if ((request.method !== "GET" && request.method !== "HEAD") || !file || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    return;
  }
  const body = readFileSync(file);
  response.writeHead(200, {
    "Content-Type": contentType(file),
    "Content-Length": body.length,
    "Cache-Control": "no-store",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** The files the page needs; a missing one names the build that makes it. */
function missingFiles() {
  const needed = [
    [join(WORKBENCH_DIR, "index.html"), "npm run build:workbench"],
    [join(WORKBENCH_DIR, "workbench.js"), "npm run build:workbench"],
    [join(ADDIN_DIR, "functions.js"), "npm run build"],
    [join(ADDIN_DIR, "taskpane.js"), "npm run build"],
    [join(ADDIN_DIR, "functions.json"), "npm run build"],
    [join(ADDIN_DIR, "manifest.xml"), "npm run build"],
  ];
  return needed.filter(([file]) => !existsSync(file)).map(([file, command]) => `${file.slice(ROOT.length + 1)} (${command})`);
}

/**
 * Starts the server on 127.0.0.1:`port` (0: a free port). Resolves to its URL and a close function;
 * rejects when the port is taken or a built file is missing.
 */
async function startWorkbenchServer(port = 0) {
  const missing = missingFiles();
  if (missing.length > 0) throw new Error(`the workbench needs a build first; missing: ${missing.join(", ")}`);
  const server = createServer(handle);
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", done);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return { url, close };
}

module.exports = { startWorkbenchServer, WORKBENCH_DIR, ADDIN_DIR };
