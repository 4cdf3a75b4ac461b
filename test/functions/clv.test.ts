import { clvAlive, clvFit, clvPurchases, clvSpendFit, clvSummary, clvValue } from "../../src/functions/clv";
import { isoFromSerial, serialFromText } from "../../src/core/shared/excel-date";
import { CDNOW_END, cdnowSerial, cdnowSummary } from "../support/cdnow";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";
import { readCsv } from "../support/fixtures";

/**
 * The CLV family through its Excel adapters, with cells as Excel passes them: lifetimes' own unit test of
 * the summary, the CDNOW sample from raw orders to the published fits (Fader, Hardie & Lee 2005), the
 * shapes a manager selects (the spills of CLV.SUMMARY and CLV.FIT), and one test per error path, in
 * English and Chinese.
 */

const relative = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);
const cellsOf = (range: unknown[][], c = 0) => range.map((cells) => cells[c]);
const numbersIn = (range: unknown[][], c = 0) => cellsOf(range, c) as number[];

describe("=SALES.CLV.SUMMARY on lifetimes' unit test (period 1 day, analysis date the day after the last order)", () => {
  const input = readCsv("external/lifetimes_summary_unit_input.csv");
  const expected = readCsv("external/lifetimes_summary_unit_expected.csv");
  // Half the dates as serials, half as the ISO text of the file; ids as numbers, amounts as text.
  const ids = column(...input.map((r) => Number(r.id)));
  const dates = column(...input.map((r, i) => (i % 2 === 0 ? r.date : serialFromText(r.date as string))));
  const amounts = column(...input.map((r) => r.monetary_value));

  it("gives lifetimes' id, frequency, recency, T and monetary_value for every customer, exactly", () => {
    expect(clvSummary(ids, dates, amounts, "2015-02-07", 1, omitted)).toEqual(
      expected.map((r) => [Number(r.id), Number(r.frequency), Number(r.recency), Number(r.T), Number(r.monetary_value)]),
    );
  });

  it("counts T to the latest order when no analysis date is given, in weeks by default", () => {
    const daily = clvSummary(ids, dates, amounts, omitted, 1, omitted);
    expect(numbersIn(daily, 3)).toEqual(expected.map((r) => Number(r.T) - 1));
    const weekly = clvSummary(ids, dates, amounts, omitted, omitted, omitted);
    expect(numbersIn(weekly, 2)).toEqual(expected.map((r) => Number(r.recency) / 7));
  });

  it("adds a header row in the Office language, and takes a row of orders as well as a column", () => {
    expect(clvSummary(ids, dates, amounts, omitted, 1, true)[0]).toEqual(["customer_id", "frequency", "recency", "T", "monetary_value"]);
    const zh = withOfficeLanguage("zh-CN", () => clvSummary(ids, dates, amounts, omitted, 1, true));
    expect(zh[0]).toEqual(["客户", "重复购买次数", "首末购买间隔(期)", "观察期长(期)", "复购平均金额"]);
    expect(zh).toHaveLength(7);
    const flat = (range: unknown[][]) => [range.map((cells) => cells[0])];
    expect(clvSummary(flat(ids), flat(dates), flat(amounts), "2015-02-07", 1, false)).toEqual(clvSummary(ids, dates, amounts, "2015-02-07", 1, false));
  });
});

describe("the CDNOW sample through the adapters: raw orders → summary → fits → predictions", () => {
  // The orders up to the end of the calibration period (1997-09-30), as a sheet holds them: most dates as
  // date cells (serials), some as text in the forms Chinese exports use; some amounts as text.
  const orders = readCsv("external/cdnow_sample_transactions.csv").filter((r) => cdnowSerial(r.date as string) <= CDNOW_END);
  const textForms = [
    (s: number) => isoFromSerial(s), // 1997-01-18
    (s: number) => isoFromSerial(s).replace(/-0?/g, "/"), // 1997/1/18
    (s: number) => `${isoFromSerial(s)} 14:30`, // an export with a time of day
    (s: number) => isoFromSerial(s).replace(/-/g, ""), // 19970118
    (s: number) => isoFromSerial(s).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日"), // 1997年1月18日
  ];
  const ids = column(...orders.map((r) => r.id_sample));
  const dates = column(...orders.map((r, i) => (i % 7 === 3 ? textForms[i % textForms.length]!(cdnowSerial(r.date as string)) : cdnowSerial(r.date as string))));
  const amounts = column(...orders.map((r, i) => (i % 11 === 5 ? `$${r.total_value}` : i % 11 === 6 ? r.total_value : Number(r.total_value))));
  // A selection that runs past the data, as A2:A10000 would.
  const pad = (range: unknown[][]) => [...range, ...Array.from({ length: 40 }, () => [null])];
  const summary = clvSummary(pad(ids), pad(dates), pad(amounts), "1997-09-30", omitted, omitted);
  // What a user selects below the spill: B2:B2358, C2:C2358, D2:D2358 and E2:E2358.
  const [frequency, recency, T, monetary] = [1, 2, 3, 4].map((c) => summary.map((cells) => [cells[c]]));
  const fit = clvFit(frequency!, recency!, T!);
  const spendFit = clvSpendFit(frequency!, monetary!);
  const first = summary.findIndex((cells) => cells[0] === "1");

  it("summarises 6,919 orders into the 2,357 customers of the published summary, as the core does", () => {
    expect(orders.length).toBeGreaterThan(4000);
    expect(summary).toHaveLength(2357);
    const core = cdnowSummary();
    expect(cellsOf(summary, 0)).toEqual(core.ids);
    expect(numbersIn(summary, 1)).toEqual(Array.from(core.frequency));
    expect(numbersIn(summary, 2)).toEqual(Array.from(core.recency));
    expect(numbersIn(summary, 3)).toEqual(Array.from(core.T));
    expect(numbersIn(summary, 4)).toEqual(Array.from(core.monetaryValue));
    // lifetimes' published row for customer 1: x = 2, t_x = 30.43, T = 38.86 weeks, zbar = 22.35.
    expect(summary[first]).toEqual(["1", 2, 213 / 7, 272 / 7, (29.73 + 14.96) / 2]);
  });

  it("fits BG/NBD to the published r, α, a, b within 1e-4 relative, with a log-likelihood at least the published one", () => {
    expect(fit).toHaveLength(5);
    const [r, alpha, a, b, ll] = numbersIn(fit);
    expect(relative(r!, 0.242593)).toBeLessThan(1e-4);
    expect(relative(alpha!, 4.413532)).toBeLessThan(1e-4);
    expect(relative(a!, 0.792886)).toBeLessThan(1e-4);
    expect(relative(b!, 2.425753)).toBeLessThan(1e-4);
    expect(ll!).toBeGreaterThanOrEqual(-9582.43);
  });

  it("expects 1.226 purchases in the next 39 weeks of the customer with x = 2, t_x = 30.43, T = 38.86", () => {
    const purchases = clvPurchases(fit, 39, frequency!, recency!, T!);
    expect(purchases).toHaveLength(2357);
    expect(purchases[first]![0]).toBeCloseTo(1.226, 3);
    // The spill of the fit and its first four cells are the same parameters.
    expect(clvPurchases(fit.slice(0, 4), 39, frequency!, recency!, T!)).toEqual(purchases);
  });

  it("gives P(alive) 0.7266 to that customer and exactly 1 to every customer without a repeat purchase", () => {
    const alive = clvAlive(fit, frequency!, recency!, T!);
    expect(alive[first]![0]).toBeCloseTo(0.7266, 4);
    const once = alive.filter((_, i) => frequency![i]![0] === 0);
    expect(once).toHaveLength(1411);
    expect(once.every(([p]) => p === 1)).toBe(true);
    expect(alive.every(([p]) => (p as number) > 0 && (p as number) <= 1)).toBe(true);
  });

  it("fits Gamma-Gamma on the 946 repeat customers to the published p 6.25, q 3.74, v 15.44 (within 0.01)", () => {
    const [p, q, v, ll] = numbersIn(spendFit);
    expect(Math.abs(p! - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(q! - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(v! - 15.44)).toBeLessThan(0.01);
    expect(ll!).toBeLessThan(0);
  });

  it("values each customer over 12 months at 1% a month, and more over 24 months", () => {
    const value = clvValue(fit, spendFit, frequency!, recency!, T!, monetary!, omitted, omitted, omitted);
    expect(value).toHaveLength(2357);
    expect(value.every(([v]) => (v as number) >= 0)).toBe(true);
    // At the published parameters customer 1 is worth 36.28 (test/core/clv/clv-value.test.ts); the fit is within 1e-4 of them.
    expect(value[first]![0]).toBeCloseTo(36.28, 1);
    const longer = clvValue(fit, spendFit, frequency!, recency!, T!, monetary!, 24, "1%", 4.345);
    expect(longer[first]![0]).toBeGreaterThan(value[first]![0] as number);
  });
});

describe("results follow the orientation of frequency", () => {
  const x = [2, 1, 0, 7, 4];
  const tx = [30.43, 1.71, 0, 29.43, 20];
  const age = [38.86, 38.86, 38.86, 38.86, 30];
  const params = column(0.242593, 4.413532, 0.792886, 2.425753);

  it("a row of customers gives a row of predictions, the same numbers as a column", () => {
    const down = clvAlive(params, column(...x), column(...tx), column(...age));
    const across = clvAlive(row(0.242593, 4.413532, 0.792886, 2.425753), row(...x), row(...tx), row(...age));
    expect(across).toEqual([cellsOf(down)]);
    expect(clvPurchases(params, 52, row(...x), row(...tx), row(...age))).toHaveLength(1);
  });

  it("ignores trailing blank rows of a larger selection", () => {
    const pad = (values: number[]) => column(...values, null, "", null);
    expect(clvAlive(params, pad(x), pad(tx), pad(age))).toEqual(clvAlive(params, column(...x), column(...tx), column(...age)));
    expect(clvAlive(column(0.242593, 4.413532, 0.792886, 2.425753, null), column(...x), column(...tx), column(...age))).toHaveLength(5);
  });
});

/** [what, call, English message, Chinese message]: every error path of the family, through the adapters. */
const P = column(0.242593, 4.413532, 0.792886, 2.425753);
const S = column(6.25, 3.74, 15.44);
const ERRORS: ReadonlyArray<readonly [string, () => unknown, string, string]> = [
  [
    "a negative frequency",
    () => clvFit(column(2, -1), column(3, 0), column(10, 10)),
    "frequency, row 2: -1 is below the minimum of 0.",
    "参数“消费频次”第 2 行：-1 小于最小值 0。",
  ],
  [
    "a frequency that is not a whole number",
    () => clvAlive(P, column(2, 1.5), column(3, 1), column(10, 10)),
    "frequency, row 2: 1.5 must be a whole number.",
    "参数“消费频次”第 2 行：1.5 必须是整数。",
  ],
  [
    "recency above T (the columns swapped)",
    () => clvPurchases(P, 52, column(2, 1), column(3, 40), column(10, 38.86)),
    "recency, row 2: 40 is more than T (38.86). Check the order of the arguments.",
    "参数“最近消费间隔”第 2 行：40 大于“观察期长”（38.86）。请检查参数顺序。",
  ],
  [
    "a negative T",
    () => clvFit(column(0, 0), column(0, 0), column(10, -1)),
    "T, row 2: -1 is below the minimum of 0.",
    "参数“观察期长”第 2 行：-1 小于最小值 0。",
  ],
  [
    "a negative recency",
    () => clvAlive(P, column(1), column(-2), column(10)),
    "recency, row 1: -2 is below the minimum of 0.",
    "参数“最近消费间隔”第 1 行：-2 小于最小值 0。",
  ],
  [
    "a recency without repeat purchases (RFM's days since the last order given instead)",
    () => clvFit(column(2, 0), column(5, 12), column(10, 20)),
    "recency, row 2: 12, but frequency is 0 on that row. A customer without repeat purchases has recency 0: check that the ranges are CLV.SUMMARY's frequency, recency and T, in that order.",
    "参数“最近消费间隔”第 2 行为 12，但该行“消费频次”为 0。没有重复购买的客户此值应为 0：请检查三个区域是否依次为 CLV.SUMMARY 的 frequency、recency、T 列。",
  ],
  [
    "fewer than 2 customers with repeat purchases for the spend model",
    () => clvSpendFit(column(0, 3, 0), column(0, 25, 0)),
    "frequency: only 1 customer has a repeat purchase; the spend model needs at least 2. Use a longer period of orders.",
    "参数“消费频次”：只有 1 位客户有重复购买，消费金额模型至少需要 2 位。请使用更长时间段的订单。",
  ],
  [
    "a purchase model with no repeat purchase to learn from",
    () => clvFit(column(0, 0, 0), column(0, 0, 0), column(10, 20, 30)),
    "frequency: no customer bought more than once (every frequency is 0), so the BG/NBD model has nothing to learn from. Use a longer period of orders.",
    "参数“消费频次”：没有客户重复购买（全为 0），BG/NBD 模型无从估计。请使用更长时间段的订单。",
  ],
  [
    "a purchase model whose parameter runs off to a limit (every customer still buying at the end)",
    () => clvFit(column(1, 2, 3, 1), column(10, 20, 30, 5), column(10, 20, 30, 5)),
    "frequency: the BG/NBD model cannot be fitted to these customers (its parameter b runs off to a limit). Use more customers or a longer period of orders.",
    "参数“消费频次”：无法用这些客户拟合 BG/NBD 模型（参数 b 趋于极限）。请使用更多客户或更长时间段的订单。",
  ],
  [
    "a spend model where every repeat customer spends the same",
    () => clvSpendFit(column(1, 2, 3), column(20, 20, 20)),
    "monetary_value: every repeat customer spends the same on average, so the Gamma-Gamma model cannot tell customers apart. Use the actual order amounts.",
    "参数“复购平均金额”：所有重复购买客户的平均消费金额都相同，Gamma-Gamma 模型无法区分客户。请使用实际订单金额。",
  ],
  [
    "a repeat customer with a mean spend of 0 (refunds)",
    () => clvSpendFit(column(1, 2, 3), column(20, 0, 30)),
    "monetary_value, row 2: 0 must be greater than 0.",
    "参数“复购平均金额”第 2 行：0 必须大于 0。",
  ],
  [
    "three parameters where BG/NBD needs four",
    () => clvAlive(column(0.24, 4.4, 0.79), column(1), column(2), column(10)),
    "params has 3 values but needs 4: r, alpha, a, b. Select the cells the fit returned.",
    "参数“模型参数”有 3 个数值，但需要 4 个：r, alpha, a, b。请选择拟合函数返回的单元格。",
  ],
  [
    "a parameter of 0",
    () => clvPurchases(column(0.24, 0, 0.79, 2.4), 52, column(1), column(2), column(10)),
    "params, row 2: 0 must be greater than 0.",
    "参数“模型参数”第 2 行：0 必须大于 0。",
  ],
  [
    "a label among the parameters",
    () => clvAlive(column("r", 0.24, 4.4, 0.79, 2.4), column(1), column(2), column(10)),
    'params, row 1: "r" looks like a header. Start the range one row lower.',
    "参数“模型参数”第 1 行：“r”像是标题行。请从下一行开始选择。",
  ],
  [
    "two spend parameters where Gamma-Gamma needs three",
    () => clvValue(P, column(6.25, 3.74), column(1), column(2), column(10), column(20), omitted, omitted, omitted),
    "spend_params has 2 values but needs 3: p, q, v. Select the cells the fit returned.",
    "参数“金额模型参数”有 2 个数值，但需要 3 个：p, q, v。请选择拟合函数返回的单元格。",
  ],
  [
    "a spend parameter below 0",
    () => clvValue(P, column(6.25, -3.74, 15.44), column(1), column(2), column(10), column(20), omitted, omitted, omitted),
    "spend_params, row 2: -3.74 must be greater than 0.",
    "参数“金额模型参数”第 2 行：-3.74 必须大于 0。",
  ],
  [
    "a spend model whose population mean is not finite (q ≤ 1) for a customer without repeat purchases",
    () => clvValue(P, column(6.25, 0.8, 15.44), column(0), column(0), column(10), column(0), omitted, omitted, omitted),
    "spend_params, row 2: q = 0.8 is not above 1, so the average spend of a customer without repeat purchases is not finite. Fit the spend model on more repeat customers.",
    "参数“金额模型参数”第 2 行：q = 0.8 不大于 1，没有重复购买的客户的平均消费金额不是有限值。请用更多重复购买客户拟合消费模型。",
  ],
  [
    "a horizon of 0 periods",
    () => clvPurchases(P, 0, column(1), column(2), column(10)),
    "t: 0 must be greater than 0.",
    "参数“未来期数”：0 必须大于 0。",
  ],
  [
    "a horizon so long that the series cannot reach full precision",
    () => clvPurchases(P, 1e9, column(2, 1), column(30, 1), column(38, 38)),
    "T, row 1: the result cannot be computed to full precision for these values (a horizon very long compared with the customers' history). Use a shorter horizon.",
    "参数“观察期长”第 1 行：在这些数值下无法以完整精度计算结果（预测期相对客户历史过长）。请缩短预测期。",
  ],
  [
    "months beyond 100 years",
    () => clvValue(P, S, column(1), column(2), column(10), column(20), 1201, omitted, omitted),
    "months: 1201 is above the maximum of 1200.",
    "参数“月数”：1201 超过最大值 1200。",
  ],
  [
    "a monthly discount typed as a percentage number",
    () => clvValue(P, S, column(1), column(2), column(10), column(20), omitted, 10, omitted),
    "discount: 10 is not a rate. Enter 10% or 0.1.",
    "参数“折现率”：10 不是比率。请输入 10% 或 0.1。",
  ],
  [
    "periods per month of 0",
    () => clvValue(P, S, column(1), column(2), column(10), column(20), omitted, omitted, 0),
    "periods_per_month: 0 must be greater than 0.",
    "参数“每月期数”：0 必须大于 0。",
  ],
  [
    "customer lists of different lengths",
    () => clvFit(column(1, 2, 3), column(1, 2), column(5, 5, 5)),
    "recency has 2 cells but frequency has 3. Select ranges of the same size.",
    "参数“最近消费间隔”有 2 个单元格，而“消费频次”有 3 个。请选择大小相同的区域。",
  ],
  [
    "a period of 0 days",
    () => clvSummary(column("a", "b"), column(45352, 45353), column(1, 2), omitted, 0, omitted),
    "period_days: 0 must be greater than 0.",
    "参数“每期天数”：0 必须大于 0。",
  ],
  [
    "an order after the analysis date",
    () => clvSummary(column("a", "b"), column(45352, 45390), column(1, 2), "2024-03-31", omitted, omitted),
    "order_dates, row 2: the order date 2024-04-08 is after the analysis date 2024-03-31.",
    "参数“下单日期”第 2 行：订单日期 2024-04-08 晚于分析日期 2024-03-31。",
  ],
  [
    "text in an amount",
    () => clvSummary(column("a", "b"), column(45352, 45353), column(1, "abc"), omitted, omitted, omitted),
    'amounts, row 2: "abc" is not a number.',
    "参数“金额”第 2 行：“abc”不是数字。",
  ],
  [
    "the summary's header row selected with the data",
    () => clvFit(column("frequency", 2), column("recency", 3), column("T", 10)),
    'frequency, row 1: "frequency" looks like a header. Start the range one row lower.',
    "参数“消费频次”第 1 行：“frequency”像是标题行。请从下一行开始选择。",
  ],
];

describe("every error path of the CLV family names the argument and row, in English and in Chinese", () => {
  it.each(ERRORS)("%s", (_, call, en, zh) => {
    expect(excelError(call)).toEqual({ code: "#VALUE!", message: en });
    expect(withOfficeLanguage("zh-CN", () => excelError(call))).toEqual({ code: "#VALUE!", message: zh });
  });

  it("positions in a row of customers are columns", () => {
    expect(excelError(() => clvFit(row(2, -1), row(3, 0), row(10, 10))).message).toBe("frequency, column 2: -1 is below the minimum of 0.");
  });
});
