import { hypergeometricSeries, logBeta, logGamma, logRisingFactorial } from "../../../src/core/clv";
import { hyp2f1 } from "../../support/hyp2f1";
import { thrown } from "../../support/core-error";

/**
 * Special functions of the customer-value models against 60-digit values from mpmath 1.3.0
 * (`mp.mp.dps = 60; mp.loggamma(x)`, `mp.hyp2f1(a, b, c, z)`), each input the double written here.
 */
const relativeError = (value: number, reference: number) => (reference === 0 ? Math.abs(value) : Math.abs(value - reference) / Math.abs(reference));

// [x, ln Γ(x)]
const LOG_GAMMA: readonly (readonly [number, number])[] = Object.freeze([
  [1e-300, Number("690.77552789821370518")],
  [1e-08, Number("18.420680738180208884")],
  [0.001, Number("6.9071788853838536617")],
  [0.1, Number("2.252712651734205902")],
  [0.5, Number("0.57236494292470008707")],
  [0.9, Number("0.066376239734742954426")],
  [0.99, Number("0.0058548067647097814532")],
  [0.999999, Number("5.7721648738556523794e-7")],
  [1.000001, Number("-5.7721484238741466506e-7")],
  [1.1, Number("-0.049872441259839761785")],
  [1.4999, Number("-0.12078588195849393823")],
  [1.5, Number("-0.12078223763524522235")],
  [1.9, Number("-0.038984275923083361674")],
  [1.999999, Number("-4.2278401259658537019e-7")],
  [2.000001, Number("4.227846576245292362e-7")],
  [2.4999, Number("0.28461255726068263571")],
  [2.5, Number("0.28468287047291915963")],
  [3, Number("0.69314718055994530942")],
  [3.7, Number("1.4280723266653881292")],
  [5.5, Number("3.9578139676187162939")],
  [9.99, Number("12.77931521435019336")],
  [10, Number("12.801827480081469611")],
  [10.5, Number("13.940625219403763633")],
  [30, Number("71.25703896716800901")],
  [100, Number("359.13420536957539878")],
  [171.5, Number("709.14316303092824227")],
  [1000, Number("5905.2204232091812118")],
  [1000000.0, Number("12815504.56914761166")],
  [10000000000.0, Number("220258509288.81058147")],
  [1000000000000000.0, Number("33538776394910668.91")],
  [1e+100, Number("2.2925850929940457206e+102")],
]);

describe("ln Γ", () => {
  it.each(LOG_GAMMA)("ln Γ(%p) to a relative error below 1e-15", (x, reference) => {
    expect(relativeError(logGamma(x), reference)).toBeLessThan(1e-15);
  });

  it("gives the closed forms: ln Γ(½) = ln √π, ln Γ(1) = ln Γ(2) = 0, ln Γ(n) = ln (n−1)!", () => {
    expect(relativeError(logGamma(0.5), Math.log(Math.sqrt(Math.PI)))).toBeLessThan(1e-15);
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    let factorial = 1;
    for (let n = 2; n <= 30; n++) {
      factorial *= n - 1;
      expect(relativeError(logGamma(n), Math.log(factorial))).toBeLessThan(1e-15);
    }
  });

  it("keeps every digit next to its zeros, where a plain Lanczos sum keeps only an absolute error", () => {
    // ln Γ(1 + ε) = −γ ε + ζ(2) ε²/2 − …, ln Γ(2 + ε) = (1 − γ) ε + (ζ(2) − 1) ε²/2 − …: for |ε| ≤ 1e-9 the
    // first two terms are exact to 1e-27 relative. ε is taken as (1 + e) − 1, which is exact.
    const gamma = 0.5772156649015329;
    const zeta2 = Math.PI ** 2 / 6;
    for (const e of [1e-12, -1e-12, 1e-9, -3e-10]) {
      const near1 = (1 + e) - 1;
      const near2 = (2 + e) - 2;
      expect(relativeError(logGamma(1 + near1), -gamma * near1 + (zeta2 / 2) * near1 * near1)).toBeLessThan(1e-15);
      expect(relativeError(logGamma(2 + near2), (1 - gamma) * near2 + ((zeta2 - 1) / 2) * near2 * near2)).toBeLessThan(1e-15);
    }
    expect(logGamma(1 + 1e-12)).toBeLessThan(0);
    expect(logGamma(2 + 1e-12)).toBeGreaterThan(0);
  });

  it("is NaN outside its domain and +∞ at +∞", () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
    expect(logGamma(Number.NaN)).toBeNaN();
    expect(logGamma(Infinity)).toBe(Infinity);
  });
});

describe("ln B and rising factorials", () => {
  it("ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b): B(2, 3) = 1/12, B(½, ½) = π", () => {
    expect(relativeError(logBeta(2, 3), Math.log(1 / 12))).toBeLessThan(1e-15);
    expect(relativeError(logBeta(0.5, 0.5), Math.log(Math.PI))).toBeLessThan(1e-15);
  });

  it("ln((x)(x+1)…(x+n−1)) is the log of the product, with no cancellation of large ln Γ", () => {
    expect(logRisingFactorial(3.5, 0)).toBe(0);
    expect(logRisingFactorial(1e-9, 1)).toBe(Math.log(1e-9));
    expect(relativeError(logRisingFactorial(0.25, 4), Math.log(0.25 * 1.25 * 2.25 * 3.25))).toBeLessThan(1e-15);
    // x = 1e6, n = 3: the difference of two ln Γ near 1.28e7 would keep ~9 digits of 41.4465…
    expect(relativeError(logRisingFactorial(1e6, 3), Math.log(1e6) + Math.log(1e6 + 1) + Math.log(1e6 + 2))).toBeLessThan(1e-15);
    // Long products are accumulated in chunks: no overflow.
    expect(relativeError(logRisingFactorial(1, 900), logGamma(901))).toBeLessThan(1e-14);
    expect(relativeError(logRisingFactorial(2.5, 5000), logGamma(5002.5) - logGamma(2.5))).toBeLessThan(1e-15);
  });
});

// [a, b, c, z, ₂F₁(a, b; c; z)]
const HYP2F1: readonly (readonly [number, number, number, number, number])[] = Object.freeze([
  [2.24, 4.43, 5.22, 0.47, Number("3.2507993369612551525")],
  [0.5, 0.5, 1.5, 0.25, Number("1.0471975511965977462")],
  [1.5, 2.5, 3.5, 0.9, Number("8.3054121721322190635")],
  [10, 20, 5, 0.5, Number("1647138133.3333333333")],
  [0.1, 0.2, 0.3, 0.99, Number("1.3127119893438646899")],
  [-3, 2, 1.5, 0.7, Number("-0.075200000000000001421")],
  [5, -2.5, 0.4, 0.3, Number("-0.79764611424983422624")],
]);

describe("₂F₁(a, b; c; z)", () => {
  it.each(HYP2F1)("₂F₁(%p, %p; %p; %p) matches mpmath", (a, b, c, z, reference) => {
    // The two polynomial cases (a or b a negative whole number) sum terms of both signs.
    expect(relativeError(hyp2f1(a, b, c, z), reference)).toBeLessThan(a < 0 || b < 0 ? 1e-14 : 1e-15);
  });

  it("gives the closed forms ₂F₁(1, 1; 2; z) = −ln(1−z)/z and ₂F₁(a, b; b; z) = (1−z)^−a", () => {
    for (const z of [0, 1e-10, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      expect(relativeError(hyp2f1(1, 1, 2, z), z === 0 ? 1 : -Math.log1p(-z) / z)).toBeLessThan(1e-14);
      expect(relativeError(hyp2f1(2.5, 0.7, 0.7, z), (1 - z) ** -2.5)).toBeLessThan(1e-13);
    }
  });

  it("gives arcsin z / z = ₂F₁(½, ½; 3/2; z²) and artanh z / z = ₂F₁(½, 1; 3/2; z²)", () => {
    for (const z of [0.1, 0.5, 0.9]) {
      expect(relativeError(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z)).toBeLessThan(1e-15);
      expect(relativeError(hyp2f1(0.5, 1, 1.5, z * z), Math.atanh(z) / z)).toBeLessThan(1e-14);
    }
  });

  it("stops a terminating series exactly: ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))", () => {
    const [b, c, z] = [1.5, 2.5, 0.4];
    const series = hypergeometricSeries([-2, b], [c, 1], z);
    expect(series?.terms).toBe(3);
    expect(relativeError(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)))).toBeLessThan(1e-15);
    // However close z is to 1: the series ends by itself.
    expect(hypergeometricSeries([-2, 5], [0.5, 1], 1 - 1e-12)?.terms).toBe(3);
  });

  it("returns a sum beyond the double range as mantissa and binary exponent", () => {
    // ₂F₁(a, b; b; z) = (1 − z)^−a: with a = 2000, z = ½ that is 2^2000.
    const series = hypergeometricSeries([2000, 3], [3, 1], 0.5);
    expect(series).toBeDefined();
    const log2 = Math.log2(series!.mantissa) + series!.exponent;
    expect(Math.abs(log2 - 2000)).toBeLessThan(1e-12);
    expect(thrown(() => hyp2f1(2000, 3, 3, 0.5)).code).toBe("RESULT_OUT_OF_RANGE");
  });

  it("reports rather than truncates: z too close to 1 for the term limit, |z| ≥ 1, c a non-positive whole number", () => {
    expect(hypergeometricSeries([1, 1], [2, 1], 1 - 1e-7, 10_000)).toBeUndefined();
    expect(thrown(() => hyp2f1(1, 1, 2, 1 - 1e-9)).code).toBe("NOT_CONVERGED");
    expect(thrown(() => hyp2f1(1, 1, 2, 1)).code).toBe("RESULT_OUT_OF_RANGE");
    expect(thrown(() => hyp2f1(1, 1, -2, 0.5)).code).toBe("RESULT_OUT_OF_RANGE");
  });
});
