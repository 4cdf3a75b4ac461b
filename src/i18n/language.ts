/** The languages the add-in speaks. */
export type Language = "zh" | "en";

export const LANGUAGES: readonly Language[] = ["zh", "en"];

/**
 * The add-in language for an Office or browser language tag: Chinese for any `zh*` tag (zh-CN, zh-TW,
 * zh-Hans…), English otherwise.
 */
export function languageFromTag(tag: string | null | undefined): Language {
  return typeof tag === "string" && tag.trim().toLowerCase().startsWith("zh") ? "zh" : "en";
}

const SPELLINGS: Record<string, Language> = {
  zh: "zh",
  cn: "zh",
  chinese: "zh",
  中文: "zh",
  汉语: "zh",
  简体中文: "zh",
  en: "en",
  english: "en",
  英文: "en",
  英语: "en",
};

/**
 * A language a user typed in a formula: "zh", "en", a tag such as "zh-CN" or "en-US", or the language's
 * name in either language. Returns `undefined` for anything else.
 */
export function parseLanguage(text: string): Language | undefined {
  const key = text.trim().toLowerCase();
  const direct = SPELLINGS[key];
  if (direct !== undefined) return direct;
  if (/^zh[-_]/.test(key)) return "zh";
  if (/^en[-_]/.test(key)) return "en";
  return undefined;
}
