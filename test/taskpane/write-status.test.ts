import { GatewayError } from "../../src/excel/gateway";
import { UI_STRINGS } from "../../src/i18n/ui";
import { describeWrite, IDLE, writeStatusReducer } from "../../src/taskpane/components/write-status";

const en = UI_STRINGS.en;

describe("write status", () => {
  it("goes idle → working → done", () => {
    const working = writeStatusReducer(IDLE, { type: "start" });
    expect(working).toEqual({ kind: "working" });
    expect(writeStatusReducer(working, { type: "succeed", target: "RFM example", intoNewSheet: true })).toEqual({ kind: "done", target: "RFM example", intoNewSheet: true });
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
    const done = { kind: "done", target: "X", intoNewSheet: true } as const;
    expect(writeStatusReducer(done, { type: "cancel" })).toBe(done);
  });

  it("keeps the gateway's error code and detail; anything else is a failed write (gateway-messages.ts says them)", () => {
    expect(writeStatusReducer(IDLE, { type: "fail", error: new GatewayError("UNAVAILABLE") })).toEqual({ kind: "failed", code: "UNAVAILABLE", detail: "" });
    expect(writeStatusReducer(IDLE, { type: "fail", error: new Error("boom") })).toEqual({ kind: "failed", code: "WRITE_FAILED", detail: "boom" });
  });

  it("describes each outcome in the pane's language", () => {
    expect(describeWrite(IDLE, en)).toBe("");
    expect(describeWrite({ kind: "done", target: "SWOT", intoNewSheet: true }, en)).toBe("Sheet “SWOT” is ready.");
    expect(describeWrite({ kind: "done", target: "Sheet1!B2:C3", intoNewSheet: false }, UI_STRINGS.zh)).toBe("已写入 Sheet1!B2:C3。");
    expect(describeWrite({ kind: "failed", code: "BAD_ADDRESS", detail: "Nope!A1" }, en)).toBe("“Nope!A1” is not a range in this workbook. Nothing was changed.");
    expect(describeWrite({ kind: "confirm", request: { address: "A1", rows: [] }, address: "Sheet1!A1:B2", occupied: ["Sheet1!A1", "Sheet1!B2"] }, en)).toBe("2 cells in Sheet1!A1:B2 are not empty. Replace them?");
  });
});
