import { GatewayError } from "../../src/excel/gateway";
import { IDLE, writeStatusReducer } from "../../src/taskpane/features/start/write-status";

describe("write status", () => {
  it("goes idle → working → done", () => {
    const working = writeStatusReducer(IDLE, { type: "start" });
    expect(working).toEqual({ kind: "working" });
    expect(writeStatusReducer(working, { type: "succeed", sheet: "RFM example" })).toEqual({ kind: "done", sheet: "RFM example" });
  });

  it("ignores a second start while a write runs (no double writes)", () => {
    const working = writeStatusReducer(IDLE, { type: "start" });
    expect(writeStatusReducer(working, { type: "start" })).toBe(working);
  });

  it("keeps the gateway's error code and detail; anything else is a failed write", () => {
    expect(writeStatusReducer(IDLE, { type: "fail", error: new GatewayError("UNAVAILABLE") })).toEqual({ kind: "failed", code: "UNAVAILABLE", detail: "" });
    expect(writeStatusReducer(IDLE, { type: "fail", error: new Error("boom") })).toEqual({ kind: "failed", code: "WRITE_FAILED", detail: "boom" });
  });
});
