import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkManifest } from "../../scripts/manifest-check.cjs";

const ROOT = resolve(__dirname, "..", "..");
const MANIFEST = readFileSync(resolve(ROOT, "manifest.xml"), "utf8");
const ASSETS = resolve(ROOT, "assets");
const check = (xml: string) => checkManifest(xml, { assetsDir: ASSETS });

/** The manifest with one edit; fails the test if `from` is not found, so no case silently tests nothing. */
function edited(from: string | RegExp, to: string): string {
  const out = MANIFEST.replace(from, to);
  if (out === MANIFEST) throw new Error(`edit not applied: ${String(from)}`);
  return out;
}

describe("manifest checks", () => {
  it("pass on the add-in's manifest, with nothing unused", () => {
    expect(check(MANIFEST)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ["malformed XML", MANIFEST.replace("</OfficeApp>", ""), /not well-formed/],
    ["elements out of order", edited(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, "$2$1"), /out of order/],
    ["a missing required element", edited(/<DefaultLocale>[^<]*<\/DefaultLocale>/, ""), /missing required <DefaultLocale>/],
    ["an Id that is not a GUID", edited(/<Id>[^<]*<\/Id>/, "<Id>sales-planner</Id>"), /must be a GUID/],
    ["the wrong permission", edited("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"), /ReadWriteDocument/],
    ["an http URL", edited('<bt:Url id="Functions.Script.Url" DefaultValue="https://', '<bt:Url id="Functions.Script.Url" DefaultValue="http://'), /must be an https:\/\/ URL/],
    ["a resid that resolves to nothing", edited('<Label resid="Group.Label"/>', '<Label resid="Group.Title"/>'), /does not match any resource/],
    ["a resid of the wrong kind", edited('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'), /must refer to ShortStrings, not Urls/],
    ["a short string over 125 characters", edited('DefaultValue="Sales Planner is ready"', `DefaultValue="${"x".repeat(126)}"`), /longer than 125/],
    ["a duplicated resource id", edited('<bt:Url id="GetStarted.LearnMoreUrl"', '<bt:Url id="Taskpane.Url"'), /defined twice/],
    ["no SharedRuntime requirement", edited('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime/],
    ["a short-lived runtime", edited('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    [
      "a functions page outside the shared runtime",
      edited(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="GetStarted.LearnMoreUrl"/>'),
      /custom functions <Page> must use the shared runtime/,
    ],
    ["another namespace", edited('<bt:String id="Functions.Namespace" DefaultValue="SALES"/>', '<bt:String id="Functions.Namespace" DefaultValue="SALESX"/>'), /namespace must be "SALES"/],
    ["the button on another tab", edited('<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'), /Home tab/],
    ["an icon that does not exist", edited("/assets/icon-80.png", "/assets/icon-81.png"), /icon-81\.png is not in assets/],
    ["a DefaultLocale that is no language tag", edited("<DefaultLocale>en-US</DefaultLocale>", "<DefaultLocale>English</DefaultLocale>"), /<DefaultLocale> must be a language tag/],
    ["an Override locale that is no language tag", edited('<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions-zh-CN.json"/>', '<bt:Override Locale="zh_CN" Value="https://localhost:3000/functions-zh-CN.json"/>'), /Functions\.Metadata\.Url.*Override Locale "zh_CN" is not a language tag/],
    ["two Overrides for one locale", edited('<bt:Override Locale="zh-CN" Value="销售规划"/>', '<bt:Override Locale="zh-CN" Value="销售规划"/><bt:Override Locale="zh-cn" Value="销售"/>'), /Group\.Label.*two Overrides for zh-cn/],
    ["an Override Office would ignore (not bt:Override in a resource)", edited('<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions-zh-CN.json"/>', '<Override Locale="zh-CN" Value="https://localhost:3000/functions-zh-CN.json"/>'), /Functions\.Metadata\.Url.*its Override must be <bt:Override>/],
    ["an http Override URL", edited('Value="https://localhost:3000/functions-zh-CN.json"', 'Value="http://localhost:3000/functions-zh-CN.json"'), /<Url Override zh-CN> must be an https:\/\/ URL/],
    ["functions' metadata without a Chinese Override", edited(/\s*<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions-zh-CN\.json"\/>/, ""), /custom functions <Metadata> has no zh-CN Override/],
    ["a Chinese metadata Override that is not JSON", edited("/functions-zh-CN.json", "/functions-zh-CN.js"), /<Metadata> Override zh-CN must point at a \.json file/],
    ["a ribbon label without Chinese", edited('<bt:Override Locale="zh-CN" Value="销售规划"/>', ""), /string "Group\.Label" has no zh-CN Override/],
    ["a display name without Chinese", edited('<Override Locale="zh-CN" Value="销售规划助手"/>', ""), /<DisplayName> has no zh-CN Override/],
    ["an icon of the wrong size", edited('<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>', '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>'), /32×32, declared 16×16/],
  ])("catch %s", (_, xml, expected) => {
    const { errors } = check(xml);
    expect(errors.some((e) => expected.test(e))).toBe(true);
  });

  it("warn about resources nobody uses", () => {
    const xml = edited("</bt:Urls>", '<bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/unused.html"/></bt:Urls>');
    expect(check(xml).warnings).toEqual(['resource "Unused.Url" is never used']);
  });
});

describe("manifest checks against a build (distDir)", () => {
  /** A stand-in for dist/: the files the build writes, each URL of the manifest should name one. */
  const BUILT = ["taskpane.html", "functions.js", "functions.json", "functions-zh-CN.json", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"];
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), "manifest-dist-"));
    mkdirSync(join(dist, "assets"));
    for (const file of BUILT) writeFileSync(join(dist, file), "");
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it("pass when every URL, the Chinese metadata's too, names a file of the build", () => {
    expect(checkManifest(MANIFEST, { distDir: dist }).errors).toEqual([]);
  });

  it("catch a Chinese metadata file the build did not write", () => {
    rmSync(join(dist, "functions-zh-CN.json"));
    expect(checkManifest(MANIFEST, { distDir: dist }).errors).toEqual(["<Url Override zh-CN>: functions-zh-CN.json is not a file of the build (" + dist + ")"]);
  });

  it("catch an Override left at another address when the base URL was rewritten", () => {
    const rewritten = MANIFEST.split("https://localhost:3000/").join("https://127.0.0.1:8443/planner/").replace("https://127.0.0.1:8443/planner/functions-zh-CN.json", "https://localhost:3000/functions-zh-CN.json");
    const { errors } = checkManifest(rewritten, { distDir: dist });
    expect(errors).toEqual(['<Url Override zh-CN> is not under the add-in\'s base URL https://127.0.0.1:8443/planner/ (got "https://localhost:3000/functions-zh-CN.json")']);
  });
});

describe("npm run validate (xmllint, then the structural checks; offline)", () => {
  const validate = (file: string) => spawnSync(process.execPath, [resolve(ROOT, "scripts", "validate-manifest.cjs"), file], { encoding: "utf8" });

  it("passes the add-in's manifest", () => {
    const run = validate(resolve(ROOT, "manifest.xml"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("fails, naming the problem, on a broken Chinese Override", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    try {
      const file = join(dir, "manifest.xml");
      writeFileSync(file, edited('<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions-zh-CN.json"/>', '<bt:Override Locale="chinese" Value="https://localhost:3000/functions-zh-CN.json"/>'));
      const run = validate(file);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Override Locale "chinese" is not a language tag like zh-CN');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
