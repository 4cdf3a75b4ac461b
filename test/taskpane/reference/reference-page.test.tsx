/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryGateway } from "../../../src/excel/memory-gateway";
import { FUNCTION_HELP, syntaxIn } from "../../../src/i18n/function-help";
import { PARAMETER_NAMES_ZH } from "../../../src/i18n/parameter-names";
import { ReferencePage } from "../../../src/taskpane/features/reference/ReferencePage";

/** The pane's function reference shows the parameter names Excel's tooltips show in the same language. */
describe("the function reference's syntax in Chinese", () => {
  it("names the parameters in Chinese and keeps the option values as they are typed", () => {
    const syntax = (id: string) => syntaxIn("zh", FUNCTION_HELP.find((h) => h.id === id)!.syntax);
    expect(syntax("RFM.TABLE")).toBe("=SALES.RFM.TABLE(客户编号, 下单日期, 金额, [分析日期], [标题行], [时间窗天数])");
    expect(syntax("RFM.SCORE")).toBe('=SALES.RFM.SCORE(最近消费间隔, 消费频次, 消费金额, ["seed"|"custom"|"quantile"|"rfm-r"], [分档])');
    expect(syntax("FORECAST.ACCURACY")).toBe("=SALES.FORECAST.ACCURACY(实际值, 预测值, [训练数据], [季节周期])");
  });

  it.each(FUNCTION_HELP.map((h) => [h.id, h.syntax] as const))("%s: no English parameter name is left, English is unchanged", (_, syntax) => {
    expect(syntaxIn("en", syntax)).toBe(syntax);
    const outsideQuotes = syntaxIn("zh", syntax).replace(/"[^"]*"/g, "");
    for (const word of outsideQuotes.match(/[a-z_]+/g) ?? []) expect(Object.keys(PARAMETER_NAMES_ZH)).not.toContain(word);
  });

  it("is what the Chinese pane shows", () => {
    render(<ReferencePage gateway={new MemoryGateway()} language="zh" />);
    fireEvent.change(screen.getByRole("searchbox", { name: "搜索函数" }), { target: { value: "TARGET.SPLIT" } });
    const card = screen.getByRole("group", { name: "SALES.TARGET.SPLIT" });
    expect(within(card).getByText("语法: =SALES.TARGET.SPLIT(总目标, 权重, [取整单位])")).toBeTruthy();
  });
});
