import { z } from "zod";
import { numberFromText } from "../../src/core/shared/number-text";
import { sharedFieldMessage } from "../../src/i18n/fields";
import { formatAmount, formatPercent } from "../../src/i18n/format";
import { dateField, fieldValue, numberField, readNumberField, type NumberKind } from "../../src/taskpane/components/form-fields";
import { validateWith } from "../../src/taskpane/components/validation";
import { CHINESE_AMOUNTS } from "../support/chinese-amounts";

/** The pane's number fields read text with the functions' reader; a field's kind decides what "30%" means. */
describe("number fields of the pane", () => {
  it.each(CHINESE_AMOUNTS)("read the amount %j as %d, as a cell does", (text, value) => {
    expect(readNumberField(text, "amount")).toEqual({ ok: true, value });
    expect(numberFromText(text)).toBe(value);
  });

  it.each<[NumberKind, string, number]>([
    ["amount", "30", 30],
    ["weight", "30", 30],
    ["weight", "30%", 30],
    ["weight", "1.2万", 12_000],
    ["percent", "30", 0.3],
    ["percent", "30%", 0.3],
    ["percent", "３０％", 0.3],
    ["percent", "12.3", 0.123],
    ["percent", "-12.3%", -0.123],
    ["ratio", "1.5", 1.5],
    ["ratio", "150%", 1.5],
    ["scale", "3", 3],
    ["scale", "３", 3],
  ])("a %s field reads %j as %d", (kind, text, value) => {
    expect(readNumberField(text, kind)).toEqual({ ok: true, value });
  });

  it.each<[NumberKind, string, string]>([
    ["amount", "30%", "percentNotAmount"],
    ["amount", "", "required"],
    ["amount", "  ", "required"],
    ["amount", "abc", "notNumber"],
    ["amount", "12,34", "notNumber"],
    ["amount", "1.2万%", "notNumber"],
    ["amount", "1e400", "tooLarge"],
    ["amount", "1e308", "tooLarge"],
    ["weight", "-1e400", "tooLarge"],
    ["percent", "¥30", "notNumber"],
    ["percent", "3万", "notNumber"],
    ["ratio", "1.5元", "notNumber"],
    ["scale", "RMB 3", "notNumber"],
  ])("a %s field refuses %j: %s", (kind, text, code) => {
    const reading = readNumberField(text, kind);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.code).toBe(code);
  });

  it("passes a value beyond any cell on to a bounded field's own range, which then names it", () => {
    expect(readNumberField("1e400", "percent")).toEqual({ ok: true, value: Number.MAX_VALUE });
    const schema = z.object({ ramp: numberField("percent", z.number().max(1, { error: "rampRange" })) });
    expect(validateWith(schema, { ramp: "1e400" })).toEqual({ ok: false, errors: { ramp: "rampRange" }, params: {} });
  });

  it("keeps what a message needs with the code: the text typed, the limit", () => {
    const schema = z.object({ baseline: numberField("amount"), total: numberField("amount") });
    expect(validateWith(schema, { baseline: " 30% ", total: "1e400" })).toEqual({
      ok: false,
      errors: { baseline: "percentNotAmount", total: "tooLarge" },
      params: { baseline: { text: "30%" }, total: { max: 9.99999999999999e307 } },
    });
  });

  it("gives NaN for a live preview of text that does not read", () => {
    expect(fieldValue("1.2万", "amount")).toBe(12_000);
    expect(fieldValue("30%", "amount")).toBeNaN();
    expect(fieldValue("", "percent")).toBeNaN();
  });

  it("reads dates as the functions do, the time of day dropped", () => {
    const schema = z.object({ start: dateField });
    expect(validateWith(schema, { start: "2024年3月1日" })).toEqual({ ok: true, data: { start: 45352 } });
    expect(validateWith(schema, { start: "2024-03-01 14:30" })).toEqual({ ok: true, data: { start: 45352 } });
    expect(validateWith(schema, { start: "2024年2月30日" })).toEqual({ ok: false, errors: { start: "date" }, params: {} });
  });
});

describe("the shared number-field messages", () => {
  it("say a percentage is not an amount, in English and Chinese", () => {
    expect(sharedFieldMessage("percentNotAmount", { text: "30%" }, "en")).toBe("30% is a percentage; enter an amount such as 300000.");
    expect(sharedFieldMessage("percentNotAmount", { text: "30%" }, "zh")).toBe("30% 是百分比；这里需要金额，例如 300000 或 30万。");
  });
  it("give the limit of a number too large, in English and Chinese", () => {
    expect(sharedFieldMessage("tooLarge", { max: 9.99999999999999e307 }, "en")).toBe("Enter at most 9.99999999999999E+307.");
    expect(sharedFieldMessage("tooLarge", { max: 9_007_199_254_740_990 }, "zh")).toBe("最大只能输入 9,007,199,254,740,990。");
  });
  it("leave the wizards' own codes to them", () => {
    expect(sharedFieldMessage("notNumber", undefined, "en")).toBeUndefined();
  });
});

describe("one formatter per kind (src/i18n/format.ts)", () => {
  it("amounts: grouped, at most 15 significant digits, Excel's scientific form beyond 10²¹", () => {
    expect(formatAmount(120_000_000, "zh")).toBe("120,000,000");
    expect(formatAmount(1_000_000.0005, "en")).toBe("1,000,000.0005");
    expect(formatAmount(0.1 + 0.2, "en")).toBe("0.3");
    expect(formatAmount(-0, "en")).toBe("0");
    expect(formatAmount(9_007_199_254_740_991, "en")).toBe("9,007,199,254,740,990");
    expect(formatAmount(1e21, "en")).toBe("1E+21");
  });
  it("percentages with one decimal", () => {
    expect(formatPercent(0.25)).toBe("25.0%");
    expect(formatPercent(-0.031)).toBe("-3.1%");
  });
});
