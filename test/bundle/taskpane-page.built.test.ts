import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { officeJsSource } from "../../scripts/pane-server.cjs";
import { distFile } from "../support/dist";

/**
 * dist/taskpane.html, the page Excel opens (the shared runtime): its Content-Security-Policy and what it
 * loads. The browser test (test/browser) shows the page working under this policy; this checks the policy
 * itself, so that loosening it is a deliberate change here.
 */

const html = readFileSync(distFile("taskpane.html"), "utf8");
const head = html.slice(0, html.indexOf("</head>"));
const cdn = officeJsSource(html);
const CDN_FOLDER = `${cdn.origin}${cdn.folder}`;

/** The policy as directive → sources, from the one meta element that carries it. */
function policy(): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/gi)];
  expect(metas).toHaveLength(1);
  return new Map(
    metas[0]![1]!
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((words) => words[0] !== "")
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** CSP's hash source for an inline element with this text. */
const hashSource = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("taskpane.html's Content-Security-Policy", () => {
  const directives = policy();

  it("comes before anything it governs: no script, style or link precedes it", () => {
    const at = head.search(/<meta\s+http-equiv="?Content-Security-Policy/i);
    expect(at).toBeGreaterThan(0);
    expect(head.slice(0, at)).not.toMatch(/<(script|style|link)\b/i);
  });

  it("allows nothing by default", () => {
    expect(directives.get("default-src")).toEqual(["'none'"]);
  });

  it("runs scripts only from the add-in's origin and office.js's CDN folder: no inline script, no eval; WebAssembly compiles", () => {
    expect(cdn.origin).toMatch(/^https:\/\//);
    // 'wasm-unsafe-eval' allows WebAssembly.compile and nothing else (the Import page's engine), never eval.
    expect(directives.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", CDN_FOLDER]);
  });

  it("starts workers only from the add-in's own files (DuckDB's worker script), never from blob: or data: URLs", () => {
    expect(directives.get("worker-src")).toEqual(["'self'"]);
  });

  it("allows no inline style but an empty <style> element (Griffel and Fluent fill theirs through the CSSOM)", () => {
    expect(directives.get("style-src")).toEqual(["'self'", hashSource("")]);
    expect(hashSource("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it("frames only office.js's own pages, connects only to its origin, and forbids plugins, <base> elsewhere and form posts", () => {
    expect(directives.get("frame-src")).toEqual([CDN_FOLDER]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("img-src")).toEqual(["'self'"]);
    expect(directives.get("font-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
  });

  it("has no source that would open it up, and no directive a meta element cannot carry", () => {
    const loose = /^('unsafe-inline'|'unsafe-eval'|'wasm-unsafe-eval'|'unsafe-hashes'|'strict-dynamic'|\*|data:|blob:|https?:|filesystem:)$/;
    // The one exception, for the Import page's WebAssembly (see above).
    const allowed = ["script-src 'wasm-unsafe-eval'"];
    expect([...directives].flatMap(([name, sources]) => sources.filter((s) => loose.test(s)).map((s) => `${name} ${s}`))).toEqual(allowed);
    // Browsers ignore these in a meta element (frame-ancestors must be an HTTP header).
    expect([...directives.keys()].filter((name) => ["frame-ancestors", "report-uri", "report-to", "sandbox"].includes(name))).toEqual([]);
  });
});

describe("taskpane.html", () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];

  it("has no inline script, style block, style attribute or event handler for the policy to refuse", () => {
    expect(scripts.filter(([, , body]) => body!.trim() !== "").map(([tag]) => tag)).toEqual([]);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("loads office.js from the CDN folder, then functions.js (the custom functions register first), then taskpane.js", () => {
    const sources = scripts.map(([, attributes]) => /\bsrc="?([^"\s>]+)/.exec(attributes!)?.[1]);
    expect(sources).toEqual([`${CDN_FOLDER}office.js`, "functions.js", "taskpane.js"]);
    // Ours run in order after parsing (defer); office.js first, as office.js requires.
    expect(scripts.slice(1).every(([, attributes]) => /\bdefer\b/.test(attributes!))).toBe(true);
  });
});
