import { bgnbdCustomerPurchases, bgnbdLogLikelihood, fitBgnbd } from "../../../src/core/clv";
import { thrown } from "../../support/core-error";
import { cdnowSummary } from "../../support/cdnow";

/**
 * The BG/NBD fit against the published CDNOW figures (Fader, Hardie & Lee 2005, section 5; lifetimes'
 * and BTYD's examples): r = 0.242593, α = 4.413532, a = 0.792886, b = 2.425753, ln L = −9582.43.
 */
const PUBLISHED = Object.freeze([0.242593, 4.413532, 0.792886, 2.425753]);

describe("BG/NBD on the CDNOW sample (2,357 customers, weeks)", () => {
  const { frequency, recency, T } = cdnowSummary();
  const fit = fitBgnbd(frequency, recency, T);

  it("finds the published parameters to 1e-4 relative", () => {
    [fit.r, fit.alpha, fit.a, fit.b].forEach((value, i) => {
      expect(Math.abs(value - PUBLISHED[i]!) / PUBLISHED[i]!).toBeLessThan(1e-4);
    });
  });

  it("reaches a log-likelihood at least as high as the published one", () => {
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(-9582.43);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(PUBLISHED, frequency, recency, T));
    expect(fit.logLikelihood).toBe(bgnbdLogLikelihood([fit.r, fit.alpha, fit.a, fit.b], frequency, recency, T));
  });

  it("computes the log-likelihood at the published parameters as mpmath does at 40 digits", () => {
    // mpmath: Σ lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T) + ln(1 + …), same summary.
    expect(Math.abs(bgnbdLogLikelihood(PUBLISHED, frequency, recency, T) - Number("-9582.4292067137820351"))).toBeLessThan(1e-9);
  });

  it("predicts 1.226 purchases in the next 39 weeks for the paper's customer (x = 2, t_x = 30.43, T = 38.86)", () => {
    const expected = bgnbdCustomerPurchases(fit, 39, 2, 30.43, 38.86);
    expect(Math.abs(expected - 1.226)).toBeLessThan(0.0005);
  });

  it("accepts the five cells CLV.FIT returns as parameters (the log-likelihood is ignored)", () => {
    const five = [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood];
    expect(bgnbdLogLikelihood(five, frequency, recency, T)).toBe(fit.logLikelihood);
  });

  it("fits the same model from rescaled time (days instead of weeks): α scales, the rest stays", () => {
    const days = fitBgnbd(frequency, Array.from(recency, (v) => v * 7), Array.from(T, (v) => v * 7));
    expect(Math.abs(days.r - fit.r) / fit.r).toBeLessThan(1e-6);
    expect(Math.abs(days.alpha / 7 - fit.alpha) / fit.alpha).toBeLessThan(1e-6);
    expect(Math.abs(days.a - fit.a) / fit.a).toBeLessThan(1e-6);
    expect(Math.abs(days.b - fit.b) / fit.b).toBeLessThan(1e-6);
    // ln L changes by −Σx ln 7 (the density of each purchase time is per day, not per week).
    expect(Math.abs(days.logLikelihood - (fit.logLikelihood - 2457 * Math.log(7)))).toBeLessThan(1e-6);
  });
});

describe("BG/NBD errors", () => {
  it("cannot fit customers none of whom bought twice", () => {
    const error = thrown(() => fitBgnbd([0, 0, 0], [0, 0, 0], [5, 10, 20]));
    expect(error.code).toBe("MODEL_NOT_FITTED");
    expect(error.details).toMatchObject({ model: "BG/NBD", reason: "no-repeat" });
  });

  it("says which parameter runs off to a limit when the likelihood has no maximum inside", () => {
    // Four identical customers: nothing tells how purchase rates or dropout vary between customers.
    const error = thrown(() => fitBgnbd([1, 1, 1, 1], [5, 5, 5, 5], [10, 10, 10, 10]));
    expect(error.code).toBe("MODEL_NOT_FITTED");
    expect(error.details).toMatchObject({ reason: "limit" });
    expect(["r", "alpha", "a", "b"]).toContain((error.details as { parameter: string }).parameter);
  });

  it("checks each customer: frequency a whole number ≥ 0, recency and T ≥ 0, recency ≤ T, recency 0 without repeats", () => {
    const fit = (f: number[], r: number[], T: number[]) => thrown(() => fitBgnbd(f, r, T));
    expect(fit([1, -1], [1, 0], [2, 2]).details).toMatchObject({ arg: "frequency", index: 1, value: -1, min: 0 });
    expect(fit([1, 1.5], [1, 1], [2, 2])).toMatchObject({ code: "NOT_INTEGER", details: { arg: "frequency", index: 1 } });
    expect(fit([1, 1], [1, -0.5], [2, 2]).details).toMatchObject({ arg: "recency", index: 1 });
    expect(fit([1, 0], [1, 0], [2, -1]).details).toMatchObject({ arg: "T", index: 1 });
    expect(fit([1, 2], [1, 3], [2, 2])).toMatchObject({ code: "EXCEEDS_ARGUMENT", details: { arg: "recency", index: 1, otherArg: "T", otherValue: 2 } });
    expect(fit([1, 0], [1, 0.5], [2, 2])).toMatchObject({ code: "RECENCY_WITHOUT_REPEAT", details: { arg: "recency", index: 1, value: 0.5 } });
    expect(fit([1, 0], [1], [2, 2])).toMatchObject({ code: "LENGTH_MISMATCH", details: { arg: "recency" } });
    expect(fit([1, 0], [1, 0], [2])).toMatchObject({ code: "LENGTH_MISMATCH", details: { arg: "T" } });
    expect(fit([], [], []).code).toBe("EMPTY");
  });

  it("accepts T = 0, a customer first seen on the analysis date (it adds nothing to the likelihood)", () => {
    const params = [0.25, 4, 0.8, 2.4];
    expect(bgnbdLogLikelihood(params, [0], [0], [0])).toBe(0);
  });

  it("checks the parameters: four (or five) numbers, each above 0", () => {
    expect(thrown(() => bgnbdLogLikelihood([1, 2, 3], [0], [0], [1]))).toMatchObject({ code: "PARAM_COUNT", details: { arg: "params", length: 3, expected: 4 } });
    expect(thrown(() => bgnbdLogLikelihood([1, 2, 3, 4, 5, 6], [0], [0], [1])).code).toBe("PARAM_COUNT");
    expect(thrown(() => bgnbdLogLikelihood([1, 0, 3, 4], [0], [0], [1]))).toMatchObject({ code: "TOO_SMALL", details: { arg: "params", index: 1, exclusive: true } });
    expect(thrown(() => bgnbdLogLikelihood([1, 2, Number.NaN, 4], [0], [0], [1])).details).toMatchObject({ index: 2 });
  });
});
