import { draftReducer, type FormDraft } from "../../../src/taskpane/components/form-draft";
import { initialDecompose, levelField, salespeopleParent, toDecomposeDraft } from "../../../src/taskpane/features/decompose/decompose-draft";
import { validateDecompose } from "../../../src/taskpane/features/decompose/decompose-schema";

const set = (draft: FormDraft, field: string, value: string) => draftReducer(draft, { type: "setField", field, value });

describe("the Decompose form draft", () => {
  it("starts with a typed total, unit 10,000, time and channels chosen, and one blank row per list", () => {
    const draft = toDecomposeDraft(initialDecompose(), undefined);
    expect(draft.levels).toEqual({ time: true, channels: true, products: false, regions: false, salespeople: false });
    expect(draft.base).toEqual({ period: "", source: "typed", total: "", cell: "", cellValue: null, unit: "10000", display: "yuan" });
    expect(draft.time).toMatchObject({ periods: "months", custom: "", method: "equal", history: "" });
    expect(draft.time.weights?.slice(0, 12)).toEqual(new Array<string>(12).fill(""));
    expect(draft.productMix).toEqual({ perChannel: false, cells: [[""]] });
    expect(draft.grid).toEqual({ on: false, rows: "channels" });
    expect(draft.channels).toEqual([{ name: "", weight: "" }]);
    expect(draft.salespeople).toEqual({ parent: "total", blend: { history: "60", potential: "40", even: "0" }, people: [{ name: "", region: "", history: "", potential: "", ramp: "100" }] });
    // Blank: the total and the channel row need filling in.
    const result = validateDecompose(draft);
    expect(result.ok ? {} : result.errors).toEqual({ "base.total": "required", "channels.0.name": "required", "channels.0.weight": "required" });
  });

  it("passes the picked cell and its value to the schema", () => {
    const draft = toDecomposeDraft(set(initialDecompose(), "source", "cell"), { address: "'SMART target'!B8", value: 120_000_000 });
    expect(draft.base).toMatchObject({ source: "cell", cell: "'SMART target'!B8", cellValue: 120_000_000 });
  });

  it("lets the salespeople share a listed channel, and falls back to the total when it is gone", () => {
    let draft = set(set(initialDecompose(), levelField("salespeople"), "true"), "parent", "0");
    expect(salespeopleParent(draft)).toBe("0");
    expect(toDecomposeDraft(draft, undefined).salespeople.parent).toBe("0");
    draft = set(draft, "parent", "1"); // only one channel listed
    expect(salespeopleParent(draft)).toBe("total");
    draft = draftReducer(draft, { type: "addRow", list: "channels", row: { name: "抖音", weight: "30" } });
    expect(salespeopleParent(draft)).toBe("1");
    draft = set(draft, levelField("channels"), "false");
    expect(toDecomposeDraft(draft, undefined).salespeople.parent).toBe("total");
  });
});
