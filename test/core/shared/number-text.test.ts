import fc from "fast-check";
import { foldWidth, numberFromText, readNumberText, shiftedValue } from "../../../src/core/shared/number-text";

/**
 * The one reader of numbers written as text (cells and pane fields alike). Expected values are the numbers
 * Excel holds when the same amount is typed plainly ("1.2万" → what typing 12000 gives).
 */
describe("numbers written as text", () => {
  it.each([
    ["1234.5", 1234.5],
    ["1,234.5", 1234.5],
    [" 42 ", 42],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["1e16", 1e16],
    ["1.5E-3", 0.0015],
    ["-1,200", -1200],
    ["+5", 5],
    ["−5", -5],
    ["(1,200)", -1200],
    ["( 1200 )", -1200],
    ["12%", 0.12],
    ["12.3%", 0.123],
    ["-5%", -0.05],
    ["1200元", 1200],
    ["1200 元", 1200],
    ["¥1,200", 1200],
    ["￥1200.50", 1200.5],
    ["$5", 5],
    ["€1,000", 1000],
    ["£3", 3],
    ["RMB 1200", 1200],
    ["rmb1200", 1200],
    ["CNY 1,200.00", 1200],
    ["1200 CNY", 1200],
    ["1200RMB", 1200],
    ["人民币 1,200.00元", 1200],
    ["-¥1,200", -1200],
    ["¥-1,200", -1200],
    ["(¥1,200)", -1200],
    ["1.2万", 12000],
    ["4000万", 40_000_000],
    ["3亿", 300_000_000],
    ["1.2亿", 120_000_000],
    ["1.2万元", 12000],
    ["1.2 万元", 12000],
    ["3亿元", 300_000_000],
    ["¥1.2万", 12000],
    ["-1.5万", -15000],
    ["1,234,567.891亿", 123_456_789_100_000],
    ["１２００", 1200],
    ["１，２００．５", 1200.5],
    ["１２％", 0.12],
    ["－５", -5],
    ["（１，２００）", -1200],
    ["ＲＭＢ　１２００", 1200],
    ["１．２万", 12000],
  ])("reads %j as %d", (text, value) => {
    expect(numberFromText(text)).toBe(value);
    expect(readNumberText(text)?.value).toBe(value);
  });

  it.each([
    [""],
    [" "],
    ["abc"],
    ["."],
    ["-"],
    ["1.2.3"],
    ["12,34"],
    ["1,2345"],
    [",123"],
    ["1 200"],
    ["=1+1"],
    ["5 apples"],
    ["1.2万%"],
    ["¥12%"],
    ["12%元"],
    ["(-5)"],
    ["--5"],
    ["+-5"],
    ["(5"],
    ["5)"],
    ["万"],
    ["¥"],
    ["1万万"],
    ["一万"],
    ["1²"],
    ["①"],
    ["0x10"],
    ["Infinity"],
    ["NaN"],
    ["TRUE"],
    ["2024-03-31"],
  ])("does not read %j", (text) => {
    expect(numberFromText(text)).toBeUndefined();
    expect(readNumberText(text)).toBeUndefined();
  });

  it("says how a number was written: a percentage, money or a magnitude", () => {
    expect(readNumberText("30%")).toMatchObject({ value: 0.3, percent: true, amount: false });
    expect(readNumberText("¥30")).toMatchObject({ value: 30, percent: false, amount: true });
    expect(readNumberText("30万")).toMatchObject({ value: 300_000, percent: false, amount: true });
    expect(readNumberText("30元")).toMatchObject({ percent: false, amount: true });
    expect(readNumberText("30")).toMatchObject({ value: 30, percent: false, amount: false });
  });

  it("reads beyond the double range as ±Infinity and far below it as 0, for the caller to range-check", () => {
    expect(numberFromText("1e400")).toBe(Infinity);
    expect(numberFromText("-1e400")).toBe(-Infinity);
    expect(numberFromText("1e99999999999999999999")).toBe(Infinity);
    expect(numberFromText("1e308万")).toBe(Infinity);
    expect(numberFromText("1e-400")).toBe(0);
    expect(numberFromText("0e99999")).toBe(0);
    expect(Object.is(numberFromText("-0"), 0)).toBe(true);
    expect(Object.is(numberFromText("-0.00万"), 0)).toBe(true);
  });

  it("scales by moving the decimal point, not by multiplying: exactly what typing the amount gives", () => {
    // Float multiplication would give 10049.999999999998, 11299.999999999998, 229999999.99999997, 0.12300000000000001.
    expect(1.005 * 10_000).not.toBe(10_050);
    expect(numberFromText("1.005万")).toBe(10_050);
    expect(numberFromText("1.13万")).toBe(11_300);
    expect(numberFromText("2.3亿")).toBe(230_000_000);
    expect(numberFromText("0.29亿")).toBe(29_000_000);
    expect(numberFromText("12.3%")).toBe(0.123);
  });

  it("moves the point of what was written for a field in percent points, exactly", () => {
    const thirty = readNumberText("30")!;
    expect(shiftedValue(thirty, -2)).toBe(0.3);
    expect(shiftedValue(readNumberText("12.3")!, -2)).toBe(0.123);
    expect(shiftedValue(readNumberText("30%")!, 2)).toBe(30);
    expect(shiftedValue(readNumberText("-1.5万")!, 0)).toBe(-15_000);
  });

  it("folds full-width digits and punctuation, the ideographic space, ￥ and − only", () => {
    expect(foldWidth("１２，３４５．６７％")).toBe("12,345.67%");
    expect(foldWidth("￥　－（）")).toBe("¥ -()");
    expect(foldWidth("−5")).toBe("-5");
    expect(foldWidth("1.2万元")).toBe("1.2万元");
    expect(foldWidth("²①")).toBe("²①");
    const ascii = "plain 1,234.5";
    expect(foldWidth(ascii)).toBe(ascii);
  });
});

/** A decimal as people type it: 1–10 integer digits (no leading zero but "0"), 0–5 decimals, at most 15 significant digits. */
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 9_999_999_999 }), fc.stringMatching(/^[0-9]{0,5}$/))
  .map(([whole, fraction]) => (fraction === "" ? String(whole) : `${whole}.${fraction}`));

/** The same decimal with its point moved `places` to the right, written out in digits (no exponent). */
function movePoint(text: string, places: number): string {
  const [whole = "", fraction = ""] = text.split(".");
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const shifted = `${digits.slice(0, point) || "0"}.${digits.slice(point) || "0"}`;
  return shifted;
}

/** Thousands groups, as an export writes them: 1234567.5 → "1,234,567.5". */
function grouped(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

const fullWidth = (text: string) => text.replace(/[0-9.,%()+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("exactness, for any decimal d (fixed seed)", () => {
  it("d万 and d万元 are exactly what typing d × 10,000 gives; d亿 d × 100,000,000", () => {
    fc.assert(
      fc.property(decimal, (d) => {
        const tenThousand = Number(movePoint(d, 4));
        expect(numberFromText(`${d}万`)).toBe(tenThousand);
        expect(readNumberText(`${d}万`)?.value).toBe(tenThousand); // the grammar, beside the fast path
        expect(numberFromText(`${grouped(d)}万元`)).toBe(tenThousand);
        expect(numberFromText(`-${d}万`)).toBe(-tenThousand + 0);
        expect(numberFromText(`${d}万元`)).toBe(tenThousand);
        expect(numberFromText(`¥${grouped(d)}万`)).toBe(tenThousand);
        expect(numberFromText(`${d}亿`)).toBe(Number(movePoint(d, 8)));
      }),
      { numRuns: 2000 },
    );
  });

  it("d% is exactly what typing d ÷ 100 gives", () => {
    fc.assert(
      fc.property(decimal, (d) => {
        expect(numberFromText(`${d}%`)).toBe(Number(movePoint(d, -2)));
      }),
      { numRuns: 2000 },
    );
  });

  it("grouping, currency marks, full width and the plain fast path all give the same number", () => {
    fc.assert(
      fc.property(decimal, (d) => {
        const plain = Number(d);
        expect(numberFromText(d)).toBe(plain);
        expect(readNumberText(d)?.value).toBe(plain);
        expect(numberFromText(grouped(d))).toBe(plain);
        expect(numberFromText(`¥${grouped(d)}`)).toBe(plain);
        expect(readNumberText(grouped(d))?.value).toBe(plain); // the grammar, beside the fast paths
        expect(readNumberText(`¥${grouped(d)}`)?.value).toBe(plain);
        expect(numberFromText(`RMB ${d}`)).toBe(plain);
        expect(numberFromText(`${d}元`)).toBe(plain);
        expect(numberFromText(fullWidth(grouped(d)))).toBe(plain);
      }),
      { numRuns: 2000 },
    );
  });

  it("-d, −d and (d) are the same negative number", () => {
    fc.assert(
      fc.property(decimal, (d) => {
        const negative = -Number(d) + 0;
        expect(numberFromText(`-${grouped(d)}`)).toBe(negative);
        expect(numberFromText(`−${d}`)).toBe(negative);
        expect(numberFromText(`(${grouped(d)})`)).toBe(negative);
      }),
      { numRuns: 1000 },
    );
  });
});
