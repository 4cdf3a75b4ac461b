/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { AriaLiveAnnouncer, Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { GatewayError } from "../../src/excel/gateway";
import { OutsideExcelGateway } from "../../src/excel/outside-excel-gateway";
import type { Language } from "../../src/i18n/language";
import { UI_STRINGS } from "../../src/i18n/ui";
import { App } from "../../src/taskpane/App";
import { useWorkbookWriter } from "../../src/taskpane/components/useWorkbookWriter";
import { WriteResult } from "../../src/taskpane/components/WriteResult";

/** What a rejected promise rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("the gateway outside Excel", () => {
  it("is unavailable and refuses every operation with GatewayError UNAVAILABLE, never by throwing synchronously", async () => {
    const gateway = new OutsideExcelGateway();
    expect(gateway.available).toBe(false);
    const calls: [string, () => Promise<unknown>][] = [
      ["createSheet", () => gateway.createSheet({ name: "Plan", rows: [[{ value: 1 }]] })],
      ["readRange", () => gateway.readRange("Sheet1!A1:B2")],
      ["readSelection", () => gateway.readSelection()],
      ["writeRange", () => gateway.writeRange({ address: "Sheet1!A1", rows: [[{ value: 1 }]], overwrite: true })],
    ];
    for (const [name, call] of calls) {
      let promise: Promise<unknown> | undefined;
      expect(() => (promise = call())).not.toThrow();
      const error = await rejection(promise!);
      expect({ name, isGatewayError: error instanceof GatewayError, code: (error as GatewayError).code }).toEqual({ name, isGatewayError: true, code: "UNAVAILABLE" });
    }
  });
});

function Feature({ language }: { language: Language }) {
  const writer = useWorkbookWriter(new OutsideExcelGateway());
  return (
    <>
      <Button onClick={() => void writer.createSheet({ name: "Plan", rows: [[{ value: 1 }]] })}>Write</Button>
      <WriteResult writer={writer} t={UI_STRINGS[language]} />
    </>
  );
}

describe("a write attempted outside Excel", () => {
  it.each<[Language, string]>([
    ["en", "Excel is not available. Open this pane from Excel."],
    ["zh", "无法连接 Excel。请在 Excel 中打开此窗格。"],
  ])("says in %s to open the pane from Excel", async (language, message) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <AriaLiveAnnouncer>
          <Feature language={language} />
        </AriaLiveAnnouncer>
      </FluentProvider>,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write" }));
    });
    expect(screen.getByText(UI_STRINGS[language].errorTitle)).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
  });
});

describe("the pane outside Excel", () => {
  it("shows the notice and disables the first page's write", () => {
    render(<App gateway={new OutsideExcelGateway()} initialLanguage="zh" />);
    expect(screen.getByText("未连接到 Excel")).toBeTruthy();
    expect((screen.getByRole("button", { name: "创建示例工作表" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
