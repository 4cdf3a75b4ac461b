import { FUNCTION_HELP, syntaxIn, type FunctionHelp } from "../../../i18n/function-help";
import type { UiStrings } from "../../../i18n/ui";

/**
 * The Functions page's view of the function reference (src/i18n/function-help.ts): families, search, and
 * the formula "Insert into the selected cell" writes. Pure, tested in Node.
 */

export type Family = "rfm" | "funnel" | "targets" | "kpi" | "forecast" | "commission" | "clv" | "other";

/** Families in the order the page shows them, with their title in the pane's strings. */
export const FAMILIES: readonly { readonly id: Family; readonly title: keyof UiStrings }[] = [
  { id: "rfm", title: "familyRfm" },
  { id: "funnel", title: "familyFunnel" },
  { id: "targets", title: "familyTargets" },
  { id: "kpi", title: "familyKpi" },
  { id: "forecast", title: "familyForecast" },
  { id: "commission", title: "familyCommission" },
  { id: "clv", title: "familyClv" },
  { id: "other", title: "familyOther" },
];

/** A function's family from the first part of its id (a new family shows under "other" until it has its own). */
export function familyOf(id: string): Family {
  const prefix = id.split(".")[0];
  switch (prefix) {
    case "RFM":
    case "CUSTOMER":
      return "rfm";
    case "FUNNEL":
    case "PIPELINE":
      return "funnel";
    case "TARGET":
    case "QUOTA":
      return "targets";
    case "KPI":
      return "kpi";
    case "FORECAST":
      return "forecast";
    case "COMMISSION":
      return "commission";
    case "CLV":
      return "clv";
    default:
      return "other";
  }
}

const normalise = (text: string) => text.normalize("NFKC").toLowerCase();

/**
 * Whether a function matches a search: every word of the query (split at spaces) is somewhere in its id,
 * its name, its syntax (English or Chinese parameter names), its summary (English or Chinese) or its family's
 * name (English or Chinese). An empty query matches everything.
 */
export function matchesQuery(help: FunctionHelp, query: string, strings: readonly UiStrings[]): boolean {
  const words = normalise(query).split(/\s+/).filter((word) => word !== "");
  if (words.length === 0) return true;
  const family = FAMILIES.find((f) => f.id === familyOf(help.id))!;
  const text = normalise(
    [help.id, `SALES.${help.id}`, help.syntax, syntaxIn("zh", help.syntax), help.summary.en, help.summary.zh, ...strings.map((t) => t[family.title] as string)].join(" "),
  );
  return words.every((word) => text.includes(word));
}

/** The functions of each family that match, families in order, empty families left out. */
export function searchFunctions(query: string, strings: readonly UiStrings[], help: readonly FunctionHelp[] = FUNCTION_HELP): { family: (typeof FAMILIES)[number]; functions: FunctionHelp[] }[] {
  const found = help.filter((h) => matchesQuery(h, query, strings));
  return FAMILIES.map((family) => ({ family, functions: found.filter((h) => familyOf(h.id) === family.id) })).filter((group) => group.functions.length > 0);
}

/**
 * The formula an example starts with — "=SALES.FUNNEL.TARGET(100, {0.4,0.5,0.25})" of
 * "=SALES.FUNNEL.TARGET(100, {0.4,0.5,0.25}) → 2000": up to the parenthesis that closes its call, with
 * brackets, braces and quoted text taken into account. What "Insert" writes: a formula that works as it
 * stands (a worked example) or once its ranges point at the user's data — never a skeleton Excel would refuse.
 */
export function exampleFormula(example: string): string {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < example.length; i++) {
    const ch = example[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === "(" || ch === "{") depth++;
    if (ch === ")" || ch === "}") {
      depth--;
      if (depth === 0 && ch === ")") return example.slice(0, i + 1);
    }
  }
  return example.trim();
}
