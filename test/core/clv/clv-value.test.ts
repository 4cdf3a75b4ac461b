import fc from "fast-check";
import { bgnbdCustomerPurchases, clvValue, gammaGammaCustomerSpend } from "../../../src/core/clv";
import { thrown } from "../../support/core-error";

/**
 * CLV.VALUE against 50-digit values from mpmath 1.3.0 of lifetimes' `customer_lifetime_value` as
 * clv.md writes it: Σ_{i=1}^{months} (E[Y(i·k)] − E[Y((i−1)·k)]) · p(v + x m)/(p x + q − 1) / (1 + d)^i,
 * with E[Y(t)] equation 10 through mp.hyp2f1, at the published CDNOW parameters
 * (r, α, a, b) = (0.242593, 4.413532, 0.792886, 2.425753) and (p, q, v) = (6.25, 3.74, 15.44).
 * Customers: CDNOW 1, 2, 3, 6 and 157 (x, t_x, T, m from the summary) and a customer seen first today.
 */
// [x, t_x, T, m, value (12 months, 1%/month, 4.345 weeks/month), value (3 months, 5%/month, k = 30)]
const CASES: readonly (readonly number[])[] = Object.freeze([
  [2.0, 30.428571428571427, 38.857142857142854, 22.345, Number("36.282489246075462827"), Number("54.039509327969056662")],
  [1.0, 1.7142857142857142, 38.857142857142854, 11.77, Number("4.6425201048990514023"), Number("7.0058077465348315815")],
  [0.0, 0.0, 38.857142857142854, 0.0, Number("8.3559638648221819201"), Number("12.918901145234451773")],
  [7.0, 29.428571428571427, 38.857142857142854, 73.74, Number("283.58284759551957723"), Number("413.023793833561179")],
  [29.0, 37.714285714285715, 38.0, 26.26, Number("625.41852529882465833"), Number("898.35403495216230504")],
  [0.0, 0.0, 0.0, 0.0, Number("48.277403705288104687"), Number("65.540885956296260231")],
]);

const BGNBD = Object.freeze([0.242593, 4.413532, 0.792886, 2.425753]);
const SPEND = Object.freeze([6.25, 3.74, 15.44]);
const column = (j: number) => CASES.map((c) => c[j]!);
const relativeError = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);

describe("CLV.VALUE", () => {
  it("matches lifetimes' discounted sum for 12 months at 1% a month, weeks (the defaults)", () => {
    const values = clvValue(BGNBD, SPEND, column(0), column(1), column(2), column(3));
    values.forEach((value, i) => expect(relativeError(value, CASES[i]![4]!)).toBeLessThan(1e-14));
  });

  it("takes months, discount and periods per month", () => {
    const values = clvValue(BGNBD, SPEND, column(0), column(1), column(2), column(3), { months: 3, discount: 0.05, periodsPerMonth: 30 });
    values.forEach((value, i) => expect(relativeError(value, CASES[i]![5]!)).toBeLessThan(1e-14));
  });

  it("is the expected purchases times the expected spend when nothing is discounted", () => {
    const params = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425753 };
    const spend = gammaGammaCustomerSpend({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.345);
    const [value] = clvValue(BGNBD, SPEND, [2], [213 / 7], [272 / 7], [22.345], { months: 24, discount: 0 });
    expect(relativeError(value!, bgnbdCustomerPurchases(params, 24 * 4.345, 2, 213 / 7, 272 / 7) * spend)).toBeLessThan(1e-14);
  });

  it("accepts the cells the fits return (with their log-likelihood)", () => {
    const [value] = clvValue([...BGNBD, -9582.43], [...SPEND, -4055.9], [2], [213 / 7], [272 / 7], [22.345]);
    expect(relativeError(value!, CASES[0]![4]!)).toBeLessThan(1e-14);
  });

  it("grows with the monetary value of a repeat customer and with the horizon", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.double({ min: 1.001, max: 2, noNaN: true }), fc.integer({ min: 1, max: 36 }), (x, m, more, months) => {
        const [low, high] = clvValue(BGNBD, SPEND, [x, x], [20, 20], [30, 30], [m, m * more], { months });
        expect(high!).toBeGreaterThan(low!);
        const [longer] = clvValue(BGNBD, SPEND, [x], [20], [30], [m], { months: months + 1 });
        expect(longer!).toBeGreaterThan(low!);
      }),
    );
  });

  it("checks months, discount, periods per month and the spend parameters", () => {
    const call = (options: object, spend: readonly number[] = SPEND) => thrown(() => clvValue(BGNBD, spend, [0], [0], [10], [0], options));
    expect(call({ months: 0 }).details).toMatchObject({ arg: "months", min: 1 });
    expect(call({ months: 2.5 }).code).toBe("NOT_INTEGER");
    expect(call({ months: 1201 }).code).toBe("TOO_LARGE");
    expect(call({ discount: 10 }).code).toBe("RATE_AS_PERCENT");
    expect(call({ discount: -0.01 }).details).toMatchObject({ arg: "discount" });
    expect(call({ periodsPerMonth: 0 }).details).toMatchObject({ arg: "periods_per_month", exclusive: true });
    expect(call({}, [6, 0.8, 15]).code).toBe("SPEND_MEAN_UNDEFINED");
    expect(call({}, [6, 0.8]).code).toBe("PARAM_COUNT");
    expect(thrown(() => clvValue(BGNBD, SPEND, [1], [0], [10], [-3])).details).toMatchObject({ arg: "monetary_value", index: 0 });
  });
});
