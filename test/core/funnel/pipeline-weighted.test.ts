import fc from "fast-check";
import { pipelineWeighted, stageKey, type StageTable, type WeightedAmount } from "../../../src/core/funnel";
import { thrown } from "../../support/core-error";

/** The worked case of docs/functions.md: a B2B pipeline's 商机阶段 and their 赢率. */
const STAGES: StageTable = Object.freeze({
  names: Object.freeze(["初步接洽", "需求确认", "方案报价", "谈判", "赢单"]),
  probabilities: Object.freeze([0.1, 0.3, 0.6, 0.8, 1]),
});

/** Six opportunities (amounts in yuan: 50万, 12万, 80万, 3.5万, 120万, 20万). */
const AMOUNTS = Object.freeze([500_000, 120_000, 800_000, 35_000, 1_200_000, 200_000]);
const OPPORTUNITY_STAGES = Object.freeze(["谈判", "方案报价", "初步接洽", "需求确认", "需求确认", "赢单"]);

const numbers = (values: WeightedAmount[]): number[] => values.map((v) => (typeof v === "number" ? v : NaN));

describe("the weighted pipeline (PIPELINE.WEIGHTED)", () => {
  it("weights six opportunities by their stage: 1,122,500 expected of 2,855,000", () => {
    const weighted = numbers(pipelineWeighted(AMOUNTS, OPPORTUNITY_STAGES, STAGES));
    // 50万×80%, 12万×60%, 80万×10%, 3.5万×30%, 120万×30%, 20万×100% — each exact, no float noise.
    expect(weighted).toEqual([400_000, 72_000, 80_000, 10_500, 360_000, 200_000]);
    expect(weighted.reduce((a, b) => a + b, 0)).toBe(1_122_500);
  });

  it("shows no float noise: 0.1 × 3 is 0.3, 35,000 × 30% is 10,500", () => {
    const table = { names: ["a"], probabilities: [0.1] };
    expect(pipelineWeighted([3], ["a"], table)).toEqual([0.3]);
    expect(pipelineWeighted([35_000], ["b"], { names: ["b"], probabilities: [0.3] })).toEqual([10_500]);
  });

  it("matches stage names whatever their case, width and spaces (NFKC, trimmed, runs of spaces as one)", () => {
    const table = { names: ["Needs analysis", "方案报价", "Closed Won", "Stage 2"], probabilities: [0.2, 0.6, 1, 0.4] };
    const stages = ["  needs   ANALYSIS ", "\u3000方案报价\u3000", "ＣＬＯＳＥＤ\u00a0ｗｏｎ", "stage\t２", "Stage 2"];
    expect(pipelineWeighted([100, 100, 100, 100, 100], stages, table)).toEqual([20, 60, 100, 40, 40]);
  });

  it("keys names as documented", () => {
    expect(stageKey("\u3000方案报价 ")).toBe("方案报价");
    expect(stageKey("Closed  WON")).toBe("closed won");
    expect(stageKey("ｓｔａｇｅ１")).toBe("stage1");
    expect(stageKey(3)).toBe("3");
    expect(stageKey("方案 报价")).not.toBe(stageKey("方案报价")); // a space inside a name counts
  });

  it("takes a number and the text that writes it as the same stage", () => {
    expect(pipelineWeighted([100, 100], [1, "2"], { names: ["1", 2], probabilities: [0.25, 0.5] })).toEqual([25, 50]);
  });

  it("gives #N/A (with the reason) to an opportunity whose stage the table does not list, and weights the others", () => {
    const weighted = pipelineWeighted([500_000, 120_000, 90_000], ["谈判", " 签约中 ", "赢单"], STAGES);
    expect(weighted[0]).toBe(400_000);
    expect(weighted[2]).toBe(90_000);
    const missing = weighted[1] as Exclude<WeightedAmount, number>;
    expect(missing.error).toBe("na");
    expect(missing.because.code).toBe("UNKNOWN_STAGE");
    expect(missing.because.kind).toBe("na");
    expect(missing.because.details).toEqual({ arg: "stages", index: 1, value: "签约中", otherArg: "stage_table" });
  });

  it("takes 0% and 100%, a stage listed twice with the same probability, and an amount of 0", () => {
    const table = { names: ["输单", "赢单", "赢单 "], probabilities: [0, 1, 1] };
    expect(pipelineWeighted([80_000, 50_000, 0], ["输单", "赢单", "赢单"], table)).toEqual([0, 50_000, 0]);
  });

  it("numbers table rows from firstRow (a header row above the table)", () => {
    const error = thrown(() => pipelineWeighted([1], ["a"], { names: ["a", "b"], probabilities: [0.5, 60], firstRow: 2 }));
    expect(error.details).toEqual({ arg: "stage_table", row: 3, column: 2, value: 60 });
  });

  it.each([
    ["a probability typed as 60", { names: ["a", "b"], probabilities: [0.5, 60] }, "RATE_AS_PERCENT", { arg: "stage_table", row: 2, column: 2, value: 60 }],
    ["a negative probability", { names: ["a"], probabilities: [-0.1] }, "TOO_SMALL", { arg: "stage_table", row: 1, column: 2, value: -0.1, min: 0 }],
    ["a probability above 100", { names: ["a"], probabilities: [250] }, "TOO_LARGE", { arg: "stage_table", row: 1, column: 2, value: 250, max: 1 }],
    [
      "a stage listed twice with different probabilities (case and spaces aside)",
      { names: ["谈判", "赢单", " 谈判"], probabilities: [0.8, 1, 0.7] },
      "DUPLICATE_STAGE",
      { arg: "stage_table", row: 3, value: "谈判", probability: 0.7, otherRow: 1, otherProbability: 0.8 },
    ],
    ["an empty table", { names: [], probabilities: [] }, "EMPTY", { arg: "stage_table" }],
  ])("%s is an input error naming the row", (_, table, code, details) => {
    const error = thrown(() => pipelineWeighted([100], ["a"], table));
    expect(error.code).toBe(code);
    expect(error.kind).toBe("value");
    expect(error.details).toEqual(details);
  });

  it.each([
    ["a negative amount", () => pipelineWeighted([100, -5], ["谈判", "谈判"], STAGES), "TOO_SMALL", { arg: "amounts", index: 1, value: -5, min: 0 }],
    ["no opportunity", () => pipelineWeighted([], [], STAGES), "EMPTY", { arg: "amounts" }],
    ["fewer stages than amounts", () => pipelineWeighted([1, 2], ["谈判"], STAGES), "LENGTH_MISMATCH", { arg: "stages", length: 1, otherArg: "amounts", otherLength: 2 }],
  ])("%s is an input error", (_, fn, code, details) => {
    const error = thrown(fn);
    expect(error.code).toBe(code);
    expect(error.details).toEqual(details);
  });
});

/** A stage name written as a user might: other case, full-width letters, spaces around and doubled inside. */
const respelled = (name: string, how: number): string => {
  const wide = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  switch (how % 5) {
    case 0:
      return name.toUpperCase();
    case 1:
      return `\u3000${name} `;
    case 2:
      return wide(name);
    case 3:
      return name.replace(/ /g, "  ");
    default:
      return name;
  }
};

const NAMES = ["Prospecting", "Needs analysis", "Proposal", "Negotiation", "Closed Won", "初步接洽", "需求确认", "方案报价", "谈判", "赢单"];

const pipeline = fc
  .record({
    table: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: NAMES.length }),
    n: fc.integer({ min: 1, max: 40 }),
  })
  .chain(({ table, n }) =>
    fc.record({
      names: fc.constant(table),
      probabilities: fc.array(fc.integer({ min: 0, max: 100 }).map((k) => k / 100), { minLength: table.length, maxLength: table.length }),
      amounts: fc.array(fc.integer({ min: 0, max: 1e9 }).map((k) => k / 100), { minLength: n, maxLength: n }),
      picks: fc.array(fc.tuple(fc.nat(table.length - 1), fc.nat(4)), { minLength: n, maxLength: n }),
    }),
  );

describe("properties of PIPELINE.WEIGHTED", () => {
  it("every weighted amount lies between 0 and its amount, and equals amount × probability to 15 digits", () => {
    fc.assert(
      fc.property(pipeline, ({ names, probabilities, amounts, picks }) => {
        const stages = picks.map(([k]) => names[k] as string);
        const weighted = numbers(pipelineWeighted(amounts, stages, { names, probabilities }));
        weighted.forEach((w, i) => {
          const amount = amounts[i] as number;
          const p = probabilities[(picks[i] as [number, number])[0]] as number;
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(amount);
          expect(Math.abs(w - amount * p)).toBeLessThanOrEqual(1e-14 * amount);
        });
      }),
    );
  });

  it("a stage name respelled (case, full width, spaces) weights exactly as the name in the table", () => {
    fc.assert(
      fc.property(pipeline, ({ names, probabilities, amounts, picks }) => {
        const table = { names, probabilities };
        const plain = pipelineWeighted(amounts, picks.map(([k]) => names[k] as string), table);
        const spelled = pipelineWeighted(amounts, picks.map(([k, how]) => respelled(names[k] as string, how)), table);
        expect(spelled).toEqual(plain);
      }),
    );
  });

  it("reordering the opportunities reorders the weighted amounts, and the table's order changes nothing", () => {
    fc.assert(
      fc.property(pipeline, fc.integer(), ({ names, probabilities, amounts, picks }, seed) => {
        const stages = picks.map(([k]) => names[k] as string);
        const base = pipelineWeighted(amounts, stages, { names, probabilities });
        const order = amounts.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const moved = pipelineWeighted(order.map((i) => amounts[i] as number), order.map((i) => stages[i] as string), { names, probabilities });
        expect(moved).toEqual(order.map((i) => base[i]));
        const reversed = pipelineWeighted(amounts, stages, { names: [...names].reverse(), probabilities: [...probabilities].reverse() });
        expect(reversed).toEqual(base);
      }),
    );
  });
});
