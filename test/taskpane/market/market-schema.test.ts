import { bcgSchema, pestSchema, riskSchema, swotFactorsSchema, swotSchema, validate, type SwotDraft } from "../../../src/taskpane/features/market/market-schema";

const row = (factor: string, weight: string, rating: string) => ({ factor, weight, rating });

const swot = (): SwotDraft =>
  Object.freeze({
    strengths: [row("Brand", "60", "4"), row("Channel reach", "40%", "5")],
    weaknesses: [row("Cost", "100", "2")],
    opportunities: [row("Live commerce", "70", "5"), row("Gen Z", "30", "3")],
    threats: [row("Price war", "100", "4")],
    strategies: { so: "Push live commerce with the brand", st: "", wo: "", wt: "" },
  });

describe("numbers as typed in the market forms", () => {
  it("read a weight (%) typed as 30, 30% or full-width ３０％ alike, as the fraction 0.3", () => {
    for (const weight of ["30", "30%", "３０％", " 30 "]) {
      const result = validate(swotFactorsSchema, { ...swot(), strengths: [row("Brand", "70", "4"), row("Reach", weight, "5")] });
      expect(result.ok && result.data.strengths[1]?.weight).toBe(0.3);
    }
  });
  it("read a relative share (×) typed as 1.5 or 150% alike, and growth (%) as a fraction", () => {
    const result = validate(bcgSchema, { growthThreshold: "10", shareThreshold: "100%", products: [{ name: "A", share: "150%", growth: "-12.3%" }, { name: "B", share: "1.5", growth: "-12.3" }] });
    expect(result.ok && result.data).toEqual({ growthThreshold: 0.1, shareThreshold: 1, products: [{ name: "A", share: 1.5, growth: -0.123 }, { name: "B", share: 1.5, growth: -0.123 }] });
  });
  it("refuse money or a magnitude where a percentage, multiple or rating is wanted", () => {
    const result = validate(bcgSchema, { growthThreshold: "1万", shareThreshold: "¥1", products: [{ name: "A", share: "1.5", growth: "5" }] });
    expect(result.ok ? {} : result.errors).toEqual({ growthThreshold: "notNumber", shareThreshold: "notNumber" });
  });
});

describe("SWOT schema", () => {
  it("accepts a complete draft and returns weights as fractions", () => {
    const result = validate(swotSchema, swot());
    expect(result).toEqual({
      ok: true,
      data: {
        strengths: [
          { factor: "Brand", weight: 0.6, rating: 4 },
          { factor: "Channel reach", weight: 0.4, rating: 5 },
        ],
        weaknesses: [{ factor: "Cost", weight: 1, rating: 2 }],
        opportunities: [
          { factor: "Live commerce", weight: 0.7, rating: 5 },
          { factor: "Gen Z", weight: 0.3, rating: 3 },
        ],
        threats: [{ factor: "Price war", weight: 1, rating: 4 }],
        strategies: { so: "Push live commerce with the brand", st: "", wo: "", wt: "" },
      },
    });
  });

  it.each([
    ["an empty factor", { factor: " " }, "strengths.0.factor", "required"],
    ["a factor over 255 characters", { factor: "x".repeat(256) }, "strengths.0.factor", "tooLong"],
    ["an empty weight", { weight: "" }, "strengths.0.weight", "required"],
    ["a weight that is not a number", { weight: "sixty" }, "strengths.0.weight", "notNumber"],
    ["a zero weight", { weight: "0" }, "strengths.0.weight", "weightRange"],
    ["a weight over 100", { weight: "120" }, "strengths.0.weight", "weightRange"],
    ["an empty rating", { rating: "" }, "strengths.0.rating", "required"],
    ["a rating of 6", { rating: "6" }, "strengths.0.rating", "ratingRange"],
    ["a rating of 0", { rating: "0" }, "strengths.0.rating", "ratingRange"],
    ["a fractional rating", { rating: "3.5" }, "strengths.0.rating", "ratingRange"],
  ])("names %s", (_, change, path, code) => {
    const draft = swot();
    const strengths = [{ ...draft.strengths[0]!, ...change }, draft.strengths[1]!];
    const result = validate(swotSchema, { ...draft, strengths });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[path]).toBe(code);
  });

  it("requires each list's weights to add up to 100%", () => {
    const draft = swot();
    const result = validate(swotSchema, { ...draft, threats: [row("Price war", "90", "4")] });
    expect(result).toEqual({ ok: false, errors: { "threats.total": "weightsSum" }, params: {} });
    expect(validate(swotSchema, { ...draft, threats: [row("a", "33.33", "4"), row("b", "33.33", "4"), row("c", "33.34", "4")] }).ok).toBe(true);
  });

  it("requires at least one factor per list and at most 50", () => {
    const draft = swot();
    expect(validate(swotSchema, { ...draft, weaknesses: [] })).toEqual({ ok: false, errors: { weaknesses: "noRows" }, params: {} });
    const many = Array.from({ length: 51 }, () => row("x", "1", "3"));
    const result = validate(swotSchema, { ...draft, weaknesses: many });
    expect(!result.ok && result.errors.weaknesses).toBe("tooManyRows");
  });

  it("limits strategy text; the factors step validates without strategies", () => {
    const draft = swot();
    const result = validate(swotSchema, { ...draft, strategies: { ...draft.strategies, wt: "x".repeat(1001) } });
    expect(result).toEqual({ ok: false, errors: { "strategies.wt": "tooLong" }, params: {} });
    const { strategies: _omit, ...factors } = draft;
    expect(validate(swotFactorsSchema, factors).ok).toBe(true);
  });
});

describe("PEST schema", () => {
  const good = { factors: [{ dimension: "P", ...row("Policy", "50", "3") }, { dimension: "T", ...row("AI", "50", "5") }] };
  it("accepts factors across dimensions whose weights add up to 100%", () => {
    expect(validate(pestSchema, good)).toEqual({ ok: true, data: { factors: [{ dimension: "P", factor: "Policy", weight: 0.5, rating: 3 }, { dimension: "T", factor: "AI", weight: 0.5, rating: 5 }] } });
  });
  it("names an unknown dimension and a wrong total", () => {
    expect(validate(pestSchema, { factors: [{ ...good.factors[0]!, dimension: "X" }, good.factors[1]!] })).toEqual({ ok: false, errors: { "factors.0.dimension": "required" }, params: {} });
    expect(validate(pestSchema, { factors: [good.factors[0]!] })).toEqual({ ok: false, errors: { "factors.total": "weightsSum" }, params: {} });
  });
});

describe("BCG schema", () => {
  const good = { growthThreshold: "10", shareThreshold: "1", products: [{ name: "A", share: "1.5", growth: "-5" }] };
  it("accepts negative growth and returns rates as fractions", () => {
    expect(validate(bcgSchema, good)).toEqual({ ok: true, data: { growthThreshold: 0.1, shareThreshold: 1, products: [{ name: "A", share: 1.5, growth: -0.05 }] } });
  });
  it.each([
    [{ growthThreshold: "-200" }, "growthThreshold", "thresholdRange"],
    [{ shareThreshold: "-1" }, "shareThreshold", "thresholdRange"],
    [{ products: [{ name: "", share: "1", growth: "1" }] }, "products.0.name", "required"],
    [{ products: [{ name: "A", share: "-0.1", growth: "1" }] }, "products.0.share", "shareRange"],
    [{ products: [{ name: "A", share: "x", growth: "1" }] }, "products.0.share", "notNumber"],
    [{ products: [{ name: "A", share: "1", growth: "2000" }] }, "products.0.growth", "growthRange"],
    [{ products: [] }, "products", "noRows"],
  ])("names %j", (change, path, code) => {
    const result = validate(bcgSchema, { ...good, ...change });
    expect(!result.ok && result.errors[path]).toBe(code);
  });
});

describe("risk schema", () => {
  const good = { risks: [{ risk: "Supplier delay", probability: "3", impact: "4", response: "" }] };
  it("accepts a rated risk with an optional response", () => {
    expect(validate(riskSchema, good)).toEqual({ ok: true, data: { risks: [{ risk: "Supplier delay", probability: 3, impact: 4, response: "" }] } });
  });
  it.each([
    [{ risk: "" }, "risks.0.risk", "required"],
    [{ probability: "0" }, "risks.0.probability", "ratingRange"],
    [{ impact: "9" }, "risks.0.impact", "ratingRange"],
    [{ impact: "high" }, "risks.0.impact", "notNumber"],
    [{ response: "x".repeat(256) }, "risks.0.response", "tooLong"],
  ])("names %j", (change, path, code) => {
    const result = validate(riskSchema, { risks: [{ ...good.risks[0]!, ...change }] });
    expect(!result.ok && result.errors[path]).toBe(code);
  });
});
