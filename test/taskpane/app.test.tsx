/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { FUNCTION_HELP } from "../../src/i18n/function-help";
import { App } from "../../src/taskpane/App";
import { dialogButton, findDialog } from "../support/dialog";
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

  it("lists the functions by family on the Functions tab, with syntax and examples, and finds them by name or words", async () => {
    render(<App gateway={new MemoryGateway()} initialLanguage="en" />);
    await openTab("Functions");
    // Each family with its functions, by the first part of their ids.
    const families: [string, string[]][] = [
      ["Customers (RFM)", ["RFM", "CUSTOMER"]],
      ["Funnel", ["FUNNEL", "PIPELINE"]],
      ["Targets and quotas", ["TARGET", "QUOTA"]],
      ["KPIs", ["KPI"]],
      ["Forecast", ["FORECAST"]],
      ["Commission", ["COMMISSION"]],
      ["Customer lifetime value", ["CLV"]],
    ];
    const counted = families.map(([title, prefixes]) => [title, FUNCTION_HELP.filter((h) => prefixes.includes(h.id.split(".")[0]!)).length] as const);
    expect(counted.reduce((sum, [, n]) => sum + n, 0)).toBe(FUNCTION_HELP.length);
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(counted.filter(([, n]) => n > 0).map(([title, n]) => `${title} (${n})`));
    // Families start closed: the page is a short list until one is opened or searched.
    expect(screen.queryByRole("group", { name: "SALES.RFM.SCORE" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: `Customers (RFM) (${counted[0]![1]})` }));
    const card = screen.getByRole("group", { name: "SALES.RFM.SCORE" });
    expect(within(card).getByText(/=SALES\.RFM\.SCORE\(B2:B6, C2:C6, D2:D6\)/)).toBeTruthy();

    fireEvent.change(screen.getByRole("searchbox", { name: "Search functions" }), { target: { value: "churn" } });
    expect(screen.getAllByRole("group").map((group) => group.getAttribute("aria-label"))).toEqual(["SALES.KPI.CHURN"]);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search functions" }), { target: { value: "漏斗" } });
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([`Funnel (${counted[1]![1]})`]);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search functions" }), { target: { value: "no such thing" } });
    expect(screen.getByText("No function matches “no such thing”.")).toBeTruthy();
  });

  it("inserts a function's example formula at the selected cell, asking before it replaces one", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1", "Plan"]);
    gateway.selection = "Plan!C3:D9";
    gateway.setCells("Plan!C3", [[{ value: "mine" }]]);
    render(<App gateway={gateway} initialLanguage="en" />);
    await openTab("Functions");
    fireEvent.change(screen.getByRole("searchbox", { name: "Search functions" }), { target: { value: "FUNNEL.TARGET" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Insert into the selected cell: SALES.FUNNEL.TARGET" }));
    });
    const dialog = await findDialog("Replace existing cells?");
    expect(within(dialog).getByText("Plan!C3")).toBeTruthy();
    expect(gateway.formulaAt("Plan!C3")).toBe("mine");
    await act(async () => {
      fireEvent.click(dialogButton(dialog, "Replace"));
    });
    expect(gateway.formulaAt("Plan!C3")).toBe("=SALES.FUNNEL.TARGET(100, {0.4,0.5,0.25})");
    expect(screen.getByText("Written to Plan!C3.")).toBeTruthy();
  });
});
