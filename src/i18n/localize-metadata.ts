/**
 * functions.json (the custom-function metadata generated from the English JSDoc) → its Simplified Chinese
 * copy, functions-zh-CN.json. Only text changes: each function's description and each parameter's name and
 * description. Ids, function names (= ids, which workbooks store), types, dimensionality, optionality and
 * options are copied, so Excel sees the same functions in either language.
 *
 * Used by the build (scripts/zh-metadata-plugin.cjs), which fails on any problem listed here; the rules are
 * Microsoft's for function metadata: a parameter name of at most 64 characters, a description of at most
 * 128, and Excel's rule for names (a letter first, then letters, digits or underscores).
 */

export interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}

export interface CustomFunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

/** The translation tables: src/i18n/parameter-names.ts and src/i18n/function-metadata-zh.ts. */
export interface MetadataTranslation {
  readonly names: Readonly<Record<string, string>>;
  readonly texts: Readonly<Record<string, { readonly description: string; readonly parameters: Readonly<Record<string, string>> }>>;
}

export const DESCRIPTION_MAX = 128;
export const PARAMETER_NAME_MAX = 64;
const NAME_PATTERN = /^\p{L}[\p{L}\p{N}_]*$/u;
const CHINESE = /\p{Script=Han}/u;

const NAMES_FILE = "src/i18n/parameter-names.ts";
const TEXTS_FILE = "src/i18n/function-metadata-zh.ts";

const own = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);
const length = (text: string): number => [...text].length;

/** The Chinese metadata, or the problems that prevent it (each a line naming what to fix, and where). */
export function localizeMetadata(
  english: CustomFunctionsMetadata,
  { names, texts }: MetadataTranslation,
): { metadata: CustomFunctionsMetadata; problems: string[] } {
  const problems: string[] = [];
  const metadata = JSON.parse(JSON.stringify(english)) as CustomFunctionsMetadata;
  const usedNames = new Set<string>();

  const checkDescription = (where: string, text: string): void => {
    if (text.trim().length === 0) problems.push(`${where}: the Chinese description is empty (${TEXTS_FILE})`);
    else if (!CHINESE.test(text)) problems.push(`${where}: the Chinese description has no Chinese in it: "${text}" (${TEXTS_FILE})`);
    if (length(text) > DESCRIPTION_MAX) {
      problems.push(`${where}: the Chinese description is ${length(text)} characters, above Excel's ${DESCRIPTION_MAX} (${TEXTS_FILE})`);
    }
  };

  for (const fn of metadata.functions) {
    const text = own(texts, fn.id) ? texts[fn.id] : undefined;
    if (text === undefined) problems.push(`${fn.id} has no Chinese description (add it to ${TEXTS_FILE})`);
    else {
      checkDescription(fn.id, text.description);
      fn.description = text.description;
    }
    const englishNames = new Set(fn.parameters.map((p) => p.name));
    const chineseOf = new Map<string, string>();
    for (const parameter of fn.parameters) {
      const where = `${fn.id}, parameter ${parameter.name}`;
      usedNames.add(parameter.name);
      const name = own(names, parameter.name) ? names[parameter.name] : undefined;
      if (name === undefined) problems.push(`${where} has no Chinese name (add it to ${NAMES_FILE})`);
      else {
        const twin = chineseOf.get(name);
        if (twin !== undefined) problems.push(`${fn.id}: parameters ${twin} and ${parameter.name} both read "${name}" in Chinese (${NAMES_FILE})`);
        chineseOf.set(name, parameter.name);
      }
      const description = text !== undefined && own(text.parameters, parameter.name) ? text.parameters[parameter.name] : undefined;
      if (text !== undefined && description === undefined) problems.push(`${where} has no Chinese description (add it to ${TEXTS_FILE})`);
      if (description !== undefined) checkDescription(where, description);
      if (name !== undefined) parameter.name = name;
      if (description !== undefined) parameter.description = description;
    }
    if (text !== undefined) {
      for (const stray of Object.keys(text.parameters)) {
        if (!englishNames.has(stray)) problems.push(`${TEXTS_FILE} describes a parameter ${stray} of ${fn.id}, which has no such parameter`);
      }
    }
  }

  const ids = new Set(english.functions.map((f) => f.id));
  for (const id of Object.keys(texts)) {
    if (!ids.has(id)) problems.push(`${TEXTS_FILE} describes ${id}, which is not a function of functions.json`);
  }
  for (const [english, chinese] of Object.entries(names)) {
    if (!usedNames.has(english)) problems.push(`${NAMES_FILE} names ${english}, which is no function's parameter`);
    if (!NAME_PATTERN.test(chinese) || length(chinese) > PARAMETER_NAME_MAX) {
      problems.push(
        `${NAMES_FILE}: "${chinese}" (${english}) is not a name Excel shows well: a letter first, then letters, digits or _, at most ${PARAMETER_NAME_MAX} characters`,
      );
    } else if (!CHINESE.test(chinese)) problems.push(`${NAMES_FILE}: the Chinese name of ${english} has no Chinese in it: "${chinese}"`);
  }
  return { metadata, problems };
}
