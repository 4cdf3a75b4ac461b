import type { DecomposeStrings } from "../../../i18n/decompose";
import type { Language } from "../../../i18n/language";
import { nearestMultiples, type DecomposeErrorCode } from "./decompose-schema";

type Simple = Exclude<DecomposeErrorCode, "notMultiple" | "historyShape" | "reservedName">;

/** The product table's headers besides the product lines, in the sheet's language (see decomposeSchemaWith). */
export const reservedProductNames = (d: DecomposeStrings): string[] => [d.cellChannel, d.cellSum, d.cellCheck];

const MESSAGE: Readonly<Record<Simple, keyof DecomposeStrings>> = {
  required: "errRequired",
  tooLong: "errTooLong",
  notNumber: "errNotNumber",
  unitPositive: "errUnitPositive",
  nonNegative: "errNonNegative",
  allZero: "errAllZero",
  noRows: "errNoRows",
  tooManyRows: "errTooManyRows",
  duplicate: "errDuplicate",
  noLevel: "errNoLevel",
  rampRange: "errRampRange",
  blendAllZero: "errBlendAllZero",
  badAddress: "errBadAddress",
  notOneCell: "errNotOneCell",
  cellNotNumber: "errCellNotNumber",
  notPicked: "errNotPicked",
  customPeriods: "errCustomPeriods",
  daysNeedMonths: "errDaysNeedMonths",
  productsNeedChannels: "errProductsNeedChannels",
  parentMissing: "errParentMissing",
  historyAllZero: "errHistoryAllZero",
  potentialAllZero: "errPotentialAllZero",
};

/** What some messages need to be specific: the total and unit as understood, the number of periods. */
export interface MessageContext {
  readonly total?: number;
  readonly unit?: number;
  readonly periods?: number;
  readonly language: Language;
}

/** A number as the pane shows it: 120,000,000 (en) or 120,000,000 (zh-CN groups alike). */
export const formatAmount = (value: number, language: Language): string => value.toLocaleString(language === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 10 });

const listSeparator = (context: MessageContext) => (context.language === "zh" ? "、" : ", ");

/** The sentence for an error code, in the pane's language. */
export function errorMessage(code: DecomposeErrorCode | undefined, d: DecomposeStrings, context: MessageContext): string | undefined {
  if (code === undefined) return undefined;
  if (code === "notMultiple") {
    const { total, unit } = context;
    if (total === undefined || unit === undefined) return d.errNotMultiple("?", "?");
    const [lower, upper] = nearestMultiples(total, unit);
    return d.errNotMultiple(formatAmount(lower, context.language), formatAmount(upper, context.language));
  }
  if (code === "historyShape") return d.errHistoryShape(context.periods ?? 12);
  if (code === "reservedName") return d.errReservedName(reservedProductNames(d).join(listSeparator(context)));
  return d[MESSAGE[code]] as string;
}
