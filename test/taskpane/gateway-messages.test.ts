import { GatewayError } from "../../src/excel/gateway";
import { UI_STRINGS } from "../../src/i18n/ui";
import { gatewayErrorMessage, gatewayMessage, gatewayProblem } from "../../src/taskpane/components/gateway-messages";

const { en, zh } = UI_STRINGS;

describe("a failed workbook call, in the pane's words", () => {
  it.each([
    [new GatewayError("UNAVAILABLE"), "Excel is not available. Open this pane from Excel.", "无法连接 Excel。请在 Excel 中打开此窗格。"],
    [new GatewayError("BAD_ADDRESS", "Nope!A1"), "“Nope!A1” is not a range in this workbook. Nothing was changed.", "“Nope!A1”不是此工作簿中的区域。未做任何更改。"],
    [new GatewayError("READ_FAILED", "busy"), "Excel could not read the range (busy).", "Excel 无法读取该区域（busy）。"],
    [new GatewayError("WRITE_FAILED", "payload"), "Excel could not write the sheet (payload). Your workbook is as it was.", "Excel 无法写入工作表（payload）。工作簿保持原样。"],
  ])("%s", (error, english, chinese) => {
    expect(gatewayErrorMessage(error, en, "WRITE_FAILED")).toBe(english);
    expect(gatewayErrorMessage(error, zh, "READ_FAILED")).toBe(chinese);
  });

  it("reports anything else thrown as a failed read or write, with its message", () => {
    expect(gatewayProblem(new TypeError("x is undefined"), "READ_FAILED")).toEqual({ code: "READ_FAILED", detail: "x is undefined" });
    expect(gatewayProblem("timeout", "WRITE_FAILED")).toEqual({ code: "WRITE_FAILED", detail: "timeout" });
    expect(gatewayErrorMessage(new Error("lost"), zh, "READ_FAILED")).toBe("Excel 无法读取该区域（lost）。");
    expect(gatewayMessage({ code: "WRITE_FAILED", detail: "lost" }, en)).toBe("Excel could not write the sheet (lost). Your workbook is as it was.");
  });

  it("knows a GatewayError made by another bundle's copy of the class (the workbench's gateway): a cancel stays a cancel", () => {
    class ForeignGatewayError extends Error {
      constructor(
        readonly code: string,
        readonly detail = "",
      ) {
        super(code);
        this.name = "GatewayError";
      }
    }
    expect(gatewayProblem(new ForeignGatewayError("CANCELLED"), "WRITE_FAILED")).toEqual({ code: "CANCELLED", detail: "" });
    expect(gatewayErrorMessage(new ForeignGatewayError("BAD_ADDRESS", "Nope!A1"), en, "READ_FAILED")).toBe("“Nope!A1” is not a range in this workbook. Nothing was changed.");
    // Only the codes a gateway throws: another error that happens to share the name is a plain failure.
    expect(gatewayProblem(new ForeignGatewayError("OOPS"), "WRITE_FAILED")).toEqual({ code: "WRITE_FAILED", detail: "OOPS" });
  });
});
