import type { DecomposeStrings } from "../../../i18n/decompose";
import { sharedFieldMessage } from "../../../i18n/fields";
import { formatAmount } from "../../../i18n/format";
import type { Language } from "../../../i18n/language";
import type { HistoryProblemCode } from "../../components/history-range";
import type { DecomposeErrorCode } from "./decompose-schema";

type Shared = "percentNotAmount" | "tooLarge" | HistoryProblemCode;
type Simple = Exclude<DecomposeErrorCode, "notMultiple" | "totalTooLarge" | "historyShape" | "reservedName" | "totalPositive" | Shared>;

const SHARED: ReadonlySet<string> = new Set<Shared>([
  "percentNotAmount",
  "tooLarge",
  "historyEmpty",
  "historyCells",
  "historyTooShort",
  "historyNegative",
  "historyZeroSeason",
  "historyNotList",
]);

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
  rampAllZero: "errRampAllZero",
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
  periodWeights: "errPeriodWeights",
  unknownRegion: "errUnknownRegion",
  regionNoPeople: "errRegionNoPeople",
  gridNeedsTime: "errGridNeedsTime",
  gridNeedsRows: "errGridNeedsRows",
};

/** What some messages need to be specific: the number of periods, the params (limits, multiples). */
export interface MessageContext {
  readonly periods?: number;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly language: Language;
}

const listSeparator = (context: MessageContext) => (context.language === "zh" ? "、" : ", ");

/** A number param of the issue, formatted; "?" when it is missing. */
const amountParam = (context: MessageContext, key: string) => {
  const value = context.params?.[key];
  return typeof value === "number" ? formatAmount(value, context.language) : "?";
};

/** The sentence for an error code, in the pane's language. */
export function errorMessage(code: DecomposeErrorCode | undefined, d: DecomposeStrings, context: MessageContext): string | undefined {
  if (code === undefined) return undefined;
  if (code === "notMultiple") return d.errNotMultiple(amountParam(context, "below"), amountParam(context, "above"));
  if (code === "totalTooLarge") return d.errTotalTooLarge(amountParam(context, "max"));
  if (code === "totalPositive") return d.errTotalPositive(amountParam(context, "value"));
  if (SHARED.has(code)) return sharedFieldMessage(code, context.params, context.language);
  if (code === "historyShape") return d.errHistoryShape(context.periods ?? 12);
  if (code === "reservedName") return d.errReservedName(reservedProductNames(d).join(listSeparator(context)));
  return d[MESSAGE[code as Simple]] as string;
}
