/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { openTab } from "../open-tab";

type NotifyDocument = Document & { ariaNotify?: jest.Mock };

afterEach(() => {
  delete (document as NotifyDocument).ariaNotify;
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};
const enter = async (label: string) => {
  await act(async () => {
    fireEvent.keyDown(screen.getByLabelText(label), { key: "Enter", code: "Enter" });
  });
};
const heading = (name: string) => screen.getByRole("heading", { name });
const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe("Funnel planner page", () => {
  it("walks the course's example: 100 deals → 2000 visitors, levers 125/125/120/120, pyramid 50…4050, a live sheet with a funnel chart", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    render(<App gateway={gateway} initialLanguage="en" />);
    await openTab("Funnel planner");
    expect(heading("Step 1 of 5: Stages")).toBeTruthy();
    expect(valueOf("Stage 2 Rate from above (%)")).toBe("40");
    await click("Next");

    expect(heading("Step 2 of 5: Target")).toBeTruthy();
    type("Deals to close", "100");
    const required = screen.getByRole("region", { name: "Required at each stage" });
    expect(within(required).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Store visits (N): 2,000", "Info retained (K): 800", "Followed up (F): 400", "Deals (C): 100"]);
    await enter("Deals to close");

    expect(heading("Step 3 of 5: Levers")).toBeTruthy();
    const ranked = screen.getByRole("region", { name: "Ranked by deals gained" });
    expect(within(ranked).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "More Store visits (N): 125 deals (+25)",
      "Better rate into Info retained (K): 125 deals (+25)",
      "Better rate into Followed up (F): 120 deals (+20)",
      "Better rate into Deals (C): 120 deals (+20)",
    ]);
    await click("Next");

    expect(heading("Step 4 of 5: Lead pyramid")).toBeTruthy();
    type("Revenue target for the pyramid", "10,000,000");
    type("Average order of an A-grade customer", "200000");
    expect(valueOf("Promotion rate between grades (%)")).toBe("1/3");
    const grades = screen.getByRole("list", { name: "Lead pyramid" });
    expect(within(grades).getAllByRole("listitem").map((li) => /[:：] ?([\d,]+)/.exec(li.textContent ?? "")?.[1])).toEqual(["50", "150", "450", "1,350", "4,050"]);
    expect(within(grades).getByText(/Can close within 3 months/)).toBeTruthy();
    await click("Next");

    expect(heading("Step 5 of 5: Pipeline")).toBeTruthy();
    await click("Write the funnel plan");
    const sheet = gateway.sheet("Funnel plan");
    expect(sheet).toBeDefined();
    expect(sheet!.charts).toEqual([expect.objectContaining({ kind: "funnel", title: "Funnel: required at each stage" })]);
    const grid = gateway.grid("Funnel plan");
    expect(grid[3]!.slice(0, 2)).toEqual(["Deals to close ✎", 100]);
    expect(grid.flat().filter((cell) => typeof cell === "string" && cell.includes("SALES.FUNNEL.LEVERS")).length).toBe(8);
    expect(grid.flat().some((cell) => typeof cell === "string" && cell.includes("SALES.FUNNEL.PYRAMID"))).toBe(true);
  });

  it("says what is wrong with each field, and keeps the step until it is right", async () => {
    render(<App gateway={new MemoryGateway(true, ["Sheet1"])} initialLanguage="en" />);
    await openTab("Funnel planner");
    type("Stage 3 Rate from above (%)", "0");
    type("C (%)", "60");
    await click("Next");
    expect(heading("Step 1 of 5: Stages")).toBeTruthy();
    expect(screen.getByText(/Enter a rate above 0% and at most 100%\./)).toBeTruthy();
    expect(screen.getByText("The mix adds up to 90.0%: make A + B + C 100%.")).toBeTruthy();
    type("Stage 3 Rate from above (%)", "50");
    type("C (%)", "70");
    await click("Next");
    expect(heading("Step 2 of 5: Target")).toBeTruthy();
    await click("Next");
    expect(screen.getByText("Required.")).toBeTruthy();
    type("Deals to close", "40%");
    expect(screen.getByText(/40%/)).toBeTruthy();
  });

  it("computes the rates from last period's counts read from the selection", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    gateway.setCells("Sheet1!A1", [
      [{ value: "Stage" }, { value: "Count" }],
      [{ value: "Visits" }, { value: 2000 }],
      [{ value: "Kept" }, { value: 800 }],
      [{ value: "Followed" }, { value: 400 }],
      [{ value: "Deals" }, { value: 100 }],
    ]);
    gateway.selection = "Sheet1!A1:B5";
    render(<App gateway={gateway} initialLanguage="en" />);
    await openTab("Funnel planner");
    fireEvent.click(screen.getByLabelText("From last period's counts"));
    await click("Read from selection into Stages, top first");
    await click("Replace");
    expect(valueOf("Stage 4 Last period's count")).toBe("100");
    expect(screen.getByText("Rates from the counts: 40.0%, 50.0%, 25.0%.")).toBeTruthy();
    await click("Next");
    type("Deals to close", "120");
    await click("Next");
    await click("Next");
    fireEvent.click(screen.getByLabelText("Include the lead pyramid"));
    await click("Next");
    await click("Write the funnel plan");
    const grid = gateway.grid("Funnel plan");
    expect(grid.flat().some((cell) => typeof cell === "string" && cell.startsWith("=INDEX(SALES.FUNNEL.RATES($D$"))).toBe(true);
  });

  it("asks for the opportunities before writing a pipeline, then weighs them by the stage table filled in from the funnel", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    gateway.setCells("Sheet1!A1", [
      [{ value: 500000 }, { value: "Negotiation" }, { value: "2026-03-15" }],
      [{ value: 120000 }, { value: " proposal " }, { value: "2026-03-20" }],
    ]);
    render(<App gateway={gateway} initialLanguage="en" />);
    await openTab("Funnel planner");
    fireEvent.change(screen.getByLabelText("Template"), { target: { value: "b2b" } });
    await click("Fill in the template's stages");
    expect(screen.getByText("5 stages filled in.")).toBeTruthy();
    for (const [n, rate] of [[2, "50"], [3, "50"], [4, "60"], [5, "50"]] as const) type(`Stage ${n} Rate from above (%)`, rate);
    await click("Next");
    type("Deals to close", "20");
    await click("Next");
    await click("Next");
    fireEvent.click(screen.getByLabelText("Include the lead pyramid"));
    await click("Next");
    fireEvent.click(screen.getByLabelText("Add the pipeline already in hand"));
    await click("Write the funnel plan");
    expect(screen.getByText("Required.", { selector: "#" + screen.getByLabelText("Opportunities range").getAttribute("aria-describedby")?.split(" ")[0] })).toBeTruthy();
    expect(gateway.sheet("Funnel plan")).toBeUndefined();

    gateway.selection = "Sheet1!A1:C2";
    await click("Use the selected range");
    expect(screen.getByText("2 opportunities read from Sheet1!A1:C2.")).toBeTruthy();
    await click("Fill in from the funnel");
    expect(valueOf("Pipeline stage 4 Win probability (%)")).toBe("50");
    type("Revenue target for the period", "300万");
    await click("Write the funnel plan");
    const grid = gateway.grid("Funnel plan");
    expect(grid.flat()).toContain("=SUM(SALES.PIPELINE.WEIGHTED('Sheet1'!$A$1:$A$2,'Sheet1'!$B$1:$B$2,$A$25:$B$28))");
  });

  it("keeps the draft and the step across a page switch", async () => {
    render(<App gateway={new MemoryGateway(true, ["Sheet1"])} initialLanguage="zh" />);
    await openTab("漏斗规划");
    await click("下一步");
    type("目标成交数", "100");
    await openTab("目标分解");
    await openTab("漏斗规划");
    expect(heading("第 2 步，共 5 步：目标")).toBeTruthy();
    expect(valueOf("目标成交数")).toBe("100");
  });
});
