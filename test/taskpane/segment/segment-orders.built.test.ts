import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GatewayError } from "../../../src/excel/gateway";
import { HyperFormulaGateway } from "../../../src/workbench/hyperformula-gateway";
import { campaignPlan } from "../../../src/taskpane/features/segment/campaign-plan";
import { detectColumns } from "../../../src/taskpane/features/segment/columns";
import { countBySegment, schemeSegments, segmentCustomers, type SegmentSettings } from "../../../src/taskpane/features/segment/segment-model";
import { segmentPlan, type SegmentPlanInput } from "../../../src/taskpane/features/segment/segment-plan";
import { readSource, type SourceReading } from "../../../src/taskpane/features/segment/source-data";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";

/**
 * The wizard's sheets on the R package rfm's rfm_data_orders (4,906 orders of 995 customers), written through
 * the workbench's gateway with the real SALES functions: the summary's counts against the functions called
 * directly and against the pane's own model, the campaign list following an edited order, and a values-only
 * write cancelled half-way.
 */
const CSV = readFileSync(join(__dirname, "../../fixtures/external/rfm_data_orders.csv"), "utf8").trim().split("\n").map((line) => line.split(","));
const ORDERS = CSV.map((row, i) => (i === 0 ? row : [row[0]!, row[1]!, Number(row[2])]));
const SETTINGS: SegmentSettings = { analysisDate: undefined, windowDays: undefined, method: { method: "seed" }, scheme: { name: "course" }, labels: "zh", clv: false };

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions();
});
afterAll(() => registration.unregister());

async function workbook(blockRows?: number) {
  const gateway = new HyperFormulaGateway({ sheets: ["订单"], ...(blockRows === undefined ? {} : { blockRows }) });
  gateway.hf.setSheetContent(gateway.hf.getSheetId("订单")!, ORDERS as never);
  const read = await gateway.readRange(`'订单'!A1:C${ORDERS.length}`);
  const detection = detectColumns(read.values);
  const source = readSource(read.values, read.address, detection.kind, detection.columns, detection.hasHeader);
  return { gateway, read, detection, source };
}

function input(source: SourceReading, address: string, values?: ReturnType<typeof segmentCustomers>): SegmentPlanInput {
  const latest = source.data.kind === "orders" ? source.data.latest : 0;
  return {
    kind: "orders",
    sourceAddress: address,
    ranges: source.ranges,
    orders: source.rows,
    customers: values?.customers.length ?? source.customers,
    analysis: { kind: "fixed", serial: Math.floor(latest), chosen: false },
    windowDays: undefined,
    method: { method: "seed" },
    scheme: "course",
    segments: schemeSegments({ name: "course" }, "zh"),
    labels: "zh",
    clv: false,
    chart: "bar",
    ...(values === undefined ? {} : { values }),
  };
}

describe("Segment customers on rfm_data_orders", () => {
  it("reads 4,906 orders of 995 customers; the sheet's per-segment counts are the functions' own, and the campaign list follows an edited order", async () => {
    const { gateway, read, detection, source } = await workbook();
    expect(detection).toMatchObject({ kind: "orders", hasHeader: true, columns: { customer: 0, date: 1, amount: 2 } });
    expect([source.rows, source.customers, source.problemCount]).toEqual([4906, 995, 0]);

    const { plan, layout } = segmentPlan(input(source, read.address), "zh");
    const sheet = await gateway.createSheet(plan);
    expect(sheet).toBe("客户分层");
    // The functions called directly, chained by hand on a sheet of their own.
    gateway.hf.addSheet("直接");
    const direct = gateway.hf.getSheetId("直接")!;
    const r = `'订单'!A2:A4907,'订单'!B2:B4907,'订单'!C2:C4907`;
    gateway.hf.setCellContents({ sheet: direct, row: 0, col: 0 }, `=SALES.RFM.TABLE(${r})`);
    gateway.hf.setCellContents({ sheet: direct, row: 0, col: 4 }, `=SALES.RFM.SCORE(B1:B995,C1:C995,D1:D995,"seed")`);
    gateway.hf.setCellContents({ sheet: direct, row: 0, col: 7 }, `=SALES.RFM.SEGMENT(E1:G995,"course",,"zh")`);
    const labels = gateway.valuesAt("'直接'!H1:H995").map((row) => row[0]);
    const directCounts = layout.segments.map(({ label }) => labels.filter((x) => x === label).length);
    expect(directCounts.reduce((a, b) => a + b, 0)).toBe(995);

    const rows = gateway.valuesAt(`'客户分层'!A15:G22`);
    expect(rows.map((row) => row[0])).toEqual([...layout.segments.map((segment) => segment.label), "合计"]);
    expect(rows.map((row) => row[1])).toEqual([...directCounts, 995]);
    // The pane's own model agrees (what the preview shows and a values-only sheet holds).
    expect(countBySegment(segmentCustomers(source.data, SETTINGS)).map((x) => x.customers)).toEqual(directCounts);
    // Spend and orders add up to the data's own totals.
    const total = (ORDERS.slice(1) as [string, string, number][]).reduce((sum, row) => sum + row[2], 0);
    expect(rows[7]!.slice(3, 6)).toEqual([total, 1, 4906]);

    // The campaign list of 沉睡客户: every customer of that segment, then one of them orders again.
    const campaign = await gateway.createSheet(campaignPlan({ sheet, layout, segments: ["沉睡客户"] }, "zh"));
    const sleeping = directCounts[2]!;
    expect(gateway.valueAt(`'${campaign}'!B4`)).toBe(sleeping);
    const listed = () => gateway.valuesAt(`'${campaign}'!A7:A${6 + sleeping + 1}`).map((row) => row[0]);
    const first = listed()[0] as string;
    expect(first).not.toBe("");
    const orderRow = ORDERS.findIndex((row) => row[0] === first);
    gateway.enterCell(`'订单'!B${orderRow + 1}`, "2006-12-30");
    gateway.enterCell(`'订单'!C${orderRow + 1}`, "6000");
    expect(gateway.valueAt(`'${campaign}'!B4`)).toBe(sleeping - 1);
    expect(listed()).not.toContain(first);
    expect(gateway.valuesAt(`'客户分层'!B22`)[0]![0]).toBe(995);
  }, 240_000);

  it("cancelled at 50% of a values-only write, leaves the workbook as it was", async () => {
    const { gateway, read, source } = await workbook(100);
    const values = segmentCustomers(source.data, SETTINGS);
    const { plan } = segmentPlan(input(source, read.address, values), "zh");
    const before = { sheets: gateway.sheetNames(), orders: gateway.valuesAt(`'订单'!A1:C${ORDERS.length}`) };
    const controller = new AbortController();
    const seen: number[] = [];
    const write = gateway.createSheet(plan, {
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        seen.push(done / total);
        if (done / total >= 0.5) controller.abort();
      },
    });
    await expect(write).rejects.toEqual(new GatewayError("CANCELLED"));
    expect(seen[seen.length - 1]).toBeGreaterThanOrEqual(0.5);
    expect(seen[seen.length - 1]).toBeLessThan(0.6);
    expect({ sheets: gateway.sheetNames(), orders: gateway.valuesAt(`'订单'!A1:C${ORDERS.length}`) }).toEqual(before);
    // Written through to the end, the values sheet's summary shows the same counts as the formulas.
    const name = await gateway.createSheet(plan);
    expect(gateway.valuesAt(`'${name}'!B15:B21`).map((row) => row[0])).toEqual(countBySegment(values).map((x) => x.customers));
  }, 240_000);
});
