import { bgnbdCustomerAlive, bgnbdCustomerPurchases, bgnbdExpectedPurchases, bgnbdNewCustomerPurchases, bgnbdProbabilityAlive } from "../../../src/core/clv";
import { thrown } from "../../support/core-error";

/**
 * Expected purchases (equation 10 of Fader, Hardie & Lee 2005) and P(alive) against 60-digit values from
 * mpmath 1.3.0, computed with the paper's formulas as printed:
 *   E = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} · mp.hyp2f1(r+x, b+x, a+b+x−1, t/(α+T+t))] · P,
 *   P = 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^{r+x}),
 * at a = 1 + 1e-40 for the a = 1 case and b + 1e-40 for a + b = 1 (where the printed formula divides by 0).
 * The cases cover the published CDNOW fit, a = 1, large x, tiny T, large α, tiny and huge r, a + b ≤ 1 with
 * x = 0, large a and b, and a long daily horizon.
 */
// [r, α, a, b, x, t_x, T, t, E, P(alive)]
const CASES: readonly (readonly number[])[] = Object.freeze([
  [0.242593, 4.413532, 0.792886, 2.425753, 2.0, 30.43, 38.86, 39.0, Number("1.2259105201579891396"), Number("0.72660916044301468697")],
  [0.242593, 4.413532, 0.792886, 2.425753, 0.0, 0.0, 38.86, 39.0, Number("0.1947809185393823159"), 1.0],
  [0.242593, 4.413532, 0.792886, 2.425753, 0.0, 0.0, 0.0, 39.0, Number("1.1950166648636004935"), 1.0],
  [0.242593, 4.413532, 0.792886, 2.425753, 7.0, 29.43, 38.86, 52.14, Number("4.2079405882074753379"), Number("0.64180063956975951353")],
  [0.242593, 4.413532, 0.792886, 2.425753, 29.0, 37.71, 38.0, 1.0, Number("0.66239648710092824096"), Number("0.96913359329289121483")],
  [0.242593, 4.413532, 0.792886, 2.425753, 1.0, 1.71, 38.86, 260.7, Number("0.86331066836966623527"), Number("0.21222739237376239487")],
  [0.5, 10.0, 1.0, 2.0, 3.0, 20.0, 30.0, 52.0, Number("1.8950534412803750191"), Number("0.59373009652664661943")],
  [0.5, 10.0, 1.000000000001, 2.0, 3.0, 20.0, 30.0, 52.0, Number("1.895053441279062652"), Number("0.59373009652640538331")],
  [0.3, 5.0, 0.8, 2.5, 500.0, 99.0, 100.0, 52.0, Number("176.00538191902919579"), Number("0.83931643754151633818")],
  [0.3, 5.0, 0.8, 2.5, 0.0, 0.0, 0.001, 52.0, Number("1.6189727019229150307"), 1.0],
  [0.3, 1000000.0, 0.8, 2.5, 3.0, 20.0, 30.0, 52.0, Number("0.00014569094841586430522"), Number("0.849052374567516785")],
  [1e-08, 5.0, 0.8, 2.5, 0.0, 0.0, 10.0, 52.0, Number("2.6513300976377870697e-8"), 1.0],
  [1000.0, 5.0, 0.8, 2.5, 2.0, 5.0, 10.0, 2.0, Number("3.512836123027355035e-175"), Number("1.575928405435915654e-176")],
  [1000.0, 500.0, 0.8, 2.5, 2.0, 5.0, 10.0, 52.0, Number("0.004529383566519702032"), Number("0.00022569630673697235421")],
  [200.0, 2.0, 3.5, 0.3, 1.0, 0.5, 1.0, 30.0, Number("1.582946838920853542e-17"), Number("1.0414124247529307581e-17")],
  [2.0, 1.0, 0.3, 0.4, 0.0, 0.0, 0.5, 20.0, Number("8.1935784147322831428"), 1.0],
  [0.5, 1.0, 0.3, 0.7, 0.0, 0.0, 0.5, 20.0, Number("3.3465537723968519272"), 1.0],
  [1.5, 20.0, 50.0, 80.0, 4.0, 30.0, 40.0, 100.0, Number("0.95102386787393265393"), Number("0.37849267897606248597")],
  [0.25, 30.0, 0.8, 2.5, 0.0, 0.0, 1.0, 1800.0, Number("3.6713171340808772819"), 1.0],
]);

const relativeError = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);

describe("BG/NBD expected purchases and P(alive)", () => {
  it.each(CASES)("r=%p α=%p a=%p b=%p x=%p t_x=%p T=%p t=%p", (r, alpha, a, b, x, tx, T, t, expected, alive) => {
    const params = { r: r!, alpha: alpha!, a: a!, b: b! };
    // Huge r puts the answer's sensitivity to its inputs' last bits at ~1e-13: (r+x)·ε through a power.
    const tolerance = r! >= 100 ? 1e-13 : 2e-15;
    expect(relativeError(bgnbdCustomerPurchases(params, t!, x!, tx!, T!), expected!)).toBeLessThan(tolerance);
    expect(relativeError(bgnbdCustomerAlive(params, x!, tx!, T!), alive!)).toBeLessThan(tolerance);
  });

  it("gives a new customer's E[X(t)] (equation 9) as the expectation of a customer with no history", () => {
    const params = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425753 };
    expect(relativeError(bgnbdNewCustomerPurchases(params, 39), Number("1.1950166648636004935"))).toBeLessThan(1e-15);
    expect(bgnbdNewCustomerPurchases(params, 39)).toBe(bgnbdCustomerPurchases(params, 39, 0, 0, 0));
    expect(bgnbdNewCustomerPurchases(params, 0)).toBe(0);
  });

  it("is exactly P(alive) = 1 without repeat purchases, and below 1 with them", () => {
    const params = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 };
    expect(bgnbdCustomerAlive(params, 0, 0, 38)).toBe(1);
    expect(bgnbdCustomerAlive(params, 3, 38, 38)).toBeLessThan(1);
    expect(bgnbdCustomerAlive(params, 3, 1, 38)).toBeLessThan(bgnbdCustomerAlive(params, 3, 30, 38));
  });

  it("reports, rather than guesses, a horizon far beyond what the series can reach (z within 1e-5 of 1)", () => {
    // α + T = 0.006 weeks and t = 989 weeks: t/(α+T+t) = 1 − 6e-6; the series would need over a million terms.
    const error = thrown(() => bgnbdCustomerPurchases({ r: 320, alpha: 0.0045, a: 10.9, b: 7.7 }, 989, 5, 0.001, 0.0012));
    expect(error.code).toBe("NOT_CONVERGED");
  });
});

describe("BG/NBD lists (CLV.PURCHASES, CLV.ALIVE)", () => {
  const params = [0.242593, 4.413532, 0.792886, 2.425753, -9582.43];
  const frequency = [2, 0, 0];
  const recency = [30.43, 0, 0];
  const T = [38.86, 38.86, 0];

  it("computes each customer's value, in order", () => {
    const purchases = bgnbdExpectedPurchases(params, 39, frequency, recency, T);
    expect(relativeError(purchases[0]!, Number("1.2259105201579891396"))).toBeLessThan(2e-15);
    expect(relativeError(purchases[1]!, Number("0.1947809185393823159"))).toBeLessThan(2e-15);
    expect(relativeError(purchases[2]!, Number("1.1950166648636004935"))).toBeLessThan(2e-15);
    const alive = bgnbdProbabilityAlive(params, frequency, recency, T);
    expect(relativeError(alive[0]!, Number("0.72660916044301468697"))).toBeLessThan(2e-15);
    expect(Array.from(alive.slice(1))).toEqual([1, 1]);
  });

  it("checks the horizon, the parameters and the customers", () => {
    expect(thrown(() => bgnbdExpectedPurchases(params, 0, frequency, recency, T)).details).toMatchObject({ arg: "t", exclusive: true });
    expect(thrown(() => bgnbdExpectedPurchases([1, 2], 39, frequency, recency, T)).code).toBe("PARAM_COUNT");
    expect(thrown(() => bgnbdProbabilityAlive(params, frequency, [30.43, 1, 0], T))).toMatchObject({ code: "RECENCY_WITHOUT_REPEAT", details: { arg: "recency", index: 1 } });
    expect(thrown(() => bgnbdProbabilityAlive(params, frequency, recency, [38.86, 38.86])).code).toBe("LENGTH_MISMATCH");
  });

  it("names the customer's row when a value cannot be computed to full precision", () => {
    const error = thrown(() => bgnbdExpectedPurchases([320, 0.0045, 10.9, 7.7], 989, [0, 5], [0, 0.001], [5, 0.0012]));
    expect(error).toMatchObject({ code: "NOT_CONVERGED", details: { arg: "T", index: 1 } });
  });
});
