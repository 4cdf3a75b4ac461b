import { fitGammaGamma, gammaGammaCustomerSpend, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from "../../../src/core/clv";
import { logGamma } from "../../../src/core/clv";
import { cdnowSummary } from "../../support/cdnow";
import { thrown } from "../../support/core-error";

describe("Gamma-Gamma spend model on the CDNOW sample (946 repeat customers)", () => {
  const { frequency, monetaryValue } = cdnowSummary();
  const fit = fitGammaGamma(frequency, monetaryValue);

  it("finds lifetimes' published parameters p ≈ 6.25, q ≈ 3.74, v ≈ 15.44", () => {
    expect(Math.abs(fit.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(fit.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(fit.v - 15.44)).toBeLessThan(0.01);
  });

  it("maximises the log-likelihood: every nearby parameter set is lower", () => {
    expect(fit.logLikelihood).toBe(gammaGammaLogLikelihood([fit.p, fit.q, fit.v], frequency, monetaryValue));
    for (const [dp, dq, dv] of [[1e-3, 0, 0], [-1e-3, 0, 0], [0, 1e-3, 0], [0, -1e-3, 0], [0, 0, 1e-3], [0, 0, -1e-3]] as const) {
      const nearby = gammaGammaLogLikelihood([fit.p * (1 + dp), fit.q * (1 + dq), fit.v * (1 + dv)], frequency, monetaryValue);
      expect(nearby).toBeLessThan(fit.logLikelihood);
    }
  });

  it("sums lifetimes' per-customer log-likelihood over the repeat customers only", () => {
    const [p, q, v] = [6.25, 3.74, 15.44];
    let expected = 0;
    for (let i = 0; i < frequency.length; i++) {
      const x = frequency[i]!;
      const m = monetaryValue[i]!;
      if (x === 0) continue;
      expected +=
        logGamma(p * x + q) - logGamma(q) - logGamma(p * x) + q * Math.log(v) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + v);
    }
    expect(Math.abs(gammaGammaLogLikelihood([p, q, v], frequency, monetaryValue) - expected)).toBeLessThan(1e-9);
  });

  it("gives the same fit for amounts in another currency unit: v scales, p and q stay", () => {
    const cents = fitGammaGamma(frequency, Array.from(monetaryValue, (m) => m * 100));
    expect(Math.abs(cents.p - fit.p) / fit.p).toBeLessThan(1e-6);
    expect(Math.abs(cents.q - fit.q) / fit.q).toBeLessThan(1e-6);
    expect(Math.abs(cents.v / 100 - fit.v) / fit.v).toBeLessThan(1e-6);
  });
});

describe("expected spend per purchase E(M | x, m)", () => {
  const params = { p: 6.25, q: 3.74, v: 15.44 };

  it("is lifetimes' weighted average of the customer's mean and the population mean", () => {
    for (const [x, m] of [[1, 11.77], [2, 22.345], [29, 26.26]] as const) {
      const weight = (params.p * x) / (params.p * x + params.q - 1);
      const population = (params.v * params.p) / (params.q - 1);
      const lifetimes = (1 - weight) * population + weight * m;
      expect(Math.abs(gammaGammaCustomerSpend(params, x, m) - lifetimes) / lifetimes).toBeLessThan(1e-15);
    }
  });

  it("is the population mean p·v/(q − 1) without repeat purchases, whatever the monetary value says", () => {
    expect(gammaGammaCustomerSpend(params, 0, 0)).toBe((6.25 * 15.44) / 2.74);
    expect(Array.from(gammaGammaExpectedSpend([6.25, 3.74, 15.44, -4055.9], [0, 0], [0, 123]))).toEqual([(6.25 * 15.44) / 2.74, (6.25 * 15.44) / 2.74]);
  });

  it("has no finite mean when q ≤ 1 for a customer without repeat purchases", () => {
    expect(thrown(() => gammaGammaCustomerSpend({ p: 6, q: 0.9, v: 15 }, 0, 0))).toMatchObject({ code: "SPEND_MEAN_UNDEFINED", details: { arg: "spend_params", q: 0.9 } });
    expect(gammaGammaCustomerSpend({ p: 6, q: 0.9, v: 15 }, 1, 20)).toBe((6 * (15 + 20)) / (6 + 0.9 - 1));
  });
});

describe("Gamma-Gamma errors", () => {
  it("needs at least two customers with repeat purchases", () => {
    expect(thrown(() => fitGammaGamma([1, 0, 0], [20, 0, 0]))).toMatchObject({ code: "TOO_FEW_REPEAT_CUSTOMERS", details: { count: 1, needed: 2 } });
  });

  it("cannot tell customers apart when every repeat customer spends the same", () => {
    expect(thrown(() => fitGammaGamma([1, 3, 2, 0], [25, 25, 25, 0]))).toMatchObject({ code: "MODEL_NOT_FITTED", details: { reason: "no-variation" } });
  });

  it("says which parameter runs off to a limit when the likelihood has no maximum inside", () => {
    // Four customers with one repeat purchase each: nothing separates the spread within a customer from the spread between customers.
    expect(thrown(() => fitGammaGamma([1, 1, 1, 1], [10, 20, 30, 40]))).toMatchObject({ code: "MODEL_NOT_FITTED", details: { reason: "limit", model: "Gamma-Gamma" } });
  });

  it("refuses a mean spend of 0 or below for a repeat customer, and checks frequency and lengths", () => {
    expect(thrown(() => fitGammaGamma([1, 2], [10, -5]))).toMatchObject({ code: "TOO_SMALL", details: { arg: "monetary_value", index: 1, exclusive: true } });
    expect(thrown(() => fitGammaGamma([1, 2.5], [10, 5]))).toMatchObject({ code: "NOT_INTEGER", details: { arg: "frequency", index: 1 } });
    expect(thrown(() => fitGammaGamma([1, 2], [10]))).toMatchObject({ code: "LENGTH_MISMATCH", details: { arg: "monetary_value" } });
    expect(thrown(() => gammaGammaLogLikelihood([1, 2], [1, 2], [10, 5]))).toMatchObject({ code: "PARAM_COUNT", details: { arg: "spend_params", expected: 3 } });
  });
});
