import { FUNCTION_METADATA_ZH } from "../../src/i18n/function-metadata-zh";
import { CustomFunctionsMetadata, localizeMetadata, MetadataTranslation } from "../../src/i18n/localize-metadata";
import { PARAMETER_NAMES_ZH } from "../../src/i18n/parameter-names";

/**
 * functions.json → functions-zh-CN.json (src/i18n/localize-metadata.ts, run by the build): only text
 * changes, and every gap or stray entry in the translation is a problem that fails the build.
 */

/** A small functions.json as custom-functions-metadata writes it. */
function english(): CustomFunctionsMetadata {
  return {
    allowCustomDataForDataTypeAny: true,
    functions: [
      {
        description: "Average order value: revenue ÷ orders.",
        id: "KPI.AOV",
        name: "KPI.AOV",
        parameters: [
          { description: "Revenue.", name: "revenue", type: "number" },
          { description: "Orders.", name: "orders", type: "number" },
        ],
        result: { type: "number" },
      },
      {
        description: "Splits a total.",
        id: "TARGET.SPLIT",
        name: "TARGET.SPLIT",
        options: { volatile: false },
        parameters: [
          { name: "total", type: "number" },
          { description: "Weights.", dimensionality: "matrix", name: "weights", type: "any" },
          { description: "Unit.", name: "unit", optional: true, type: "any" },
        ],
        result: { dimensionality: "matrix", type: "number" },
      },
    ],
  };
}

function translation(): { names: Record<string, string>; texts: Record<string, { description: string; parameters: Record<string, string> }> } {
  return {
    names: { revenue: "销售额", orders: "订单数", total: "总目标", weights: "权重", unit: "取整单位" },
    texts: {
      "KPI.AOV": { description: "客单价：销售额 ÷ 订单数。", parameters: { revenue: "销售额。", orders: "订单数。" } },
      "TARGET.SPLIT": { description: "按权重拆分总目标。", parameters: { total: "总目标。", weights: "权重。", unit: "取整单位。" } },
    },
  };
}

const problemsOf = (edit: (t: ReturnType<typeof translation>, e: CustomFunctionsMetadata) => void): string[] => {
  const t = translation();
  const e = english();
  edit(t, e);
  return localizeMetadata(e, t).problems;
};

/** Everything but the text a user reads (descriptions, parameter names): what must not differ between languages. */
const structure = (metadata: CustomFunctionsMetadata) => ({
  ...metadata,
  functions: metadata.functions.map(({ description: _, parameters, ...fn }) => ({
    ...fn,
    parameters: parameters.map(({ name: _name, description: _description, ...parameter }) => parameter),
  })),
});

describe("localizeMetadata", () => {
  it("writes the Chinese descriptions and parameter names, and nothing else", () => {
    const source = english();
    const { metadata, problems } = localizeMetadata(source, translation());
    expect(problems).toEqual([]);
    expect(source).toEqual(english());
    const [aov, split] = metadata.functions;
    expect(aov).toMatchObject({ id: "KPI.AOV", name: "KPI.AOV", description: "客单价：销售额 ÷ 订单数。" });
    expect(aov!.parameters.map((p) => [p.name, p.description])).toEqual([["销售额", "销售额。"], ["订单数", "订单数。"]]);
    // The English file had no description for total: the Chinese one has.
    expect(split!.parameters[0]).toEqual({ name: "总目标", description: "总目标。", type: "number" });
    expect(structure(metadata)).toEqual(structure(english()));
  });

  it.each<[string, (t: ReturnType<typeof translation>, e: CustomFunctionsMetadata) => void, RegExp]>([
    ["a function without a Chinese text", (t) => delete t.texts["KPI.AOV"], /^KPI\.AOV has no Chinese description \(add it to src\/i18n\/function-metadata-zh\.ts\)$/],
    ["a parameter without a Chinese name", (t) => delete t.names.orders, /^KPI\.AOV, parameter orders has no Chinese name \(add it to src\/i18n\/parameter-names\.ts\)$/],
    ["a parameter without a Chinese description", (t) => delete t.texts["TARGET.SPLIT"]!.parameters.unit, /^TARGET\.SPLIT, parameter unit has no Chinese description/],
    ["a new parameter in the JSDoc", (_, e) => e.functions[0]!.parameters.push({ name: "discount", type: "any" }), /KPI\.AOV, parameter discount has no Chinese name/],
    ["a text for a function that does not exist", (t) => (t.texts["KPI.GONE"] = { description: "已删除。", parameters: {} }), /describes KPI\.GONE, which is not a function of functions\.json/],
    ["a description of a parameter that does not exist", (t) => (t.texts["KPI.AOV"]!.parameters.refunds = "退款。"), /describes a parameter refunds of KPI\.AOV, which has no such parameter/],
    ["a name for a parameter that does not exist", (t) => (t.names.refunds = "退款"), /parameter-names\.ts names refunds, which is no function's parameter/],
    ["a name with a space", (t) => (t.names.orders = "订单 数"), /"订单 数" \(orders\) is not a name Excel shows well/],
    ["a name starting with a digit", (t) => (t.names.orders = "1订单数"), /"1订单数" \(orders\) is not a name/],
    ["a name with a comma", (t) => (t.names.orders = "订单,数"), /is not a name/],
    ["a name over 64 characters", (t) => (t.names.orders = "订".repeat(65)), /at most 64 characters/],
    ["a name left in English", (t) => (t.names.orders = "orders"), /the Chinese name of orders has no Chinese in it/],
    ["two parameters of one function with one Chinese name", (t) => (t.names.orders = "销售额"), /KPI\.AOV: parameters revenue and orders both read "销售额"/],
    ["a description over 128 characters", (t) => (t.texts["KPI.AOV"]!.description = "长".repeat(129)), /KPI\.AOV: the Chinese description is 129 characters, above Excel's 128/],
    ["a parameter description left in English", (t) => (t.texts["KPI.AOV"]!.parameters.orders = "Orders."), /KPI\.AOV, parameter orders: the Chinese description has no Chinese in it/],
    ["an empty description", (t) => (t.texts["KPI.AOV"]!.description = " "), /KPI\.AOV: the Chinese description is empty/],
  ])("reports %s", (_, edit, expected) => {
    const problems = problemsOf(edit);
    expect(problems).toContainEqual(expect.stringMatching(expected));
  });

  it("counts characters, not UTF-16 units: 128 Chinese characters are allowed", () => {
    expect(problemsOf((t) => (t.texts["KPI.AOV"]!.description = "𠀀".repeat(128)))).toEqual([]);
  });

  it("lists every problem at once, so one build shows all that is missing", () => {
    const problems = problemsOf((t) => {
      delete t.texts["KPI.AOV"];
      delete t.names.unit;
    });
    expect(problems).toEqual([
      expect.stringMatching(/^KPI\.AOV has no Chinese description/),
      expect.stringMatching(/^TARGET\.SPLIT, parameter unit has no Chinese name/),
    ]);
  });
});

describe("the add-in's translation tables (src/i18n/parameter-names.ts, function-metadata-zh.ts)", () => {
  /** The functions and parameters the tables describe, as a functions.json. */
  const described: CustomFunctionsMetadata = {
    functions: Object.entries(FUNCTION_METADATA_ZH).map(([id, text]) => ({
      id,
      name: id,
      parameters: Object.keys(text.parameters).map((name) => ({ name, type: "any" })),
    })),
  };
  const tables: MetadataTranslation = { names: PARAMETER_NAMES_ZH, texts: FUNCTION_METADATA_ZH };

  it("agree with each other and follow Excel's rules (names, lengths), Chinese throughout", () => {
    expect(localizeMetadata(described, tables).problems).toEqual([]);
  });

  it("give every Chinese name to one English name only, so a message never leaves a doubt which it means", () => {
    const chinese = Object.values(PARAMETER_NAMES_ZH);
    expect(new Set(chinese).size).toBe(chinese.length);
  });
});
