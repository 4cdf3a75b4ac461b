/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { App } from "../../src/taskpane/App";
import { openTab } from "./open-tab";

describe("task pane", () => {
  it("greets in the Office language and switches language on request", () => {
    render(<App gateway={new MemoryGateway()} initialLanguage="zh" />);
    expect(screen.getByRole("heading", { name: "销售规划助手" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("语言"), { target: { value: "en" } });
    expect(screen.getByRole("heading", { name: "Sales Planner" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create example sheet" })).toBeTruthy();
    expect(document.title).toBe("Sales Planner");
    expect(document.documentElement.lang).toBe("en-US");
  });

  it("writes the example sheet through the gateway and says where", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    render(<App gateway={gateway} initialLanguage="en" />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Create example sheet" }));
    });
    await waitFor(() => expect(screen.getByText("Sheet “RFM example” is ready.")).toBeTruthy());
    expect(gateway.formulaAt("'RFM example'!E2")).toBe("=SALES.RFM.SCORE(B2:B6,C2:C6,D2:D6)");
    expect(gateway.formulaAt("'RFM example'!H2")).toBe('=SALES.RFM.SEGMENT(E2:G6,"cn8",,"en")');
  });

  it("never reuses a sheet: a second example gets a new name", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1", "RFM 示例"]);
    render(<App gateway={gateway} initialLanguage="zh" />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "创建示例工作表" }));
    });
    await waitFor(() => expect(screen.getByText("工作表“RFM 示例 (2)”已创建。")).toBeTruthy());
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1", "RFM 示例", "RFM 示例 (2)"]);
    expect(gateway.grid("RFM 示例")).toEqual([]);
  });

  it("shows a failed write in a message bar and leaves the workbook as it was", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    gateway.failAfterBlocks(0, "The request payload size has exceeded the limit.");
    render(<App gateway={gateway} initialLanguage="en" />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Create example sheet" }));
    });
    const alert = await screen.findByText("Nothing was changed");
    expect(alert.parentElement?.textContent).toContain("The request payload size has exceeded the limit.");
    expect(gateway.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("disables writing outside Excel and says why", () => {
    render(<App gateway={new MemoryGateway(false)} initialLanguage="en" />);
    expect(screen.getByText("Not connected to Excel")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Create example sheet" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("lists the functions with syntax and examples on the Functions tab", async () => {
    render(<App gateway={new MemoryGateway()} initialLanguage="en" />);
    await openTab("Functions");
    const card = screen.getByRole("group", { name: "SALES.RFM.SCORE" });
    expect(within(card).getByText(/=SALES\.RFM\.SCORE\(B2:B6, C2:C6, D2:D6\)/)).toBeTruthy();
  });
});
