import { createDraft, rowsOf, type FormDraft } from "../../components/form-draft";
import type { BcgDraft, PestDraft, RiskDraft, SwotDraft } from "./market-schema";

/** The lists of the SWOT form, in the order shown. */
export const SWOT_LISTS = ["strengths", "weaknesses", "opportunities", "threats"] as const;

const blankFactor = { factor: "", weight: "", rating: "" };

export const initialSwot = (): FormDraft => createDraft({ so: "", st: "", wo: "", wt: "" }, Object.fromEntries(SWOT_LISTS.map((list) => [list, [blankFactor]])));
export const initialPest = (): FormDraft => createDraft({}, { factors: [{ dimension: "P", ...blankFactor }] });
export const initialBcg = (): FormDraft => createDraft({ growthThreshold: "10", shareThreshold: "1" }, { products: [{ name: "", share: "", growth: "" }] });
export const initialRisk = (): FormDraft => createDraft({}, { risks: [{ risk: "", probability: "", impact: "", response: "" }] });

type FactorText = { factor: string; weight: string; rating: string };
const factors = (draft: FormDraft, list: string) => rowsOf(draft, list) as FactorText[];

export function toSwotDraft(draft: FormDraft): SwotDraft {
  const { so = "", st = "", wo = "", wt = "" } = draft.fields;
  return {
    strengths: factors(draft, "strengths"),
    weaknesses: factors(draft, "weaknesses"),
    opportunities: factors(draft, "opportunities"),
    threats: factors(draft, "threats"),
    strategies: { so, st, wo, wt },
  };
}

export function toPestDraft(draft: FormDraft): PestDraft {
  return { factors: rowsOf(draft, "factors") as (FactorText & { dimension: string })[] };
}

export function toBcgDraft(draft: FormDraft): BcgDraft {
  return {
    growthThreshold: draft.fields.growthThreshold ?? "",
    shareThreshold: draft.fields.shareThreshold ?? "",
    products: rowsOf(draft, "products") as { name: string; share: string; growth: string }[],
  };
}

export function toRiskDraft(draft: FormDraft): RiskDraft {
  return { risks: rowsOf(draft, "risks") as { risk: string; probability: string; impact: string; response: string }[] };
}
