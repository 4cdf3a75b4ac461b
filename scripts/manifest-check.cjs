/**
 * Offline structural checks of the XML add-in manifest — what Microsoft's online validator would catch
 * that a well-formedness check does not: element order, references that resolve, string limits, HTTPS,
 * a consistent shared runtime, the SALES namespace, icons that exist at the size they claim; and the
 * localisation: well-formed Override locales, a zh-CN text for every string a user sees, the Chinese
 * custom-function metadata (a zh-CN Override of the functions' metadata URL).
 *
 * checkManifest(xmlText, { assetsDir, distDir }) → { errors: string[], warnings: string[] }
 * With `distDir` (a build, e.g. dist/), every URL — defaults and Overrides — must lie under the add-in's
 * base URL (where its task pane is) and name a file the build wrote there.
 */
const { readFileSync, existsSync, statSync } = require("node:fs");
const { join, basename, resolve, sep } = require("node:path");
const { JSDOM } = require("jsdom");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** OfficeApp children in schema order, with whether each is required. */
const TOP_LEVEL = [
  ["Id", true],
  ["AlternateId", false],
  ["Version", true],
  ["ProviderName", true],
  ["DefaultLocale", true],
  ["DisplayName", true],
  ["Description", true],
  ["IconUrl", true],
  ["HighResolutionIconUrl", false],
  ["SupportUrl", false],
  ["AppDomains", false],
  ["Hosts", false],
  ["Requirements", false],
  ["DefaultSettings", true],
  ["Permissions", true],
  ["VersionOverrides", false],
];

/** A language tag as Office takes it in Locale attributes: zh-CN, en-US, de-de (language, then subtags). */
const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})+$/i;
/** The locale every user-visible string and the functions' metadata must have a translation for. */
const CHINESE = "zh-CN";
/** Elements whose DefaultValue (and Override values) are URLs. */
const URL_HOLDERS = ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Image", "Url"];

const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;
const RESID_MAX = 32;
const NAMESPACE = "SALES";

function checkManifest(xml, options = {}) {
  const errors = [];
  const warnings = [];
  let doc;
  try {
    doc = new JSDOM(xml, { contentType: "text/xml" }).window.document;
  } catch (error) {
    return { errors: [`not well-formed XML: ${error.message}`], warnings };
  }
  const root = doc.documentElement;
  const children = (el) => Array.from(el.children);
  const all = (name, ns = NS.ov) => Array.from(doc.getElementsByTagNameNS(ns, name));
  const one = (parent, name, ns) => children(parent).find((c) => c.localName === name && (!ns || c.namespaceURI === ns));
  const xsiType = (el) => el.getAttributeNS(NS.xsi, "type");

  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    errors.push(`root element must be OfficeApp in ${NS.app}`);
    return { errors, warnings };
  }
  if (xsiType(root) !== "TaskPaneApp") errors.push(`OfficeApp xsi:type must be TaskPaneApp (got "${xsiType(root)}")`);

  // Top-level order and presence.
  const order = TOP_LEVEL.map(([name]) => name);
  let last = -1;
  for (const child of children(root)) {
    const position = order.indexOf(child.localName);
    if (position === -1) errors.push(`unexpected element <${child.localName}> under OfficeApp`);
    else if (position <= last) errors.push(`<${child.localName}> is out of order: expected order ${order.join(", ")}`);
    else last = position;
  }
  for (const [name, required] of TOP_LEVEL) {
    if (required && !one(root, name, NS.app)) errors.push(`missing required <${name}>`);
  }

  const text = (name) => one(root, name, NS.app)?.textContent?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id"))) {
    errors.push(`<Id> must be a GUID (got "${text("Id")}")`);
  }
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version"))) errors.push(`<Version> must be like 1.0.0.0 (got "${text("Version")}")`);
  if (text("DefaultLocale") && !LOCALE.test(text("DefaultLocale"))) {
    errors.push(`<DefaultLocale> must be a language tag like en-US (got "${text("DefaultLocale")}")`);
  }
  if (text("Permissions") !== "ReadWriteDocument") {
    errors.push(`<Permissions> must be ReadWriteDocument (got "${text("Permissions")}")`);
  }
  for (const [name, max] of [["ProviderName", SHORT_STRING_MAX]]) {
    if (text(name).length > max) errors.push(`<${name}> is longer than ${max} characters`);
  }
  for (const [name, max] of [["DisplayName", SHORT_STRING_MAX], ["Description", LONG_STRING_MAX]]) {
    const el = one(root, name, NS.app);
    if (!el) continue;
    for (const value of [el.getAttribute("DefaultValue") ?? "", ...children(el).map((o) => o.getAttribute("Value") ?? "")]) {
      if (value.length === 0) errors.push(`<${name}> has an empty value`);
      if (value.length > max) errors.push(`<${name}> value is longer than ${max} characters: "${value.slice(0, 40)}…"`);
    }
  }

  // Overrides: the element that belongs where they are (<Override> at the top level, <bt:Override> in the
  // resources — Office ignores the other), a well-formed locale, each locale once.
  const overridesOf = (el) => children(el).filter((c) => c.localName === "Override");
  const localeOf = (override) => override.getAttribute("Locale") ?? "";
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    const found = overridesOf(el);
    const expected = el.namespaceURI === NS.bt ? NS.bt : NS.app;
    const seen = new Set();
    for (const override of found) {
      const where = `<${el.localName}${el.getAttribute("id") ? ` id="${el.getAttribute("id")}"` : ""}>`;
      if (override.namespaceURI !== expected) {
        errors.push(`${where}: its Override must be ${expected === NS.bt ? "<bt:Override>" : "<Override>"} (in ${expected})`);
      }
      const locale = localeOf(override);
      if (!LOCALE.test(locale)) errors.push(`${where}: Override Locale "${locale}" is not a language tag like ${CHINESE}`);
      else if (seen.has(locale.toLowerCase())) errors.push(`${where}: two Overrides for ${locale}`);
      seen.add(locale.toLowerCase());
    }
  }
  const chineseOverride = (el) => overridesOf(el).find((o) => localeOf(o).toLowerCase() === CHINESE.toLowerCase());
  for (const name of ["DisplayName", "Description"]) {
    const el = one(root, name, NS.app);
    if (el && !chineseOverride(el)) errors.push(`<${name}> has no ${CHINESE} Override: Chinese Office would show it in English`);
  }

  // Every URL is HTTPS, the Overrides' too.
  const urls = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    if (!URL_HOLDERS.includes(el.localName)) continue;
    const value = el.getAttribute("DefaultValue");
    if (value !== null) urls.push([el.localName, value]);
    for (const override of overridesOf(el)) urls.push([`${el.localName} Override ${override.getAttribute("Locale")}`, override.getAttribute("Value") ?? ""]);
  }
  const fileUrls = urls.slice();
  for (const el of all("AppDomain", NS.app)) urls.push(["AppDomain", el.textContent.trim()]);
  for (const [where, url] of urls) {
    if (!/^https:\/\/[^\s]+$/.test(url)) errors.push(`<${where}> must be an https:// URL (got "${url}")`);
  }
  const origins = new Set(urls.map(([, url]) => { try { return new URL(url).origin; } catch { return url; } }));
  if (origins.size > 1) warnings.push(`URLs point at more than one origin: ${[...origins].join(", ")}`);

  // Requirements: the shared runtime.
  const sets = all("Set", NS.app).map((s) => s.getAttribute("Name"));
  if (!sets.includes("SharedRuntime")) errors.push("Requirements must include the SharedRuntime set");
  const hosts = all("Host", NS.app).map((h) => h.getAttribute("Name"));
  if (!hosts.includes("Workbook")) errors.push('<Hosts> must include <Host Name="Workbook"/>');

  const overrides = one(root, "VersionOverrides", NS.ov);
  if (!overrides) {
    errors.push("missing <VersionOverrides> (ribbon button, custom functions, shared runtime)");
    return { errors, warnings };
  }
  if (xsiType(overrides) !== "VersionOverridesV1_0") errors.push("VersionOverrides xsi:type must be VersionOverridesV1_0");

  // Resources: unique ids, limits; references resolve to the right kind.
  const resources = new Map();
  const kinds = { Images: "Image", Urls: "Url", ShortStrings: "String", LongStrings: "String" };
  for (const [group, item] of Object.entries(kinds)) {
    for (const groupEl of all(group, NS.bt)) {
      for (const el of children(groupEl).filter((c) => c.localName === item)) {
        const id = el.getAttribute("id") ?? "";
        if (resources.has(id)) errors.push(`resource id "${id}" is defined twice`);
        if (id.length === 0 || id.length > RESID_MAX) errors.push(`resource id "${id}" must be 1–${RESID_MAX} characters`);
        resources.set(id, { group, el });
        const max = group === "ShortStrings" ? SHORT_STRING_MAX : group === "LongStrings" ? LONG_STRING_MAX : Infinity;
        const values = [el.getAttribute("DefaultValue") ?? "", ...children(el).map((o) => o.getAttribute("Value") ?? "")];
        for (const value of values) {
          if (value.length === 0) errors.push(`resource "${id}" has an empty value`);
          if (value.length > max) errors.push(`resource "${id}" is longer than ${max} characters`);
        }
      }
    }
  }
  const expectedGroup = (el) => {
    switch (el.localName) {
      case "Image":
        return "Images";
      case "SourceLocation":
      case "FunctionFile":
      case "Runtime":
      case "LearnMoreUrl":
        return "Urls";
      case "Label":
      case "Title":
      case "Namespace":
        return "ShortStrings";
      case "Description":
        return "LongStrings";
      default:
        return undefined;
    }
  };
  const used = new Set();
  for (const el of Array.from(overrides.getElementsByTagName("*"))) {
    const resid = el.getAttribute("resid");
    if (resid === null) continue;
    used.add(resid);
    const resource = resources.get(resid);
    if (!resource) {
      errors.push(`<${el.localName} resid="${resid}"> does not match any resource`);
      continue;
    }
    const group = expectedGroup(el);
    if (group && resource.group !== group) errors.push(`<${el.localName} resid="${resid}"> must refer to ${group}, not ${resource.group}`);
  }
  for (const id of resources.keys()) if (!used.has(id)) warnings.push(`resource "${id}" is never used`);
  // Every string a user reads has a Chinese text; the functions' namespace is typed in formulas, not read.
  const typedInFormulas = new Set(all("Namespace").map((e) => e.getAttribute("resid")));
  for (const [id, { group, el }] of resources) {
    if ((group === "ShortStrings" || group === "LongStrings") && !typedInFormulas.has(id) && !chineseOverride(el)) {
      errors.push(`string "${id}" has no ${CHINESE} Override: Chinese Office would show it in English`);
    }
  }
  const urlOf = (resid) => resources.get(resid)?.el.getAttribute("DefaultValue") ?? "";

  // Shared runtime: the runtime, the functions page, the function file and the task pane are one page.
  const runtime = all("Runtime")[0];
  if (!runtime) errors.push("missing <Runtime> (shared runtime)");
  else if (runtime.getAttribute("lifetime") !== "long") errors.push('<Runtime> must have lifetime="long"');
  const runtimeId = runtime?.getAttribute("resid");
  const customFunctions = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
  if (!customFunctions) errors.push("missing the CustomFunctions extension point");
  const pageResid = customFunctions && one(customFunctions, "Page", NS.ov)?.getElementsByTagNameNS(NS.ov, "SourceLocation")[0]?.getAttribute("resid");
  const functionFile = all("FunctionFile")[0]?.getAttribute("resid");
  const taskpaneActions = all("Action").filter((a) => xsiType(a) === "ShowTaskpane");
  if (taskpaneActions.length === 0) errors.push("no button opens the task pane (ShowTaskpane action)");
  const consistent = [["custom functions <Page>", pageResid], ["<FunctionFile>", functionFile]].concat(
    taskpaneActions.map((a) => ["ShowTaskpane <SourceLocation>", a.getElementsByTagNameNS(NS.ov, "SourceLocation")[0]?.getAttribute("resid")]),
  );
  for (const [where, resid] of consistent) {
    if (resid !== runtimeId) errors.push(`${where} must use the shared runtime's resid "${runtimeId}" (got "${resid}")`);
  }

  if (customFunctions) {
    const locationOf = (name) => {
      const el = one(customFunctions, name, NS.ov);
      return el && (el.getAttribute("resid") ?? el.getElementsByTagNameNS(NS.ov, "SourceLocation")[0]?.getAttribute("resid"));
    };
    if (!urlOf(locationOf("Script")).endsWith("/functions.js")) errors.push("custom functions <Script> must point at functions.js");
    if (!urlOf(locationOf("Metadata")).endsWith("/functions.json")) errors.push("custom functions <Metadata> must point at functions.json");
    // Chinese Excel reads the functions' descriptions and parameter names from the zh-CN metadata file.
    const metadata = resources.get(locationOf("Metadata"))?.el;
    if (metadata && !chineseOverride(metadata)) {
      errors.push(`custom functions <Metadata> has no ${CHINESE} Override: Chinese Excel would show the functions' help in English`);
    }
    for (const override of metadata ? overridesOf(metadata) : []) {
      const value = override.getAttribute("Value") ?? "";
      if (!/\.json$/.test(value)) errors.push(`custom functions <Metadata> Override ${localeOf(override)} must point at a .json file (got "${value}")`);
    }
    const namespace = urlOf(locationOf("Namespace"));
    if (namespace !== NAMESPACE) errors.push(`custom functions namespace must be "${NAMESPACE}" (got "${namespace}")`);
  }

  // The button sits on the Home tab; control ids are unique.
  const tabs = all("OfficeTab").map((t) => t.getAttribute("id"));
  if (!tabs.includes("TabHome")) errors.push("the task-pane button must be on the Home tab (OfficeTab id=TabHome)");
  const ids = all("Group").concat(all("Control")).map((e) => e.getAttribute("id"));
  for (const id of ids) if (ids.indexOf(id) !== ids.lastIndexOf(id)) errors.push(`control id "${id}" is used twice`);

  // Icons exist in assets/ at the size they are declared with.
  if (options.assetsDir) {
    const checkIcon = (url, size, where) => {
      const file = join(options.assetsDir, basename(new URL(url).pathname));
      if (!existsSync(file)) return errors.push(`${where}: ${basename(file)} is not in assets/`);
      const png = readFileSync(file);
      if (png.readUInt32BE(0) !== 0x89504e47) return errors.push(`${where}: ${basename(file)} is not a PNG`);
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      if (size !== undefined && (width !== size || height !== size)) {
        errors.push(`${where}: ${basename(file)} is ${width}×${height}, declared ${size}×${size}`);
      }
    };
    for (const el of all("Image", NS.bt)) {
      if (!el.getAttribute("DefaultValue")) continue;
      const size = Number(/(\d+)x\d+/.exec(el.getAttribute("id") ?? "")?.[1]) || undefined;
      checkIcon(el.getAttribute("DefaultValue"), size, `image "${el.getAttribute("id")}"`);
    }
    const iconUrl = one(root, "IconUrl", NS.app)?.getAttribute("DefaultValue");
    if (iconUrl) checkIcon(iconUrl, 32, "<IconUrl>");
    const highRes = one(root, "HighResolutionIconUrl", NS.app)?.getAttribute("DefaultValue");
    if (highRes) checkIcon(highRes, 64, "<HighResolutionIconUrl>");
  }

  // A build: every URL under the base URL (where the task pane is — a missed ADDIN_BASE_URL rewrite shows
  // here), each naming a file the build wrote.
  if (options.distDir) {
    const page = one(one(root, "DefaultSettings", NS.app) ?? root, "SourceLocation", NS.app)?.getAttribute("DefaultValue") ?? "";
    const base = page.slice(0, page.lastIndexOf("/") + 1);
    const dist = resolve(options.distDir);
    for (const [where, url] of fileUrls) {
      if (base === "" || !url.startsWith(base)) {
        errors.push(`<${where}> is not under the add-in's base URL ${base} (got "${url}")`);
        continue;
      }
      let relative;
      try {
        relative = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
      } catch {
        errors.push(`<${where}> is not a URL (got "${url}")`);
        continue;
      }
      const file = resolve(dist, relative);
      if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
        errors.push(`<${where}>: ${relative} is not a file of the build (${options.distDir})`);
      }
    }
  }

  return { errors, warnings };
}

module.exports = { checkManifest };
