import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Configuration, WebpackPluginInstance } from "webpack";
import { checkManifest } from "../../scripts/manifest-check.cjs";
import { ZhMetadataPlugin } from "../../scripts/zh-metadata-plugin.cjs";

/**
 * dist/manifest.xml as webpack.config.js writes it for ADDIN_BASE_URL: every URL moves to the new base,
 * the Chinese metadata's Override included, and that Override names the file the build writes.
 * (The production build's own manifest is checked against dist/ in test/bundle.)
 */
const ROOT = resolve(__dirname, "..", "..");
const BASE = "https://127.0.0.1:8443/sales-planner/";

interface CopyPattern {
  to?: string;
  transform?: (content: Buffer, path: string) => string | Buffer;
}

async function productionConfig(baseUrl: string): Promise<Configuration> {
  const saved = process.env.ADDIN_BASE_URL;
  process.env.ADDIN_BASE_URL = baseUrl;
  try {
    const makeConfig = jest.requireActual<(env: unknown, options: { mode: string }) => Promise<Configuration>>(resolve(ROOT, "webpack.config.js"));
    return await makeConfig({}, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  }
}

const plugins = (config: Configuration) => (config.plugins ?? []) as WebpackPluginInstance[];

describe("the built manifest for ADDIN_BASE_URL", () => {
  let manifest: string;
  let zhPlugin: ZhMetadataPlugin;

  beforeAll(async () => {
    const config = await productionConfig(BASE);
    const copy = plugins(config).find((p) => Array.isArray((p as { patterns?: unknown }).patterns)) as unknown as { patterns: (CopyPattern | string)[] };
    const pattern = copy.patterns.find((p): p is CopyPattern => typeof p === "object" && p.to === "manifest.xml");
    manifest = String(pattern!.transform!(readFileSync(resolve(ROOT, "manifest.xml")), resolve(ROOT, "manifest.xml")));
    zhPlugin = plugins(config).find((p) => p instanceof ZhMetadataPlugin) as ZhMetadataPlugin;
  });

  it("moves every URL to the base URL, the Chinese metadata's Override included", () => {
    expect(manifest).not.toContain("localhost:3000");
    expect(manifest).toContain(`<bt:Override Locale="zh-CN" Value="${BASE}functions-zh-CN.json"/>`);
    expect(checkManifest(manifest, { assetsDir: resolve(ROOT, "assets") })).toEqual({ errors: [], warnings: [] });
  });

  it("points the Chinese Override at the file the build's ZhMetadataPlugin writes", () => {
    expect(zhPlugin).toBeDefined();
    expect(manifest).toContain(`Value="${BASE}${zhPlugin.output}"`);
  });
});
