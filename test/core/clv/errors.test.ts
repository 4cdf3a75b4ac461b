import { bgnbdExpectedPurchases, clvValue, fitBgnbd, fitGammaGamma } from "../../../src/core/clv";
import { CoreError } from "../../../src/core/shared/errors";
import { describe as describeError } from "../../../src/functions/shared/edge";
import { thrown } from "../../support/core-error";

/** The customer-value errors reach a manager as one line in each language, saying what to fix. */
const errors: readonly [string, CoreError][] = [
  ["recency without repeat purchases", thrown(() => fitBgnbd([2, 0], [5, 3], [10, 10]))],
  ["too few repeat customers", thrown(() => fitGammaGamma([1, 0], [20, 0]))],
  ["no repeat purchases", thrown(() => fitBgnbd([0, 0], [0, 0], [10, 10]))],
  ["same spend for everyone", thrown(() => fitGammaGamma([1, 2], [20, 20]))],
  ["a parameter at its limit", thrown(() => fitBgnbd([1, 1, 1, 1], [5, 5, 5, 5], [10, 10, 10, 10]))],
  ["a parameter list of the wrong length", thrown(() => bgnbdExpectedPurchases([1, 2, 3], 10, [0], [0], [1]))],
  ["a horizon beyond the series", thrown(() => bgnbdExpectedPurchases([320, 0.0045, 10.9, 7.7], 989, [5], [0.001], [0.0012]))],
  ["an infinite mean spend", thrown(() => clvValue([0.24, 4.4, 0.79, 2.4], [6, 0.8, 15], [0], [0], [10], [0]))],
];

describe("customer-value error messages", () => {
  it.each(errors)("%s: a complete message in English and Chinese", (_, error) => {
    for (const language of ["en", "zh"] as const) {
      const message = describeError(error, language);
      expect(message).not.toMatch(/undefined|NaN|\[object/);
      expect(message.length).toBeGreaterThan(20);
    }
  });

  it("names the row, the parameter and the model", () => {
    expect(describeError(errors[0]![1], "en")).toBe(
      "recency, row 2: 3, but frequency is 0 on that row. A customer without repeat purchases has recency 0: check that the ranges are CLV.SUMMARY's frequency, recency and T, in that order.",
    );
    expect(describeError(errors[4]![1], "zh")).toMatch(/BG\/NBD.*参数 (r|alpha|a|b) 趋于极限/);
    expect(describeError(errors[5]![1], "en")).toBe("params has 3 values but needs 4: r, alpha, a, b. Select the cells the fit returned.");
    expect(describeError(errors[7]![1], "en")).toMatch(/^spend_params, row 2: q = 0\.8 is not above 1/);
  });
});
