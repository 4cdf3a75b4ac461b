import { validateDecompose, type DecomposeDraft } from "../../../src/taskpane/features/decompose/decompose-schema";
import { exampleDraft, exampleInput, REGIONS } from "./fixture";

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/** The example draft, changed by `edit`. */
function draft(edit: (d: Mutable<DecomposeDraft>) => void = () => {}): DecomposeDraft {
  const d = structuredClone(exampleDraft()) as Mutable<DecomposeDraft>;
  edit(d);
  return d;
}

/** The errors of an invalid draft (fails the test when it is valid). */
function errorsOf(d: DecomposeDraft): Record<string, string> {
  const result = validateDecompose(d);
  if (result.ok) throw new Error("expected the draft to be invalid");
  return { ...result.errors };
}

describe("the Decompose schema", () => {
  it("accepts the course example and returns numbers, fractions and the picked cell", () => {
    const result = validateDecompose(exampleDraft());
    expect(result).toEqual({ ok: true, data: { ...exampleInput(), regions: undefined } });
  });

  it("accepts a typed total, quarters split evenly, regions and salespeople of the total", () => {
    const result = validateDecompose(
      draft((d) => {
        d.base.source = "typed";
        d.base.total = "¥120,000,000".slice(1);
        d.time.periods = "quarters";
        d.time.method = "equal";
        d.levels.regions = true;
        d.levels.products = false;
        d.salespeople.parent = "total";
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data.total).toEqual({ kind: "typed", value: 120_000_000 });
    expect(result.data.time).toEqual({ periods: "quarters", custom: [], method: "equal", history: undefined });
    expect(result.data.regions).toEqual(REGIONS);
    expect(result.data.products).toBeUndefined();
    expect(result.data.salespeople?.parent).toBe("total");
  });

  it("validates only the levels chosen", () => {
    const result = validateDecompose(
      draft((d) => {
        d.levels = { time: false, channels: true, products: false, regions: false, salespeople: false };
        d.time.history = "not a range";
        d.products = [];
        d.salespeople.people = [];
      }),
    );
    expect(result.ok).toBe(true);
  });

  describe("the total and unit", () => {
    it.each([
      ["an empty typed total", (d: Mutable<DecomposeDraft>) => ((d.base.source = "typed"), (d.base.total = "")), { "base.total": "required" }],
      ["a typed total that is not a number", (d: Mutable<DecomposeDraft>) => ((d.base.source = "typed"), (d.base.total = "一亿")), { "base.total": "notNumber" }],
      ["a typed total that is a percentage", (d: Mutable<DecomposeDraft>) => ((d.base.source = "typed"), (d.base.total = "30%")), { "base.total": "percentNotAmount" }],
      ["a typed total beyond what a split can count at the unit", (d: Mutable<DecomposeDraft>) => ((d.base.source = "typed"), (d.base.unit = "1"), (d.base.total = "1e16")), { "base.total": "totalTooLarge" }],
      ["a typed total beyond any cell", (d: Mutable<DecomposeDraft>) => ((d.base.source = "typed"), (d.base.total = "1e400")), { "base.total": "tooLarge" }],
      ["a typed total with digits beyond the unit (Excel's 15 digits)", (d: Mutable<DecomposeDraft>) => ((d.base.source = "typed"), (d.base.unit = "1"), (d.base.total = "1,000,000.0005")), { "base.total": "notMultiple" }],
      ["a typed total not a multiple of the unit", (d: Mutable<DecomposeDraft>) => ((d.base.source = "typed"), (d.base.total = "120,005,000")), { "base.total": "notMultiple" }],
      ["a picked total not a multiple of the unit", (d: Mutable<DecomposeDraft>) => (d.base.cellValue = 120_005_000), { "base.cell": "notMultiple" }],
      ["no cell picked", (d: Mutable<DecomposeDraft>) => (d.base.cell = ""), { "base.cell": "notPicked" }],
      ["a picked range of several cells", (d: Mutable<DecomposeDraft>) => (d.base.cell = "'SMART target'!B8:C8"), { "base.cell": "notOneCell" }],
      ["a picked address without its sheet", (d: Mutable<DecomposeDraft>) => (d.base.cell = "B8"), { "base.cell": "badAddress" }],
      ["a picked cell holding text", (d: Mutable<DecomposeDraft>) => (d.base.cellValue = "一亿"), { "base.cell": "cellNotNumber" }],
      ["a picked empty cell", (d: Mutable<DecomposeDraft>) => (d.base.cellValue = null), { "base.cell": "cellNotNumber" }],
      ["a unit of 0", (d: Mutable<DecomposeDraft>) => (d.base.unit = "0"), { "base.unit": "unitPositive" }],
      ["an empty unit", (d: Mutable<DecomposeDraft>) => (d.base.unit = ""), { "base.unit": "required" }],
      ["a period label too long", (d: Mutable<DecomposeDraft>) => (d.base.period = "x".repeat(256)), { "base.period": "tooLong" }],
    ])("rejects %s", (_, edit, expected) => {
      expect(errorsOf(draft(edit))).toEqual(expected);
    });
  });

  describe("levels", () => {
    it("needs at least one level", () => {
      expect(errorsOf(draft((d) => (d.levels = { time: false, channels: false, products: false, regions: false, salespeople: false })))).toEqual({ levels: "noLevel" });
    });
    it("needs channels for product lines, and an existing channel as the salespeople's parent", () => {
      expect(errorsOf(draft((d) => (d.levels.channels = false)))).toEqual({ "levels.products": "productsNeedChannels", "salespeople.parent": "parentMissing" });
      expect(errorsOf(draft((d) => (d.salespeople.parent = "4")))).toEqual({ "salespeople.parent": "parentMissing" });
    });
  });

  describe("time", () => {
    it.each([
      ["a history range of the wrong width", (d: Mutable<DecomposeDraft>) => (d.time.history = "'Sales history'!B2:L4"), { "time.history": "historyShape" }],
      ["a history column shorter than a season", (d: Mutable<DecomposeDraft>) => (d.time.history = "'Sales history'!B2:B12"), { "time.history": "historyShape" }],
      ["a history range without its sheet", (d: Mutable<DecomposeDraft>) => (d.time.history = "B2:M4"), { "time.history": "badAddress" }],
      ["no history range", (d: Mutable<DecomposeDraft>) => (d.time.history = " "), { "time.history": "required" }],
      ["days per month over quarters", (d: Mutable<DecomposeDraft>) => ((d.time.periods = "quarters"), (d.time.method = "days")), { "time.method": "daysNeedMonths" }],
      ["one custom period", (d: Mutable<DecomposeDraft>) => ((d.time.periods = "custom"), (d.time.method = "equal"), (d.time.custom = "H1")), { "time.custom": "customPeriods" }],
      ["repeated custom periods", (d: Mutable<DecomposeDraft>) => ((d.time.periods = "custom"), (d.time.method = "equal"), (d.time.custom = "618, 双11, 618")), { "time.custom": "duplicate" }],
    ])("rejects %s", (_, edit, expected) => {
      expect(errorsOf(draft(edit))).toEqual(expected);
    });

    it("accepts one column of history at least a season long, and custom periods in Chinese punctuation", () => {
      const column = validateDecompose(draft((d) => (d.time.history = "'Sales history'!B2:B37")));
      expect(column.ok && column.data.time?.history).toEqual({ sheet: "Sales history", row: 1, column: 1, rows: 36, columns: 1 });
      const custom = validateDecompose(draft((d) => ((d.time.periods = "custom"), (d.time.method = "equal"), (d.time.custom = "年货节，618、双11"))));
      expect(custom.ok && custom.data.time?.custom).toEqual(["年货节", "618", "双11"]);
    });
  });

  describe("weighted lists", () => {
    it.each([
      ["an empty name", (d: Mutable<DecomposeDraft>) => (d.channels[1]!.name = " "), { "channels.1.name": "required" }],
      ["a repeated name (case-insensitive)", (d: Mutable<DecomposeDraft>) => ((d.products[0]!.name = "Skin"), (d.products[2]!.name = "skin")), { "products.2.name": "duplicate" }],
      ["a negative weight", (d: Mutable<DecomposeDraft>) => (d.channels[2]!.weight = "-5"), { "channels.2.weight": "nonNegative" }],
      ["a weight that is not a number", (d: Mutable<DecomposeDraft>) => (d.channels[0]!.weight = "half"), { "channels.0.weight": "notNumber" }],
      ["weights all zero", (d: Mutable<DecomposeDraft>) => d.channels.forEach((c) => (c.weight = "0")), { "channels.0.weight": "allZero" }],
      ["no rows", (d: Mutable<DecomposeDraft>) => (d.products = []), { products: "noRows" }],
      ["51 rows", (d: Mutable<DecomposeDraft>) => (d.products = Array.from({ length: 51 }, (_, i) => ({ name: `p${i}`, weight: "1" }))), { products: "tooManyRows" }],
    ])("rejects %s", (_, edit, expected) => {
      expect(errorsOf(draft(edit))).toEqual(expected);
    });
  });

  it("keeps product lines off the product table's other headers (Excel would rename a repeated header)", () => {
    const reserved = ["Channel", "Sum", "Check"];
    const result = validateDecompose(draft((d) => (d.products[1]!.name = " sum ")), reserved);
    expect(result.ok ? {} : result.errors).toEqual({ "products.1.name": "reservedName" });
    expect(validateDecompose(draft((d) => (d.products[1]!.name = "Summer")), reserved).ok).toBe(true);
    expect(validateDecompose(draft((d) => (d.products[1]!.name = "Sum"))).ok).toBe(true);
  });

  describe("salespeople", () => {
    it.each([
      ["blend weights all zero", (d: Mutable<DecomposeDraft>) => (d.salespeople.blend = { history: "0", potential: "0", even: "0" }), { "salespeople.blend.history": "blendAllZero" }],
      ["a negative blend weight", (d: Mutable<DecomposeDraft>) => (d.salespeople.blend.even = "-10%"), { "salespeople.blend.even": "nonNegative" }],
      ["a blend weight that is money", (d: Mutable<DecomposeDraft>) => (d.salespeople.blend.even = "¥10"), { "salespeople.blend.even": "notNumber" }],
      ["every ramp 0 (nobody can carry a quota)", (d: Mutable<DecomposeDraft>) => d.salespeople.people.forEach((p) => (p.ramp = "0")), { "salespeople.people.0.ramp": "rampAllZero" }],
      ["last year's sales as a percentage", (d: Mutable<DecomposeDraft>) => (d.salespeople.people[2]!.history = "30%"), { "salespeople.people.2.history": "percentNotAmount" }],
      ["a ramp above 100%", (d: Mutable<DecomposeDraft>) => (d.salespeople.people[4]!.ramp = "150"), { "salespeople.people.4.ramp": "rampRange" }],
      ["history all zero with a history weight", (d: Mutable<DecomposeDraft>) => d.salespeople.people.forEach((p) => (p.history = "0")), { "salespeople.people.0.history": "historyAllZero" }],
      ["potential all zero with a potential weight", (d: Mutable<DecomposeDraft>) => d.salespeople.people.forEach((p) => (p.potential = "0")), { "salespeople.people.0.potential": "potentialAllZero" }],
      ["an empty potential", (d: Mutable<DecomposeDraft>) => (d.salespeople.people[1]!.potential = ""), { "salespeople.people.1.potential": "required" }],
    ])("rejects %s", (_, edit, expected) => {
      expect(errorsOf(draft(edit))).toEqual(expected);
    });

    it("accepts all-zero potentials when potential has no blend weight", () => {
      const result = validateDecompose(
        draft((d) => {
          d.salespeople.blend = { history: "100", potential: "0", even: "0" };
          d.salespeople.people.forEach((p) => (p.potential = "0"));
        }),
      );
      expect(result.ok && result.data.salespeople?.blend).toEqual({ history: 1, potential: 0, even: 0 });
    });
  });

  describe("the upgrades", () => {
    const quarters = (d: Mutable<DecomposeDraft>, weights: string[]) => {
      d.time.periods = "quarters";
      d.time.method = "typed";
      d.time.weights = weights;
    };
    const byRegion = (d: Mutable<DecomposeDraft>, regions: string[]) => {
      d.levels.regions = true;
      d.regions = REGIONS.slice(0, 2).map((r) => ({ name: r.name, weight: String(r.weight) }));
      d.salespeople.parent = "regions";
      d.salespeople.people.forEach((p, i) => (p.region = regions[i] ?? ""));
    };

    it("reads weights typed per period (Q2 and Q4 heavier for 618 and 双11), a mix per channel, people by region and the plan's rows", () => {
      const result = validateDecompose(
        draft((d) => {
          quarters(d, ["20", "30%", "15", "35", "ignored: only four quarters"]);
          d.productMix = { perChannel: true, cells: [["60", "", "10"], ["", "", ""], ["1", "1", "1"], ["0", "0", "5"]] };
          byRegion(d, ["华东", "华南", " 华东 ", "华南", "华东"]);
          d.grid = { on: true, rows: "salespeople" };
        }),
      );
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.data.time).toEqual({ periods: "quarters", custom: [], method: "typed", history: undefined, weights: [20, 30, 15, 35] }); // "30%" weighs as 30: only proportions count
      // A blank cell takes the product line's own weight (50%, 30%, 20%, read as 50, 30, 20).
      expect(result.data.productMix).toEqual([[60, 30, 10], [50, 30, 20], [1, 1, 1], [0, 0, 5]]);
      expect(result.data.salespeople?.parent).toBe("regions");
      expect(result.data.salespeople?.people.map((p) => p.region)).toEqual([0, 1, 0, 1, 0]);
      expect(result.data.grid).toBe("salespeople");
    });

    it.each([
      ["a typed period weight that is not a number", (d: Mutable<DecomposeDraft>) => quarters(d, ["20", "x", "15", "35"]), { "time.weights.1": "notNumber" }],
      ["a negative period weight", (d: Mutable<DecomposeDraft>) => quarters(d, ["20", "-1", "15", "35"]), { "time.weights.1": "nonNegative" }],
      ["a blank period weight", (d: Mutable<DecomposeDraft>) => quarters(d, ["20", "30", "", "35"]), { "time.weights.2": "required" }],
      ["period weights all 0", (d: Mutable<DecomposeDraft>) => quarters(d, ["0", "0", "0", "0"]), { "time.weights.0": "periodWeights" }],
      ["a channel's mix all 0", (d: Mutable<DecomposeDraft>) => (d.productMix = { perChannel: true, cells: [[], ["0", "0", "0"]] }), { "productMix.1.0": "allZero" }],
      ["a negative weight in a channel's mix", (d: Mutable<DecomposeDraft>) => (d.productMix = { perChannel: true, cells: [["1", "-2", "1"]] }), { "productMix.0.1": "nonNegative" }],
      ["a salesperson without a region", (d: Mutable<DecomposeDraft>) => byRegion(d, ["华东", "华南", "", "华南", "华东"]), { "salespeople.people.2.region": "required" }],
      ["a region not in the list", (d: Mutable<DecomposeDraft>) => byRegion(d, ["华东", "华南", "西部", "华南", "华东"]), { "salespeople.people.2.region": "unknownRegion" }],
      ["a region nobody is in", (d: Mutable<DecomposeDraft>) => byRegion(d, ["华东", "华东", "华东", "华东", "华东"]), { "regions.1.name": "regionNoPeople" }],
      [
        "a region whose only people have no history, with a history weight",
        (d: Mutable<DecomposeDraft>) => {
          byRegion(d, ["华东", "华南", "华东", "华东", "华东"]);
          d.salespeople.people[1]!.history = "0";
          d.salespeople.blend = { history: "100", potential: "0", even: "0" };
        },
        { "salespeople.people.1.history": "historyAllZero" },
      ],
      ["people by region without the Regions level", (d: Mutable<DecomposeDraft>) => (d.salespeople.parent = "regions"), { "salespeople.parent": "parentMissing" }],
      [
        "a plan by period without the Time level",
        (d: Mutable<DecomposeDraft>) => {
          d.levels.time = false;
          d.grid = { on: true, rows: "salespeople" };
        },
        { grid: "gridNeedsTime" },
      ],
      ["a plan by period of a level not chosen", (d: Mutable<DecomposeDraft>) => (d.grid = { on: true, rows: "regions" }), { grid: "gridNeedsRows" }],
    ])("rejects %s", (_, edit, expected) => {
      expect(errorsOf(draft(edit))).toEqual(expected);
    });
  });

  it("reports every problem of several parts at once", () => {
    const errors = errorsOf(
      draft((d) => {
        d.base.unit = "-1";
        d.channels[0]!.name = "";
        d.time.history = "";
        d.salespeople.people[0]!.ramp = "x";
      }),
    );
    expect(errors).toEqual({ "base.unit": "unitPositive", "channels.0.name": "required", "time.history": "required", "salespeople.people.0.ramp": "notNumber" });
  });
});
