/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { App } from "../../../src/taskpane/App";
import { DraftStore } from "../../../src/taskpane/drafts/draft-store";
import { openTab } from "../open-tab";

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};
const valueOf = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

/** SMART steps 1 and 2 filled, on step 3. */
async function smartToStep3() {
  await openTab("SMART target");
  type("Channel / platform", "Tmall");
  type("Product", "Gift boxes");
  await click("Next");
  type("Unit shown", "10k yuan");
  type("Baseline (last comparable period)", "40");
  type("Target", "50");
  await click("Next");
  expect(screen.getByRole("heading", { name: "Step 3 of 5: Achievable" })).toBeTruthy();
}

describe("drafts in the pane", () => {
  it("keep SMART's fields and step across a page switch (pages unmount)", async () => {
    render(<App gateway={new MemoryGateway()} initialLanguage="en" />);
    await smartToStep3();
    await openTab("Decompose");
    expect(screen.queryByRole("heading", { name: /Step 3 of 5/ })).toBeNull();
    await openTab("SMART target");
    expect(screen.getByRole("heading", { name: "Step 3 of 5: Achievable" })).toBeTruthy();
    await click("Step 2: Measurable, done");
    expect(valueOf("Target")).toBe("50");
    await click("Step 1: Specific, done");
    expect(valueOf("Channel / platform")).toBe("Tmall");
  });

  it("keep every page's draft when the pane is closed and opened again (the same workbook's storage)", async () => {
    const storage = window.localStorage;
    storage.clear();
    const gateway = new MemoryGateway();
    const first = render(<App gateway={gateway} initialLanguage="en" drafts={new DraftStore({ storage, slot: "wb-test", delayMs: 0 })} />);
    await smartToStep3();
    await openTab("Market analysis");
    fireEvent.change(within(screen.getByRole("group", { name: "Strengths (S) 1" })).getByLabelText("Strengths (S) 1 Factor"), { target: { value: "品牌" } });
    fireEvent.click(screen.getByRole("tab", { name: "Risks" }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    first.unmount();

    render(<App gateway={gateway} initialLanguage="en" drafts={new DraftStore({ storage, slot: "wb-test" })} />);
    await openTab("Market analysis");
    // The analysis that was open is open again.
    expect(screen.getByRole("tab", { name: "Risks", selected: true })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "SWOT" }));
    expect((within(screen.getByRole("group", { name: "Strengths (S) 1" })).getByLabelText("Strengths (S) 1 Factor") as HTMLInputElement).value).toBe("品牌");
    await openTab("SMART target");
    expect(screen.getByRole("heading", { name: "Step 3 of 5: Achievable" })).toBeTruthy();
    storage.clear();
  });

  it("Start over after a write clears the draft and the step; the journey shows the sheet written", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    render(<App gateway={gateway} initialLanguage="en" />);
    await openTab("Market analysis");
    fireEvent.click(screen.getByRole("tab", { name: "Risks" }));
    const row = screen.getByRole("group", { name: "Risk 1" });
    fireEvent.change(within(row).getByLabelText("Risk 1 Risk"), { target: { value: "Supplier delay" } });
    fireEvent.change(within(row).getByLabelText("Risk 1 Probability (1–5)"), { target: { value: "4" } });
    fireEvent.change(within(row).getByLabelText("Risk 1 Impact (1–5)"), { target: { value: "5" } });

    await openTab("Start");
    const market = screen.getByRole("button", { name: "Analyse the market" }).closest("li")!;
    expect(within(market).getByText(/Draft in progress/)).toBeTruthy();
    expect(market.getAttribute("aria-current")).toBe("step");

    await openTab("Market analysis");
    await click("Write to a new sheet");
    expect(screen.getByText("Sheet “Risk matrix” is ready.")).toBeTruthy();
    await click("Start over");
    expect((within(screen.getByRole("group", { name: "Risk 1" })).getByLabelText("Risk 1 Risk") as HTMLInputElement).value).toBe("");
    expect(screen.queryByText("Sheet “Risk matrix” is ready.")).toBeNull();
    // A fresh form shows no errors before the user tries again.
    expect(screen.queryByText("Required.")).toBeNull();

    await openTab("Start");
    const written = screen.getByRole("button", { name: "Analyse the market" }).closest("li")!;
    expect(within(written).getByText(/Written: “Risk matrix”/)).toBeTruthy();
    // The next step of the journey is now the forecast the target is set against.
    expect(screen.getByRole("button", { name: "Forecast sales" }).closest("li")!.getAttribute("aria-current")).toBe("step");
    // Tracking is a link too, not started yet.
    expect(within(screen.getByRole("button", { name: "Track progress and adjust" }).closest("li")!).getByText("Not started")).toBeTruthy();
    // A journey link opens its page.
    fireEvent.click(screen.getByRole("button", { name: "Set a SMART target" }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.getByRole("tab", { name: "SMART target", selected: true })).toBeTruthy();
  });

  it("Go to sheet shows the sheet the write made, or says it is gone", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    render(<App gateway={gateway} initialLanguage="zh" />);
    await click("创建示例工作表");
    gateway.activeSheet = "Sheet1";
    await click("转到工作表");
    expect(gateway.activeSheet).toBe("RFM 示例");
    gateway.sheet("RFM 示例")!.name = "renamed";
    await click("转到工作表");
    expect(screen.getByText("工作表“RFM 示例”已创建。 工作簿中已没有工作表“RFM 示例”。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "转到工作表" })).toBeNull();
  });
});
