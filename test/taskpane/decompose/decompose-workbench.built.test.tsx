/**
 * @jest-environment jsdom
 */
/**
 * End to end without Excel: the pane writes the Decomposition sheet into the workbench's calculating
 * workbook (HyperFormulaGateway, with the real SALES functions of the built bundle — `npm run build`), then
 * the SMART target's cell is edited as a user would, and every check row still says ✓ at the new total.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import { openTab } from "../open-tab";
import { HyperFormulaGateway } from "../../../src/workbench/hyperformula-gateway";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { CHANNELS, HISTORY } from "./fixture";

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions();
});
afterAll(() => registration.unregister());

const click = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};
const fill = (group: string, values: Record<string, string>) => {
  const row = screen.getByRole("group", { name: group });
  for (const [label, value] of Object.entries(values)) fireEvent.change(within(row).getByLabelText(`${group} ${label}`), { target: { value } });
};

it("writes a live goal tree: editing the SMART target's cell re-splits every level", async () => {
  const gateway = new HyperFormulaGateway({ sheets: ["SMART target", "Sales history"] });
  gateway.enterCell("'SMART target'!B8", "120000000");
  HISTORY.forEach((year, r) => year.forEach((value, c) => gateway.enterCell(`'Sales history'!${String.fromCharCode(66 + c)}${r + 2}`, String(value))));
  render(<App gateway={gateway} initialLanguage="zh" />);
  await openTab("目标分解");

  fireEvent.click(screen.getByLabelText("引用单元格"));
  gateway.select("'SMART target'!B8");
  await click("使用所选单元格作为总目标");
  expect(screen.getByText("当前值：120,000,000")).toBeTruthy();
  fireEvent.change(screen.getByLabelText("按时间分解方式"), { target: { value: "seasonal" } });
  gateway.select("'Sales history'!B2:M4");
  await click("使用所选区域作为历史数据");
  for (let i = 0; i < CHANNELS.length; i++) {
    if (i > 0) await click("在“渠道及权重”中添加一行");
    fill(`渠道 ${i + 1}`, { 渠道: CHANNELS[i]!.name, 权重: String(CHANNELS[i]!.weight) });
  }
  await click("写入新工作表");
  expect(screen.getByText("工作表“目标分解”已创建。")).toBeTruthy();

  const value = (a1: string) => gateway.valueAt(`目标分解!${a1}`);
  const sum = (range: string) => gateway.valuesAt(`目标分解!${range}`).flat().reduce<number>((a, x) => a + (x as number), 0);
  for (const total of [120_000_000, 150_000_000]) {
    if (total !== 120_000_000) gateway.enterCell("'SMART target'!B8", String(total));
    expect(value("B3")).toBe(total);
    expect(sum("B8:B19")).toBe(total);
    expect([value("B20"), value("C20")]).toEqual([total, "✓"]);
    expect(gateway.valuesAt("目标分解!C24:C27").flat()).toEqual(CHANNELS.map((c) => (total * c.weight) / 100));
    expect(value("D28")).toBe("✓");
  }
  // A total that is not a multiple of the unit: the amounts show #VALUE! with the reason, and so does the check.
  gateway.enterCell("'SMART target'!B8", "120005000");
  expect(value("B8")).toBe("#VALUE!");
  expect(value("C20")).toBe("#VALUE!");
  expect(gateway.view("目标分解!B8").error).toContain("120000000 or 120010000");
});
