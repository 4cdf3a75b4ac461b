import type { MarketStrings } from "../../../i18n/market";
import type { MarketErrorCode } from "./market-schema";
import { fieldValue } from "../../components/form-fields";

const MESSAGE: Readonly<Record<Exclude<MarketErrorCode, "weightsSum">, keyof MarketStrings>> = {
  required: "errRequired",
  tooLong: "errTooLong",
  notNumber: "errNotNumber",
  weightRange: "errWeightRange",
  ratingRange: "errRatingRange",
  noRows: "errNoRows",
  tooManyRows: "errTooManyRows",
  shareRange: "errShareRange",
  growthRange: "errGrowthRange",
  thresholdRange: "errThresholdRange",
};

/** The sentence for an error code (the weights-sum message needs the total: see weightsSumMessage). */
export function errorMessage(code: MarketErrorCode | undefined, m: MarketStrings, total = ""): string | undefined {
  if (code === undefined) return undefined;
  if (code === "weightsSum") return m.errWeightsSum(total);
  return m[MESSAGE[code]] as string;
}

/** The sum of the weights typed so far, in percent, as shown ("90", "99.99"); unreadable ones count 0. */
export function totalWeightText(rows: readonly Readonly<Record<string, string>>[]): string {
  const total = rows.reduce((sum, row) => {
    const value = fieldValue(row["weight"] ?? "", "percent");
    return Number.isFinite(value) ? sum + value : sum;
  }, 0);
  return String(Math.round(total * 10_000) / 100);
}
