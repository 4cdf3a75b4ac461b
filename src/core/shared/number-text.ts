/**
 * Numbers written as text — the one reader behind the custom functions' cells and every number field of
 * the task pane. Order and target data often come from Chinese systems as text, so besides plain numbers
 * it reads what those exports write:
 *
 * - plain and grouped numbers: `1234.5`, `1,234.5` (correct thousands groups only), `.5`, `1e16`;
 * - signs: `-1,200`, `+5`, and accounting parentheses `(1,200)` = −1200, as Excel reads them when typed;
 * - money: one currency mark before the number (`¥`, `￥`, `$`, `€`, `£`, `RMB`, `CNY`, `人民币`) and/or
 *   a unit after it (`元`, `RMB`, `CNY`): `¥1,200`, `￥1200.50`, `RMB 1200`, `1200元`;
 * - Chinese magnitudes after the number: `万` (10⁴) and `亿` (10⁸), also as part of a unit (`万元`, `亿元`):
 *   `1.2万` = 12,000, `4000万` = 40,000,000, `1.2亿` = 120,000,000, `1.2万元` = 12,000;
 * - percentages: `12%` = 0.12 (never combined with money or a magnitude);
 * - full-width digits and punctuation as Chinese input methods type them: `１２００`, `１，２００．５`, `％`,
 *   `－`, `（）`, and the minus sign `−`.
 *
 * Anything else (`12,34`, `1.2.3`, `5 apples`, `1.2万%`) is not a number. Spaces may separate the marks
 * from the number (`RMB 1200`, `1.2 万`), never split the digits.
 *
 * Exactness: a magnitude or a percent sign moves the decimal point of the digits as written; the value is
 * then the double nearest to that decimal, exactly as if the shifted number had been typed — `1.2万` is
 * 12000 (not 1.2 × 10000 = 12000.000000000002) and `12.3%` is 0.123 (not 12.3 / 100).
 */

/** A number read from text, with how it was written. */
export interface NumberText {
  /** The value Excel would hold: `12%` → 0.12, `1.2万` → 12000, `(5)` → −5. ±Infinity beyond the double range. */
  readonly value: number;
  /** Written with a percent sign. */
  readonly percent: boolean;
  /** Written as money or with a magnitude (a currency mark, `元`, `万`, `亿`). */
  readonly amount: boolean;
  /** The decimal written: value = (negative ? −1 : 1) × digits × 10^exponent (percent and magnitude included). */
  readonly negative: boolean;
  readonly digits: string;
  readonly exponent: number;
}

/** A plain decimal, as most numeric text is: read without the full grammar. */
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A decimal with thousands groups ("1,234.50"), as exports write amounts: also read without the grammar. */
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

// (paren) sign currency sign integer .fraction e-exponent  percent | magnitude unit  (paren)
const GRAMMAR =
  /^(\()?\s*([+-])?\s*(?:([¥$€£]|RMB|CNY|人民币)\s*)?([+-])?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*(?:(%)|(万|亿)?\s*(元|RMB|CNY)?)\s*(\))?$/i;

const MAGNITUDE: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

/** The largest decimal exponent a double reaches (≈1.8e308); beyond it a value is ±Infinity. */
const MAX_DECIMAL_EXPONENT = 309;
/** Below it (≈5e-324 with margin) a value is 0. */
const MIN_DECIMAL_EXPONENT = -400;

/**
 * Full-width forms (U+FF01–U+FF5E: `１２００`, `，`, `．`, `％`, `（`, `Ｒ`) folded to their ASCII letters,
 * the ideographic space to a space, `￥` to `¥` and the minus sign `−` to `-`. Only these: a general NFKC
 * would also turn `²` or `①` into digits.
 */
export function foldWidth(text: string): string {
  let i = 0;
  while (i < text.length && !isWide(text.charCodeAt(i))) i++;
  if (i === text.length) return text; // nothing to fold, as in most text ("2024年3月1日" included)
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if (c === 0xffe5) out += "¥";
    else if (c === 0x2212) out += "-";
    else out += text[i];
  }
  return out;
}

/** A character {@link foldWidth} folds. */
function isWide(c: number): boolean {
  return c >= 0x2212 && ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || c === 0xffe5 || c === 0x2212);
}

/** ±digits × 10^exponent as the nearest double; 0 and ±Infinity outside the double range. */
function decimalValue(negative: boolean, digits: string, exponent: number): number {
  let first = 0;
  while (first < digits.length && digits.charCodeAt(first) === 48) first++;
  if (first === digits.length) return 0;
  const significant = first === 0 ? digits : digits.slice(first);
  const leading = significant.length - 1 + exponent; // decimal exponent of the first significant digit
  let magnitude: number;
  if (leading > MAX_DECIMAL_EXPONENT) magnitude = Infinity;
  else if (leading < MIN_DECIMAL_EXPONENT) magnitude = 0;
  else magnitude = Number(`${significant}e${exponent}`); // JavaScript rounds a decimal string correctly
  return negative ? -magnitude : magnitude + 0;
}

/**
 * The number `text` spells (see the module comment), with how it was written; `undefined` when it is not
 * a number (an empty text included).
 */
export function readNumberText(text: string): NumberText | undefined {
  if (PLAIN.test(text)) return plainNumber(text);
  const t = foldWidth(text).trim();
  if (PLAIN.test(t)) return plainNumber(t);
  const m = GRAMMAR.exec(t);
  if (m === null) return undefined;
  const [, open, sign1, currency, sign2, whole = "", fraction = "", exponentText, percent, magnitude, unit, close] = m;
  if (whole.length === 0 && fraction.length === 0) return undefined; // no digit at all
  if ((open === undefined) !== (close === undefined)) return undefined; // unbalanced parentheses
  if (sign1 !== undefined && sign2 !== undefined) return undefined; // two signs
  const sign = sign1 ?? sign2;
  if (open !== undefined && sign !== undefined) return undefined; // "(-5)": one way of saying negative
  const amount = currency !== undefined || magnitude !== undefined || unit !== undefined;
  if (percent !== undefined && amount) return undefined; // "¥12%": money is not a percentage
  const negative = open !== undefined || sign === "-";
  const digits = whole.replace(/,/g, "") + fraction;
  const written = exponentText === undefined ? 0 : Number(exponentText);
  const exponent = written - fraction.length + (magnitude === undefined ? 0 : (MAGNITUDE[magnitude] as number)) - (percent === undefined ? 0 : 2);
  return { value: decimalValue(negative, digits, exponent), percent: percent !== undefined, amount, negative, digits, exponent };
}

/** A plain decimal (already matched by PLAIN) as a NumberText. */
function plainNumber(t: string): NumberText {
  const negative = t.charCodeAt(0) === 45; // "-"
  const body = t.charCodeAt(0) === 45 || t.charCodeAt(0) === 43 ? t.slice(1) : t;
  const e = body.search(/[eE]/);
  const mantissa = e < 0 ? body : body.slice(0, e);
  const point = mantissa.indexOf(".");
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const fractionLength = point < 0 ? 0 : mantissa.length - point - 1;
  const exponent = (e < 0 ? 0 : Number(body.slice(e + 1))) - fractionLength;
  return { value: decimalValue(negative, digits, exponent), percent: false, amount: false, negative, digits, exponent };
}

/**
 * The number `text` spells as Excel would hold it (`12%` → 0.12, `1.2万` → 12000), or `undefined`.
 * Plain and grouped decimals, with or without one leading currency sign (`1234.5`, `1,234.50`, `¥1,200`),
 * take a fast path to the same value; the rest goes through the grammar. The value may be ±Infinity for a
 * text beyond the double range: the caller range-checks it.
 */
export function numberFromText(text: string): number | undefined {
  const fast = plainOrGrouped(text, 0);
  if (fast !== undefined) return fast;
  if (CURRENCY_SIGNS.has(text.charCodeAt(0))) {
    const amount = plainOrGrouped(text.slice(1), 0); // "¥1,200": one sign before a plain number
    if (amount !== undefined) return amount;
  }
  let end = text.length;
  if (text.charCodeAt(end - 1) === YUAN) end--; // "1234.5元", "1.2万元"
  const magnitude = text.charCodeAt(end - 1) === WAN ? 4 : text.charCodeAt(end - 1) === YI ? 8 : 0;
  if (magnitude > 0) end--;
  if (end < text.length) {
    const amount = plainOrGrouped(text.slice(0, end), magnitude);
    if (amount !== undefined) return amount;
  }
  return readNumberText(text)?.value;
}

/** The currency signs a fast path strips: ¥ ￥ $ € £. */
const CURRENCY_SIGNS: ReadonlySet<number> = new Set([0xa5, 0xffe5, 0x24, 0x20ac, 0xa3]);
const YUAN = 0x5143; // 元
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿
/** A decimal without exponent, grouped or not, to which a magnitude can be appended as one. */
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)$/;

/**
 * A plain or grouped decimal's value times 10^magnitude (the same double the grammar gives: the shifted
 * decimal read once), else `undefined`.
 */
function plainOrGrouped(text: string, magnitude: number): number | undefined {
  if (magnitude === 0 && PLAIN.test(text)) return Number(text) + 0;
  const digits = GROUPED.test(text) ? text.replace(/,/g, "") : text;
  if (magnitude === 0) return digits === text ? undefined : Number(digits) + 0;
  return DECIMAL.test(digits) ? Number(`${digits}e${magnitude}`) + 0 : undefined;
}

/**
 * The value of a number read from text with its decimal point moved `places` to the right (−2: percent
 * points to a fraction, 30 → 0.3), exact in the same sense as the reading itself.
 */
export function shiftedValue(number: NumberText, places: number): number {
  return decimalValue(number.negative, number.digits, number.exponent + places);
}
