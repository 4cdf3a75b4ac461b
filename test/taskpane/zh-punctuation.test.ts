import { DECOMPOSE_STRINGS } from "../../src/i18n/decompose";
import { FIELD_STRINGS, LIST_STRINGS } from "../../src/i18n/fields";
import { FORECAST_WIZARD_STRINGS } from "../../src/i18n/forecast-wizard";
import { FUNNEL_WIZARD_STRINGS } from "../../src/i18n/funnel-wizard";
import { IMPORT_STRINGS } from "../../src/i18n/import";
import { MARKET_STRINGS } from "../../src/i18n/market";
import { PROGRESS_STRINGS } from "../../src/i18n/progress";
import { SMART_STRINGS } from "../../src/i18n/smart";

/**
 * Chinese text uses Chinese punctuation: full-width brackets （） and the colon ：, never the ASCII ones
 * (an ASCII colon stays only inside a cell address such as Sheet1!B2:B6). Checked on every Chinese string of
 * the wizards' dictionaries, functions called with sample arguments.
 */
const DICTIONARIES = { DECOMPOSE_STRINGS, FIELD_STRINGS, FORECAST_WIZARD_STRINGS, FUNNEL_WIZARD_STRINGS, IMPORT_STRINGS, LIST_STRINGS, MARKET_STRINGS, PROGRESS_STRINGS, SMART_STRINGS };

function texts(zh: Record<string, unknown>): [string, string][] {
  return Object.entries(zh).flatMap(([key, value]): [string, string][] => {
    if (typeof value === "string") return [[key, value]];
    if (Array.isArray(value)) return value.map((v, i) => [`${key}.${i}`, String(v)]);
    if (typeof value === "function") return [[key, String(value(...Array.from({ length: value.length }, () => "X")))]];
    return [];
  });
}

const CJK = /[\u3400-\u9fff]/;

describe.each(Object.entries(DICTIONARIES))("%s in Chinese", (_, dictionary) => {
  it("has no ASCII brackets or colons beside Chinese text", () => {
    const problems = texts(dictionary.zh as Record<string, unknown>)
      .filter(([, text]) => CJK.test(text))
      .map(([key, text]): [string, string] => [key, text.replace(/('[^']*'|[A-Za-z\d]+)!/g, "").replace(/\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+/g, "")])
      .filter(([, text]) => /[():]/.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(problems).toEqual([]);
  });
});
