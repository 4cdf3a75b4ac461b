import { readFileSync } from "node:fs";
import { resolve } from "node:path";
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
