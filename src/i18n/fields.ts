import { formatAmount } from "./format";
import type { Language } from "./language";

/**
 * Messages every number field of the pane can show, whatever the wizard (the wizards word their own range
 * rules). Parameters arrive as the field's issue params: `text` as typed, `max` a number.
 */
const en = {
  percentNotAmount: (text: string) => `${text} is a percentage; enter an amount such as 300000.`,
  tooLarge: (max: string) => `Enter at most ${max}.`,
};

export type FieldStrings = typeof en;

const zh: FieldStrings = {
  percentNotAmount: (text: string) => `${text} 是百分比；这里需要金额，例如 300000 或 30万。`,
  tooLarge: (max: string) => `最大只能输入 ${max}。`,
};

export const FIELD_STRINGS: Readonly<Record<Language, FieldStrings>> = { en, zh };

/** The shared number-field codes a message exists for here. */
export type SharedFieldCode = "percentNotAmount" | "tooLarge";

/** The sentence for a shared number-field code, or `undefined` for any other code. */
export function sharedFieldMessage(code: string | undefined, params: Readonly<Record<string, unknown>> | undefined, language: Language): string | undefined {
  const f = FIELD_STRINGS[language];
  if (code === "percentNotAmount") return f.percentNotAmount(String(params?.text ?? ""));
  if (code === "tooLarge") return f.tooLarge(typeof params?.max === "number" ? formatAmount(params.max, language) : "?");
  return undefined;
}
