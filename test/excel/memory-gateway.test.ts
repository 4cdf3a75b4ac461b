import { MemoryGateway } from "../../src/excel/memory-gateway";
import { MEMORY } from "../support/gateway-harnesses";
import { describeGatewayContract, RICH_PLAN } from "./gateway-contract";

describeGatewayContract(MEMORY);

describe("MemoryGateway", () => {
  it("is unavailable outside Excel: every operation fails with UNAVAILABLE", async () => {
    const gateway = new MemoryGateway(false);
    await expect(gateway.createSheet(RICH_PLAN)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await expect(gateway.writeRange({ address: "Sheet1!A1", rows: [[{ value: 1 }]] })).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await expect(gateway.readSelection()).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });

  it("records the plan's tables, charts, names, formats and bold rows on the new sheet", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"]);
    const name = await gateway.createSheet(RICH_PLAN);
    const sheet = gateway.sheet(name)!;
    expect(sheet.tables).toEqual(RICH_PLAN.tables);
    expect(sheet.charts).toEqual(RICH_PLAN.charts);
    expect(sheet.names).toEqual(RICH_PLAN.names);
    expect(sheet.numberFormats).toEqual(RICH_PLAN.numberFormats);
    expect(sheet.boldRows).toEqual([1, 6]);
    expect(gateway.grid(name)[3]).toEqual(["'001", "=B2+B3", ""]);
  });

  it("fails after N row blocks (failAfterBlocks), also a write with fewer blocks, counting the blocks written", async () => {
    const gateway = new MemoryGateway(true, ["Sheet1"], { blockRows: 2 });
    const before = gateway.snapshot();
    gateway.failAfterBlocks(2, "boom");
    await expect(gateway.createSheet(RICH_PLAN)).rejects.toMatchObject({ code: "WRITE_FAILED", detail: "boom" });
    expect(gateway.blocksWritten).toBe(2);
    gateway.failAfterBlocks(5);
    await expect(gateway.createSheet(RICH_PLAN)).rejects.toMatchObject({ code: "WRITE_FAILED", detail: "The request payload size has exceeded the limit." });
    expect(gateway.snapshot()).toEqual(before);
  });
});
