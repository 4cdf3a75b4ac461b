import { createDraft, draftReducer, rowsOf } from "../../src/taskpane/components/form-draft";

describe("form drafts", () => {
  const start = Object.freeze(createDraft({ so: "" }, { risks: [{ risk: "a" }, { risk: "b" }] }));

  it("give every row a stable id", () => {
    expect(start.lists.risks).toEqual([
      { risk: "a", id: "r1" },
      { risk: "b", id: "r2" },
    ]);
    expect(start.nextId).toBe(3);
  });

  it("add, edit and remove rows by id without touching the previous state", () => {
    const added = draftReducer(start, { type: "addRow", list: "risks", row: { risk: "" } });
    expect(added.lists.risks?.map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
    const edited = draftReducer(added, { type: "setCell", list: "risks", id: "r3", field: "risk", value: "c" });
    const removed = draftReducer(edited, { type: "removeRow", list: "risks", id: "r1" });
    expect(rowsOf(removed, "risks")).toEqual([{ risk: "b" }, { risk: "c" }]);
    // a later add never reuses an id
    expect(draftReducer(removed, { type: "addRow", list: "risks", row: { risk: "" } }).lists.risks?.at(-1)?.id).toBe("r4");
    expect(start.lists.risks).toHaveLength(2);
  });

  it("set single fields", () => {
    expect(draftReducer(start, { type: "setField", field: "so", value: "grow" }).fields).toEqual({ so: "grow" });
  });
});
