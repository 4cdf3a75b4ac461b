/**
 * The Progress wizard reads the plan a Decompose sheet holds, as Decompose writes it today: the sheet is
 * written by decomposePlan into the calculating workbench workbook (the real SALES functions of the built
 * bundle), read back as the pane reads it, and found by its Time and Salespeople tables — in both languages,
 * also with Decompose's newer options on (typed period weights, people within regions, the plan by period).
 */
import type { DecomposeInput } from "../../../src/taskpane/features/decompose/decompose-schema";
import { decomposePlan } from "../../../src/taskpane/features/decompose/decompose-plan";
import { readDecomposeSheet } from "../../../src/taskpane/features/progress/plan-source";
import { HyperFormulaGateway } from "../../../src/workbench/hyperformula-gateway";
import { registerCustomFunctions, type Registration } from "../../support/hyperformula-bridge";
import { exampleInput, HISTORY, PEOPLE, REGIONS } from "../decompose/fixture";

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions();
});
afterAll(() => registration.unregister());

async function written(input: DecomposeInput, language: "en" | "zh") {
  const gateway = new HyperFormulaGateway({ sheets: ["SMART target", "Sales history"] });
  gateway.enterCell("'SMART target'!B8", "120000000");
  HISTORY.forEach((year, r) => year.forEach((value, c) => gateway.enterCell(`'Sales history'!${String.fromCharCode(66 + c)}${r + 2}`, String(value))));
  const sheet = await gateway.createSheet(decomposePlan(input, language));
  return { gateway, sheet, data: await gateway.readRange(`'${sheet}'!A1:N400`) };
}

describe.each(["en", "zh"] as const)("a Decompose sheet as the Progress plan (%s)", (language) => {
  it("finds the salespeople, their quotas and the 12 month amounts, which add up to the total", async () => {
    const base = exampleInput();
    const { gateway, sheet, data } = await written(exampleInput({ salespeople: { ...base.salespeople!, parent: "total" } }), language);
    const read = readDecomposeSheet(data);
    if (!read.ok) throw new Error(`not read: ${JSON.stringify(read.problem)}`);
    expect(read.source.kind).toBe("quotas");
    if (read.source.kind !== "quotas") return;
    expect(read.source.names).toEqual(PEOPLE.map((p) => p.name));
    expect(read.source.values.reduce((a, b) => a + b, 0)).toBe(120_000_000);
    expect(read.source.where).toBe(sheet);
    const months = read.source.weights;
    if (months === "days") throw new Error("the months were not read from the Time table");
    expect(months.rows).toBe(12);
    const amounts = await gateway.readRange(`'${sheet}'!${String.fromCharCode(65 + months.column)}${months.row + 1}:${String.fromCharCode(65 + months.column)}${months.row + 12}`);
    expect(amounts.values.flat().reduce<number>((a, x) => a + (x as number), 0)).toBe(120_000_000);
  });

  it("still finds them with months weighted as typed, people within regions and the plan by period", async () => {
    const base = exampleInput();
    const input = exampleInput({
      time: { periods: "months", custom: [], method: "typed", history: undefined, weights: [1, 1, 1, 1, 1, 1.5, 1, 1, 1, 1, 2, 1] },
      regions: REGIONS.slice(0, 2),
      salespeople: { ...base.salespeople!, parent: "regions", people: base.salespeople!.people.map((p, i) => ({ ...p, region: i % 2 })) },
      grid: "salespeople",
    });
    const { data } = await written(input, language);
    const read = readDecomposeSheet(data);
    if (!read.ok) throw new Error(`not read: ${JSON.stringify(read.problem)}`);
    if (read.source.kind !== "quotas") throw new Error(read.source.kind);
    // The sheet lists the people region by region.
    expect([...read.source.names].sort()).toEqual(PEOPLE.map((p) => p.name).sort());
    expect(read.source.values.reduce((a, b) => a + b, 0)).toBe(120_000_000);
  });
});
