import { sharedFieldMessage } from "../../../i18n/fields";
import { formatAmount, formatPercent } from "../../../i18n/format";
import type { FunnelWizardStrings } from "../../../i18n/funnel-wizard";
import type { Language } from "../../../i18n/language";
import type { FunnelErrorCode } from "./funnel-model";

type WithParams = "countRises" | "mixSum" | "oppAmount" | "oppStage" | "unknownStage" | "percentNotAmount" | "tooLarge";

const MESSAGE: Readonly<Record<Exclude<FunnelErrorCode, WithParams>, keyof FunnelWizardStrings>> = {
  required: "errRequired",
  tooLong: "errTooLong",
  notNumber: "errNotNumber",
  duplicate: "errDuplicate",
  tooFewStages: "errTooFewStages",
  tooManyStages: "errTooManyStages",
  rateRange: "errRateRange",
  probabilityRange: "errProbabilityRange",
  countNegative: "errCountNegative",
  countZero: "errCountZero",
  positive: "errPositive",
  nonNegative: "errNonNegative",
  pointsRange: "errPointsRange",
  planTooLarge: "errPlanTooLarge",
  address: "errAddress",
  twoColumns: "errTwoColumns",
  notRead: "errNotRead",
  noOpps: "errNoOpps",
};

/** The sentence for a field's error code, in the pane's language. */
export function funnelMessage(code: FunnelErrorCode | undefined, params: Readonly<Record<string, unknown>> | undefined, s: FunnelWizardStrings, language: Language): string | undefined {
  if (code === undefined) return undefined;
  const number = (key: string) => (typeof params?.[key] === "number" ? (params[key] as number) : Number.NaN);
  switch (code) {
    case "percentNotAmount":
    case "tooLarge":
      return sharedFieldMessage(code, params, language);
    case "countRises":
      return s.errCountRises(formatAmount(number("value"), language), formatAmount(number("previous"), language));
    case "mixSum":
      return s.errMixSum(formatPercent(number("sum")));
    case "oppAmount":
      return s.errOppAmount(number("row"), String(params?.text ?? ""));
    case "oppStage":
      return s.errOppStage(number("row"));
    case "unknownStage":
      return s.errUnknownStage(number("row"), String(params?.stage ?? ""));
    default:
      return s[MESSAGE[code]] as string;
  }
}
