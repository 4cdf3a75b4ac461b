/**
 * What the two local static servers (scripts/pane-server.cjs for the browser tests and the bench,
 * scripts/workbench-server.cjs for the workbench) share: the content type of a served file, and whether a
 * path stays inside the folder it is served from.
 */
const { existsSync, statSync } = require("node:fs");
const { extname, join, normalize, sep } = require("node:path");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  // The import engine's WebAssembly: streaming compilation refuses any other type.
  ".wasm": "application/wasm",
};

/** The Content-Type header for a file, by its extension. */
function contentType(file) {
  return CONTENT_TYPES[extname(file)] || "application/octet-stream";
}

/** The file under `dir` that `relative` names, or undefined when it is not a file inside `dir`. */
function fileInside(dir, relative) {
  const file = normalize(join(dir, relative));
  return file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

module.exports = { contentType, fileInside };
