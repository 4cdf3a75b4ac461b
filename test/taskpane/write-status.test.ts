import { GatewayError } from "../../src/excel/gateway";
import { UI_STRINGS } from "../../src/i18n/ui";
import { describeWrite, IDLE, writeStatusReducer } from "../../src/taskpane/components/write-status";

const en = UI_STRINGS.en;

describe("write status", () => {
  it("goes idle → working → done", () => {
    const working = writeStatusReducer(IDLE, { type: "start" });
    expect(working).toEqual({ kind: "working" });
    expect(writeStatusReducer(working, { type: "succeed", target: "RFM example", how: "newSheet" })).toEqual({ kind: "done", target: "RFM example", how: "newSheet" });
  });

  it("ignores a second start while a write runs (no double writes)", () => {
    const working = writeStatusReducer(IDLE, { type: "start" });
    expect(writeStatusReducer(working, { type: "start" })).toBe(working);
  });

  it("holds the request while the user decides about occupied cells; cancel says nothing was written", () => {
    const request = { address: "Sheet1!B2", rows: [[{ value: 1 }]] };
    const confirm = writeStatusReducer({ kind: "working" }, { type: "needsConfirmation", request, address: "Sheet1!B2", occupied: ["Sheet1!B2"] });
    expect(confirm).toEqual({ kind: "confirm", request, address: "Sheet1!B2", occupied: ["Sheet1!B2"] });
    const cancelled = writeStatusReducer(confirm, { type: "cancel" });
    expect(cancelled).toEqual({ kind: "cancelled" });
    expect(describeWrite(cancelled, en)).toBe("Nothing was written.");
    const done = { kind: "done", target: "X", how: "newSheet" } as const;
    expect(writeStatusReducer(done, { type: "cancel" })).toBe(done);
  });

  it("holds the plan while the user chooses between updating the earlier output and a new version; cancel writes nothing", () => {
    const plan = { name: "SWOT analysis", rows: [[{ value: 1 }]] };
    const choose = writeStatusReducer({ kind: "working" }, { type: "needsChoice", plan, sheet: "SWOT analysis", occupied: ["'SWOT analysis'!A1"], count: 57 });
    expect(choose).toEqual({ kind: "choose", plan, sheet: "SWOT analysis", occupied: ["'SWOT analysis'!A1"], count: 57 });
    expect(describeWrite(choose, en)).toContain("its 57 filled cells");
    expect(writeStatusReducer(choose, { type: "cancel" })).toEqual({ kind: "cancelled" });
  });

  it("clears a finished write's message when the user edits again, never a running write or an open question", () => {
    const done = { kind: "done", target: "X", how: "updated" } as const;
    expect(writeStatusReducer(done, { type: "reset" })).toBe(IDLE);
    expect(writeStatusReducer({ kind: "cancelled" }, { type: "reset" })).toBe(IDLE);
    expect(writeStatusReducer({ kind: "failed", code: "WRITE_FAILED", detail: "" }, { type: "reset" })).toBe(IDLE);
    const working = { kind: "working" } as const;
    expect(writeStatusReducer(working, { type: "reset" })).toBe(working);
    const confirm = { kind: "confirm", request: { address: "A1", rows: [] }, address: "A1", occupied: [] } as const;
    expect(writeStatusReducer(confirm, { type: "reset" })).toBe(confirm);
  });

  it("notes that the sheet to go to is gone, keeping what was written", () => {
    const done = { kind: "done", target: "SWOT analysis", how: "newSheet" } as const;
    const gone = writeStatusReducer(done, { type: "gone" });
    expect(gone).toEqual({ ...done, gone: true });
    expect(describeWrite(gone, en)).toBe("Sheet “SWOT analysis” is ready. Sheet “SWOT analysis” is no longer in the workbook.");
    expect(writeStatusReducer(IDLE, { type: "gone" })).toBe(IDLE);
  });

  it("keeps the gateway's error code and detail; anything else is a failed write (gateway-messages.ts says them)", () => {
    expect(writeStatusReducer(IDLE, { type: "fail", error: new GatewayError("UNAVAILABLE") })).toEqual({ kind: "failed", code: "UNAVAILABLE", detail: "" });
    expect(writeStatusReducer(IDLE, { type: "fail", error: new Error("boom") })).toEqual({ kind: "failed", code: "WRITE_FAILED", detail: "boom" });
  });

  it("describes each outcome in the pane's language", () => {
    expect(describeWrite(IDLE, en)).toBe("");
    expect(describeWrite({ kind: "done", target: "SWOT", how: "newSheet" }, en)).toBe("Sheet “SWOT” is ready.");
    expect(describeWrite({ kind: "done", target: "Sheet1!B2:C3", how: "range" }, UI_STRINGS.zh)).toBe("已写入 Sheet1!B2:C3。");
    expect(describeWrite({ kind: "done", target: "SWOT", how: "updated" }, en)).toBe("Sheet “SWOT” is updated.");
    expect(describeWrite({ kind: "done", target: "SWOT (2)", how: "newVersion", previous: "SWOT" }, en)).toBe("New version on sheet “SWOT (2)”; “SWOT” is as it was.");
    expect(describeWrite({ kind: "done", target: "SWOT", how: "newSheet", previous: "SWOT old", previousMissing: true }, UI_STRINGS.zh)).toBe(
      "工作簿中已没有工作表“SWOT old”（已删除或重命名），结果已写入新工作表“SWOT”。",
    );
    expect(describeWrite({ kind: "failed", code: "BAD_ADDRESS", detail: "Nope!A1" }, en)).toBe("“Nope!A1” is not a range in this workbook. Nothing was changed.");
    expect(describeWrite({ kind: "confirm", request: { address: "A1", rows: [] }, address: "Sheet1!A1:B2", occupied: ["Sheet1!A1", "Sheet1!B2"] }, en)).toBe("2 cells in Sheet1!A1:B2 are not empty. Replace them?");
  });
});
