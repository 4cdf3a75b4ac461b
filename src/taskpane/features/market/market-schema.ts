/**
 * What the market-analysis forms accept, as zod schemas over the form's text fields. Each issue's message
 * is a MarketErrorCode (the view turns it into a sentence in the pane's language); its path names the
 * field, e.g. "strengths.0.weight", or a list's total, e.g. "strengths.total".
 */
import { z } from "zod";
import { numberField, optionalText, requiredText } from "../../components/form-fields";
import { validateWith, type FieldErrors as Errors, type Validation as Result } from "../../components/validation";

export type MarketErrorCode =
  | "required"
  | "tooLong"
  | "notNumber"
  | "weightRange"
  | "ratingRange"
  | "weightsSum"
  | "noRows"
  | "tooManyRows"
  | "shareRange"
  | "growthRange"
  | "thresholdRange";

export type FieldErrors = Errors<MarketErrorCode>;
export type Validation<T> = Result<T, MarketErrorCode>;

export const MAX_ROWS = 50;
export const MAX_TEXT = 255;
export const MAX_STRATEGY_TEXT = 1000;

const code = (c: MarketErrorCode) => ({ error: c });


/** Weight in percent (30 or 30%; above 0, at most 100%), as a fraction (0.3). */
const weightField = numberField("percent", z.number().gt(0, code("weightRange")).max(1, code("weightRange")));
/** A 1–5 scale: rating, probability, impact. */
const scaleField = numberField("scale", z.number().int(code("ratingRange")).min(1, code("ratingRange")).max(5, code("ratingRange")));
/** A percentage from −100% to 1000% (−100 to 1000, with or without %), as a fraction. */
const growthField = (c: MarketErrorCode) => numberField("percent", z.number().min(-1, code(c)).max(10, code(c)));
/** A multiple, "(×)": relative market share (1.5, or 150%), 0 to 1000. */
const ratioField = (c: MarketErrorCode) => numberField("ratio", z.number().min(0, code(c)).max(1000, code(c)));

/** Rows of a list: at least one, at most MAX_ROWS. */
const rows = <T extends z.ZodType>(row: T) => z.array(row).min(1, code("noRows")).max(MAX_ROWS, code("tooManyRows"));

/** Weights of a list add up to 100% (within a hundredth of a percent), else an issue at "<list>.total". */
function weightsAddUp(list: readonly { readonly weight: number }[], ctx: z.core.$RefinementCtx): void {
  if (list.length === 0) return; // "noRows" says it already
  const total = list.reduce((sum, row) => sum + row.weight, 0);
  if (Math.abs(total - 1) > 1e-4) ctx.addIssue({ code: "custom", message: "weightsSum", path: ["total"] });
}

export const factorSchema = z.object({ factor: requiredText(MAX_TEXT), weight: weightField, rating: scaleField });
export type Factor = z.output<typeof factorSchema>;

const weightedList = rows(factorSchema).superRefine(weightsAddUp);

export const swotFactorsSchema = z.object({
  strengths: weightedList,
  weaknesses: weightedList,
  opportunities: weightedList,
  threats: weightedList,
});

export const swotStrategiesSchema = z.object({
  so: optionalText(MAX_STRATEGY_TEXT),
  st: optionalText(MAX_STRATEGY_TEXT),
  wo: optionalText(MAX_STRATEGY_TEXT),
  wt: optionalText(MAX_STRATEGY_TEXT),
});

export const swotSchema = swotFactorsSchema.extend({ strategies: swotStrategiesSchema });
export type SwotInput = z.output<typeof swotSchema>;
export type SwotDraft = z.input<typeof swotSchema>;

export const PEST_DIMENSIONS = ["P", "E", "S", "T"] as const;
export type PestDimension = (typeof PEST_DIMENSIONS)[number];

export const pestSchema = z.object({
  factors: rows(factorSchema.extend({ dimension: z.string().pipe(z.enum(PEST_DIMENSIONS, code("required"))) })).superRefine(weightsAddUp),
});
export type PestInput = z.output<typeof pestSchema>;
export type PestDraft = z.input<typeof pestSchema>;

export const bcgSchema = z.object({
  growthThreshold: growthField("thresholdRange"),
  shareThreshold: ratioField("thresholdRange"),
  products: rows(
    z.object({
      name: requiredText(MAX_TEXT),
      share: ratioField("shareRange"),
      growth: growthField("growthRange"),
    }),
  ),
});
export type BcgInput = z.output<typeof bcgSchema>;
export type BcgDraft = z.input<typeof bcgSchema>;

export const riskSchema = z.object({
  risks: rows(z.object({ risk: requiredText(MAX_TEXT), probability: scaleField, impact: scaleField, response: optionalText(MAX_TEXT) })),
});
export type RiskInput = z.output<typeof riskSchema>;
export type RiskDraft = z.input<typeof riskSchema>;

/** Parses a draft; on failure, the first problem of each field, keyed by its dotted path. */
export function validate<S extends z.ZodType>(schema: S, draft: z.input<S>): Validation<z.output<S>> {
  return validateWith<S, MarketErrorCode>(schema, draft);
}
