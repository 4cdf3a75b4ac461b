import type { BcgInput, PestInput, RiskInput, SwotInput } from "../../../src/taskpane/features/market/market-schema";

/** Validated inputs of the four market analyses, with user text that must stay text ("=HYPERLINK…", "-降本", "@mention"). */

const factor = (name: string, weight: number, rating: number) => ({ factor: name, weight, rating });

export const SWOT_INPUT: SwotInput = Object.freeze({
  strengths: [factor("品牌知名度高", 0.6, 4), factor('=HYPERLINK("http://x")', 0.4, 5)],
  weaknesses: [factor("成本高", 1, 2)],
  opportunities: [factor("直播电商", 1, 5)],
  threats: [factor("价格战", 1, 4)],
  strategies: { so: "借助品牌做直播", st: "", wo: "-降本", wt: "" },
});

export const PEST_INPUT: PestInput = { factors: [{ dimension: "P", ...factor("新广告法", 0.3, 3) }, { dimension: "E", ...factor("消费降级", 0.5, 4) }, { dimension: "T", ...factor("AI 导购", 0.2, 5) }] };

export const BCG_INPUT: BcgInput = { growthThreshold: 0.1, shareThreshold: 1, products: [{ name: "A 系列", share: 1.5, growth: 0.2 }, { name: "-5% share", share: 0.4, growth: -0.05 }] };

export const RISK_INPUT: RiskInput = { risks: [{ risk: "供应延迟", probability: 3, impact: 4, response: "备选供应商" }, { risk: "@mention spam", probability: 5, impact: 5, response: "" }] };
