/**
 * The production build (dist/) served as Excel would load it, but on 127.0.0.1 and without the internet:
 * a static server for the browser tests (test/browser) and `npm run bench`.
 *
 * taskpane.html asks for office.js on Microsoft's CDN, and its Content-Security-Policy names that CDN
 * folder. Here the page is served with the CDN's origin replaced by this server's — in the script tag and
 * in the policy alike, so the policy under test is the production one with one origin swapped — and the
 * CDN folder's files (office.js and what it loads) come from node_modules/@microsoft/office-js/dist.
 * GET and HEAD only; anything outside those folders is a 404.
 */
const { createServer } = require("node:http");
const { existsSync, readFileSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { contentType, fileInside } = require("./static-files.cjs");

const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const OFFICE_JS_DIR = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");


/**
 * Where taskpane.html loads office.js from: the CDN's origin ("https://host") and folder ("/lib/1/hosted/").
 * Throws when the page has no such script tag.
 */
function officeJsSource(html) {
  const match = /<script[^>]*\ssrc="?(https:\/\/[^/"\s>]+)(\/[^"\s>]*\/)office\.js"?/.exec(html);
  if (!match) throw new Error("dist/taskpane.html loads no office.js from a CDN");
  return { origin: match[1], folder: match[2] };
}


/**
 * Starts the server on 127.0.0.1 (a free port). Resolves to its origin ("http://127.0.0.1:port"), the
 * production page's office.js source, the page as served, and a close function.
 */
async function startPaneServer() {
  const pagePath = join(DIST, "taskpane.html");
  if (!existsSync(pagePath)) throw new Error("dist/taskpane.html is missing: run `npm run build` first");
  const productionPage = readFileSync(pagePath, "utf8");
  const cdn = officeJsSource(productionPage);
  let servedPage = "";

  const server = createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url || "/", "http://127.0.0.1").pathname);
    } catch {
      pathname = undefined; // a malformed path: 404 below
    }
    const ok = request.method === "GET" || request.method === "HEAD";
    let body;
    let type;
    if (ok && pathname === "/taskpane.html") {
      body = Buffer.from(servedPage);
      type = contentType("taskpane.html");
    } else if (ok && pathname !== undefined) {
      const file = pathname.startsWith(cdn.folder) ? fileInside(OFFICE_JS_DIR, pathname.slice(cdn.folder.length)) : fileInside(DIST, pathname);
      if (file !== undefined) {
        body = readFileSync(file);
        type = contentType(file);
      }
    }
    if (body === undefined) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "Content-Type": type, "Content-Length": body.length, "Cache-Control": "no-store" });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", done);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  servedPage = productionPage.split(cdn.origin).join(origin);
  const close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return { origin, cdn, productionPage, servedPage, close };
}

module.exports = { startPaneServer, officeJsSource, DIST, OFFICE_JS_DIR };
