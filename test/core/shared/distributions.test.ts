import fc from "fast-check";
import { logBeta, logGamma, regularizedBeta } from "../../../src/core/shared/incomplete-beta";
import { normalQuantile } from "../../../src/core/shared/normal-quantile";
import { studentTDensity, studentTQuantile, studentTUpperTail } from "../../../src/core/shared/student-t";

/**
 * The normal and Student-t quantiles behind the prediction intervals. Reference values: R's printed
 * `qnorm`/`qt` and published t tables where they give enough digits; otherwise mpmath 1.3 at 40 digits
 * (`sqrt(2)*erfinv(2p − 1)`; `findroot` of `betainc(ν/2, 1/2, 0, ν/(ν+t²), regularized=True)/2 − (1 − p)`),
 * evaluated at the same double p, and the closed forms of Abramowitz & Stegun 26.7.3–4 for small ν.
 */

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe("normalQuantile (Wichura's AS 241, as R's qnorm)", () => {
  it("gives R's qnorm(0.975) = 1.959963984540054 to the last printed digit", () => {
    expect(normalQuantile(0.975).toPrecision(16)).toBe("1.959963984540054");
  });

  it.each([
    [0.6, 0.2533471031357997],
    [0.8, 0.8416212335729144],
    [0.9, 1.2815515655446006],
    [0.95, 1.6448536269514722],
    [0.99, 2.3263478740408408],
    [0.995, 2.5758293035489004],
    [0.999, 3.090232306167813],
    [0.999999, 4.753424308817087],
    [0.9999999999, 6.361340889697422],
    [0.025, -1.9599639845400543],
    [1e-20, -9.262340089798407],
    [0.500000001, 2.5066282037387115e-9],
  ])("Φ⁻¹(%p) = %p to 1e-15 relative (mpmath)", (p, expected) => {
    expect(relative(normalQuantile(p), expected)).toBeLessThan(1e-15);
  });

  it("is 0 at ½, ∓Infinity at 0 and 1, NaN outside [0, 1], and odd around ½", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
    // Only where 1 − p is exact, so that p and 1 − p are mirror images.
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        fc.pre(1 - (1 - p) === p);
        return normalQuantile(p) === -normalQuantile(1 - p) || relative(normalQuantile(p), -normalQuantile(1 - p)) < 1e-15;
      }),
    );
  });

  it("rises with p", () => {
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (a, b) => (a < b ? normalQuantile(a) <= normalQuantile(b) : normalQuantile(a) >= normalQuantile(b))));
  });
});

describe("studentTQuantile", () => {
  it("gives the published table values: t(0.975, 10) = 2.228138851986, t(0.995, 1) = 63.65674116287399, t(0.95, 30) = 1.697260886…", () => {
    expect(Math.abs(studentTQuantile(0.975, 10) - 2.228138851986)).toBeLessThan(5e-13);
    expect(relative(studentTQuantile(0.995, 1), 63.65674116287399)).toBeLessThan(1e-13);
    // Printed cut off after 9 decimals (the exact value is 1.69726088659…).
    expect(String(studentTQuantile(0.95, 30)).slice(0, 11)).toBe("1.697260886");
    expect(relative(studentTQuantile(0.95, 30), 1.6972608865939574)).toBeLessThan(1e-12);
  });

  it.each([
    [0.975, 2, 4.302652729749464],
    [0.975, 3, 3.1824463052837086],
    [0.975, 4, 2.7764451051977934],
    [0.975, 5, 2.5705818356363146],
    [0.975, 7, 2.364624251592785],
    [0.975, 10, 2.2281388519862744],
    [0.9, 15, 1.3406056078504558],
    [0.975, 30, 2.0422724563012378],
    [0.995, 5, 4.032142983555227],
    [0.995, 50, 2.677793270940844],
    [0.975, 1000, 1.962339080826408],
    [0.975, 1e6, 1.9599663568141066],
    [0.975, 1e8, 1.9599640082627665],
    [0.9999999, 3, 222.57159098625124],
    [0.999, 2.5, 13.82219311086596],
    [0.975, 0.5, 164.55767348048823],
  ])("t(%p, ν = %p) = %p to 1e-12 relative (mpmath)", (p, df, expected) => {
    expect(relative(studentTQuantile(p, df), expected)).toBeLessThan(1e-12);
  });

  it("tends to the normal quantile as ν grows (Cornish–Fisher: t − z ≈ z(z² + 1)/(4ν))", () => {
    const z = normalQuantile(0.975);
    for (const df of [1e3, 1e5, 1e7]) {
      const gap = studentTQuantile(0.975, df) - z;
      expect(relative(gap, (z * (z * z + 1)) / (4 * df))).toBeLessThan(5 / df);
    }
    expect(studentTQuantile(0.975, 1e15)).toBeCloseTo(z, 14);
  });

  it("inverts the upper tail: P(T > t_p) = 1 − p to 2e-12 relative (the tail's own accuracy for ν up to 10⁴)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5000001, max: 0.9999999, noNaN: true }), fc.integer({ min: 1, max: 10_000 }), (p, df) => {
        const t = studentTQuantile(p, df);
        return relative(studentTUpperTail(t, df), 1 - p) < 2e-12;
      }),
    );
  });

  it("is odd around ½ and rises with p; NaN for p outside (0, 1) or ν ≤ 0", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 10)).toBe(-studentTQuantile(0.975, 10));
    expect(studentTQuantile(0.9, 5)).toBeLessThan(studentTQuantile(0.95, 5));
    expect(studentTQuantile(0.95, 5)).toBeGreaterThan(studentTQuantile(0.95, 6)); // heavier tails with fewer ν
    for (const [p, df] of [[0, 5], [1, 5], [0.9, 0], [0.9, -1], [NaN, 3]] as const) expect(studentTQuantile(p, df)).toBeNaN();
  });
});

describe("the Student-t tail and density, the incomplete beta and log-gamma", () => {
  it("match the closed forms for ν = 1, 2, 3, 4 (A&S 26.7.3–4) to 1e-13", () => {
    // Up to t = 5, where the forms for ν = 3 and 4 (½ minus a number near ½) still keep 14 digits.
    for (const t of [0.1, 0.5, 1, 2.2, 5]) {
      const cauchy = Math.atan(1 / t) / Math.PI;
      const root = Math.sqrt(2 + t * t);
      const two = 1 / (root * (root + t));
      const theta3 = Math.atan(t / Math.sqrt(3));
      const three = 0.5 - (theta3 + Math.sin(theta3) * Math.cos(theta3)) / Math.PI;
      const theta4 = Math.atan(t / 2);
      const four = 0.5 - (Math.sin(theta4) * (1 + Math.cos(theta4) ** 2 / 2)) / 2;
      expect(relative(studentTUpperTail(t, 1), cauchy)).toBeLessThan(1e-14);
      expect(relative(studentTUpperTail(t, 2), two)).toBeLessThan(1e-13);
      expect(relative(studentTUpperTail(t, 3), three)).toBeLessThan(1e-13);
      expect(relative(studentTUpperTail(t, 4), four)).toBeLessThan(1e-13);
    }
    expect(studentTUpperTail(0, 9)).toBe(0.5);
    expect(relative(studentTUpperTail(-2, 5), 1 - studentTUpperTail(2, 5))).toBeLessThan(1e-15);
  });

  it("has the t density: 1/π at 0 for ν = 1, and 1/(2√2) at 0 for ν = 2", () => {
    expect(relative(studentTDensity(0, 1), 1 / Math.PI)).toBeLessThan(1e-14);
    expect(relative(studentTDensity(0, 2), 1 / (2 * Math.SQRT2))).toBeLessThan(1e-14);
    expect(relative(studentTDensity(3, 1), 1 / (Math.PI * 10))).toBeLessThan(1e-14);
  });

  it("computes ln Γ and ln B: Γ(½) = √π, Γ(10) = 9!, ln Γ(100.5), B(½, ½) = π, ln B(500000, ½) (mpmath)", () => {
    expect(relative(logGamma(0.5), Math.log(Math.sqrt(Math.PI)))).toBeLessThan(1e-14);
    expect(relative(logGamma(10), Math.log(362880))).toBeLessThan(1e-15);
    expect(relative(logGamma(100.5), 361.4355404677776)).toBeLessThan(1e-15);
    expect(relative(logBeta(0.5, 0.5), Math.log(Math.PI))).toBeLessThan(1e-14);
    expect(relative(logBeta(2, 3), Math.log(1 / 12))).toBeLessThan(1e-14);
    expect(relative(logBeta(5e5, 0.5), -5.988816495777464)).toBeLessThan(1e-15);
    expect(relative(logBeta(40, 60), -67.96861624748244)).toBeLessThan(1e-13);
  });

  it("gives I_x(a, b) = x^a for b = 1 and 1 − (1 − x)^b for a = 1, and 0 and 1 at the ends", () => {
    for (const x of [0.01, 0.3, 0.77, 0.999]) {
      expect(relative(regularizedBeta(x, 3.5, 1), x ** 3.5)).toBeLessThan(1e-14);
      expect(relative(regularizedBeta(x, 1, 2.5), 1 - (1 - x) ** 2.5)).toBeLessThan(1e-14);
    }
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});
