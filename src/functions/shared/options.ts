import { fail } from "../../core/shared/errors";
import { Language, parseLanguage } from "../../i18n/language";
import { isBlank } from "./cells";
import { numberOf, scalarOf } from "./ranges";

/**
 * Optional arguments. Excel passes an omitted optional argument as `null` (never rely on TypeScript
 * defaults); a reference to an empty cell arrives blank. Both mean "use the default".
 */

export function isOmitted(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.length === 0 || (value.length === 1 && Array.isArray(value[0]) && value[0].length <= 1 && isBlank(value[0][0]));
  }
  return isBlank(value);
}

/** A text option, case-insensitive, one of `choices`; `fallback` when omitted. */
export function optionOf<T extends string>(arg: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (isOmitted(value)) return fallback;
  const raw = scalarOf(arg, value);
  const text = String(raw).trim().toLowerCase();
  const match = choices.find((choice) => choice.toLowerCase() === text);
  if (match === undefined) throw fail("UNKNOWN_OPTION", { arg, value: String(raw), choices });
  return match;
}

/** A language option ("zh", "en", "zh-CN", "中文"…); `fallback` when omitted. */
export function languageOf(arg: string, value: unknown, fallback: Language): Language {
  if (isOmitted(value)) return fallback;
  const raw = String(scalarOf(arg, value));
  const language = parseLanguage(raw);
  if (language === undefined) throw fail("UNKNOWN_OPTION", { arg, value: raw, choices: ["zh", "en"] });
  return language;
}

/** A TRUE/FALSE option; `fallback` when omitted. Numbers count as Excel counts them (0 is FALSE). */
export function flagOf(arg: string, value: unknown, fallback: boolean): boolean {
  if (isOmitted(value)) return fallback;
  const raw = scalarOf(arg, value);
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw !== 0;
  const text = String(raw).trim().toUpperCase();
  if (text === "TRUE") return true;
  if (text === "FALSE") return false;
  throw fail("UNKNOWN_OPTION", { arg, value: String(raw), choices: ["TRUE", "FALSE"] });
}

/**
 * An optional number; `undefined` when omitted, so that the core applies its documented default. Declare
 * the parameter `any` (not `number`): a reference to an empty cell must mean "the default", and a
 * `number` parameter could receive it as 0.
 */
export function optionalNumberOf(arg: string, value: unknown): number | undefined {
  return isOmitted(value) ? undefined : numberOf(arg, value);
}
