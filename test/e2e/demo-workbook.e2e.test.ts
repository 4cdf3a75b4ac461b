import { COURSE_SEGMENTS_ZH } from "../support/course";
import { Session, startSession, WorkbenchPage } from "./workbench-harness";

/**
 * The demo workbook (examples/sales-planner-demo.xlsx) opened in the workbench with its button: every
 * sheet calculates with the built SALES functions, and a changed input recalculates.
 */

let session: Session;
let workbench: WorkbenchPage;
beforeAll(async () => {
  session = await startSession();
  workbench = await session.open("en-US");
}, 30_000);
afterAll(async () => {
  await session?.close();
});

describe("the demo workbook in the workbench", () => {
  it("opens every sheet of the .xlsx and calculates the course's examples", async () => {
    await workbench.sheets.getByRole("button", { name: "Open the demo workbook", exact: true }).click();
    await workbench.waitForSheet("CLV 客户价值");
    expect(await workbench.sheetNames()).toEqual(["Sheet1", "Orders 订单", "RFM 客户分层", "Funnel 漏斗", "KPI 绩效", "Commission 提成", "Targets 目标", "Forecast 预测", "CLV 客户价值"]);
    await workbench.waitForValues("RFM 客户分层", "H3:H7", COURSE_SEGMENTS_ZH.map((segment) => [segment]));
    await workbench.waitForValues("Funnel 漏斗", "B7", [[2000]]);
    await workbench.waitForValues("CLV 客户价值", "H3", [[2]]);
    const [r, alpha] = (await workbench.values("CLV 客户价值", "Q2:Q3")).flat() as number[];
    expect([r, alpha].map((v) => Number(v!.toFixed(4)))).toEqual([0.2426, 4.4136]);
    await workbench.waitForValues("Targets 目标", "C5:C9", [[50_000_000], [30_000_000], [15_000_000], [5_000_000], [100_000_000]]);
    const [expected, , projected] = (await workbench.values("Targets 目标", "A40:E40"))[0] as number[];
    expect(expected).toBeCloseTo(104_000, 6);
    expect(projected).toBeCloseTo(240_000, 6);
    // The sheet's number formats come along, spilled cells included.
    expect(await workbench.shownText("Targets 目标", "C5")).toBe("50,000,000");
    expect(await workbench.shownText("Targets 目标", "C8")).toBe("5,000,000");
    await workbench.screenshot("workbench-demo-targets");
  });

  it("re-splits the channels when the yearly target is typed over (100M → 150M)", async () => {
    await workbench.editCell("Targets 目标", "B2", "150000000");
    await workbench.waitForValues("Targets 目标", "C5:C9", [[75_000_000], [45_000_000], [22_500_000], [7_500_000], [150_000_000]]);
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});
