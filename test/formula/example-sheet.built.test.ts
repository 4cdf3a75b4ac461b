import { cellInput } from "../../src/excel/cell-input";
import { rfmExamplePlan } from "../../src/taskpane/features/start/rfm-example";
import { buildSheet, registerCustomFunctions, Registration, valuesOf } from "../support/hyperformula-bridge";
import { COURSE_SCORES, COURSE_SEGMENTS_ZH } from "../support/course";

/** The sheet the task pane writes, exactly as the gateway would send it, evaluated as formulas. */

let registration: Registration;
beforeAll(() => {
  registration = registerCustomFunctions(); // needs dist/: `npm run build`
});
afterAll(() => registration.unregister());

function evaluate(language: "zh" | "en") {
  const plan = rfmExamplePlan(language);
  const cells = plan.rows.map((row) => row.map(cellInput));
  const values = cells.map((row) => row.map((cell) => (typeof cell === "string" && cell.startsWith("=") ? null : cell)));
  const formulas: Record<string, string> = {};
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell === "string" && cell.startsWith("=")) formulas[`${String.fromCharCode(65 + c)}${r + 1}`] = cell;
    }),
  );
  return buildSheet(values, formulas);
}

describe("the task pane's RFM example sheet", () => {
  it("computes the course's scores and Chinese segments", () => {
    const hf = evaluate("zh");
    expect(valuesOf(hf, "E2:G6")).toEqual(COURSE_SCORES);
    expect(valuesOf(hf, "H2:H6").flat()).toEqual(COURSE_SEGMENTS_ZH);
  });

  it("labels in English in the English pane", () => {
    expect(valuesOf(evaluate("en"), "H2:H6").flat()).toEqual(["Important value", "General win-back", "Important retain", "General win-back", "General develop"]);
  });
});
