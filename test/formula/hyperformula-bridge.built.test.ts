import { readFileSync } from "node:fs";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { distFile, FunctionMetadata } from "../support/dist";
import {
  address,
  buildSheet,
  keepSpillsSized,
  valuesOf,
  CustomFunction,
  ENGINE_CONFIG,
  GROWN_SPILL,
  loadFunctionsBundle,
  registerCustomFunctions,
  Registration,
} from "../support/hyperformula-bridge";

/** The bridge itself: what it registers, when it refuses to start, and how it passes values like Excel. */

const functionsJson = (): { functions: FunctionMetadata[] } => JSON.parse(readFileSync(distFile("functions.json"), "utf8"));

const matrix = (name: string, optional = false) => ({ name, type: "any", dimensionality: "matrix", ...(optional ? { optional } : {}) });
const scalar = (name: string, optional = false) => ({ name, type: "any", ...(optional ? { optional } : {}) });

/** Probe functions: TEST.ARGS shows what the adapter receives, TEST.FAIL throws what it is told. */
const PROBES: { functions: FunctionMetadata[] } = {
  functions: [
    { id: "TEST.ARGS", name: "TEST.ARGS", parameters: [matrix("range"), scalar("value", true), matrix("more", true)], result: { type: "string" } },
    { id: "TEST.FAIL", name: "TEST.FAIL", parameters: [scalar("code"), scalar("message", true)], result: { type: "number" } },
  ],
};
const PROBE_FUNCTIONS: Record<string, CustomFunction> = {
  "TEST.ARGS": (range: unknown, value: unknown, more: unknown) => JSON.stringify([range, value, more]),
  "TEST.FAIL": (code: unknown, message: unknown) => {
    if (code === "TypeError") throw new TypeError(String(message));
    throw new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message === null ? undefined : String(message));
  },
};

const registrations: Registration[] = [];
beforeAll(() => {
  registrations.push(registerCustomFunctions());
  registrations.push(registerCustomFunctions({ file: PROBES, functions: PROBE_FUNCTIONS, namespace: null }));
});
afterAll(() => registrations.forEach((r) => r.unregister()));

function shown(hf: HyperFormula, a1: string): unknown {
  const value = hf.getCellValue(address(hf, a1));
  return value instanceof DetailedCellError ? { error: value.value, message: value.message } : value;
}

describe("registration", () => {
  it("registers every id of functions.json, bare and with the manifest's SALES namespace", () => {
    const ids = functionsJson().functions.map((f) => f.id);
    expect([...(registrations[0] as Registration).names].sort()).toEqual([...ids, ...ids.map((id) => `SALES.${id}`)].sort());

    const hf = buildSheet([[]], Object.fromEntries(ids.flatMap((id, i) => [[`A${i + 1}`, `=${id}()`], [`B${i + 1}`, `=SALES.${id}()`]])));
    for (let i = 1; i <= ids.length; i++) {
      for (const a1 of [`A${i}`, `B${i}`]) expect(shown(hf, a1)).toEqual({ error: "#N/A", message: expect.stringContaining("arguments, got 0") });
    }
  });

  it("takes the functions from the built bundle's CustomFunctions.associate calls: one per id of functions.json", () => {
    const ids = functionsJson().functions.map((f) => f.id);
    expect([...loadFunctionsBundle().keys()].sort()).toEqual([...ids].sort());
  });

  it("refuses to start when functions.json has an id that the bundle did not associate", () => {
    const file = { functions: [...functionsJson().functions, { ...PROBES.functions[1]!, id: "NEW.FUNCTION", name: "NEW.FUNCTION" }] };
    expect(() => registerCustomFunctions({ file })).toThrow(/NEW\.FUNCTION.*no function was associated/);
  });

  it("refuses to start when the bundle associates an id that functions.json lacks (a renamed function)", () => {
    const file = { functions: functionsJson().functions.filter((f) => f.id !== "RFM.SEGMENT") };
    expect(() => registerCustomFunctions({ file })).toThrow(/RFM\.SEGMENT/);
  });

  it("refuses a function whose parameters do not match the metadata", () => {
    const functions = loadFunctionsBundle();
    functions.set("RFM.SCORE", functions.get("RFM.SEGMENT")!);
    expect(() => registerCustomFunctions({ functions })).toThrow(/RFM\.SCORE.*5 parameters.*takes 4/);
  });
});

describe("arguments as Excel passes them", () => {
  const hf = (): HyperFormula =>
    buildSheet(
      [
        [1, null],
        ["x", true],
        ["=1/0", null],
      ],
      {
        D1: "=TEST.ARGS(A1:B2)",
        D2: "=TEST.ARGS(A1:B2,,7)",
        D3: "=TEST.ARGS(A1,B1,B1)",
        D4: "=TEST.ARGS(A1:A2,A1:A2)",
        D5: "=TEST.ARGS(A1,1,2,3)",
        D6: "=TEST.ARGS(A1:A3)",
        D7: "=TEST.ARGS(A1,A3)",
      },
    );

  it("gives a matrix parameter rows of cell values, an empty cell as an empty string", () => {
    expect(shown(hf(), "D1")).toBe(JSON.stringify([[[1, ""], ["x", true]], null, null]));
  });

  it("gives an omitted or skipped optional argument as null, and a scalar in a matrix parameter as [[value]]", () => {
    expect(shown(hf(), "D2")).toBe(JSON.stringify([[[1, ""], ["x", true]], null, [[7]]]));
  });

  it("gives a single cell to a matrix parameter as [[value]] and an empty cell to a scalar one as an empty string", () => {
    expect(shown(hf(), "D3")).toBe(JSON.stringify([[[1]], "", [[""]]]));
  });

  it("rejects a range in a scalar parameter and a call with too many arguments", () => {
    const sheet = hf();
    expect(shown(sheet, "D4")).toEqual({ error: "#VALUE!", message: expect.stringContaining("scalar parameter") });
    expect(shown(sheet, "D5")).toEqual({ error: "#N/A", message: expect.stringContaining("takes 1 to 3 arguments, got 4") });
  });

  it("returns an error value found in an argument without calling the function", () => {
    const sheet = hf();
    expect(shown(sheet, "D6")).toEqual({ error: "#DIV/0!", message: expect.any(String) });
    expect(shown(sheet, "D7")).toEqual({ error: "#DIV/0!", message: expect.any(String) });
  });
});

describe("errors the function throws", () => {
  const hf = (): HyperFormula =>
    buildSheet([[]], {
      A1: '=TEST.FAIL("#N/A","no such customer")',
      A2: '=TEST.FAIL("#DIV/0!")',
      A3: '=TEST.FAIL("#NULL!","crossing")',
      A4: '=TEST.FAIL("TypeError","x is undefined")',
    });

  it("shows a CustomFunctions.Error with its code and message", () => {
    const sheet = hf();
    expect(shown(sheet, "A1")).toEqual({ error: "#N/A", message: "no such customer" });
    expect(shown(sheet, "A2")).toEqual({ error: "#DIV/0!", message: "" });
  });

  it("shows #NULL!, which HyperFormula lacks, as #ERROR! naming the code", () => {
    expect(shown(hf(), "A3")).toEqual({ error: "#ERROR!", message: expect.stringContaining("#NULL!") });
  });

  it("shows an uncaught exception as #VALUE!, as Excel does", () => {
    expect(shown(hf(), "A4")).toEqual({ error: "#VALUE!", message: expect.stringContaining("uncaught exception: x is undefined") });
  });
});

describe("spill sizes", () => {
  const ORDERS = [
    ["C001", 45301, 120],
    ["C002", 45337, 80],
    ["C001", 45352, 200],
  ];
  const TABLE = "=RFM.TABLE(A1:A3,B1:B3,C1:C3)";

  it("sizes a spill by running the function once when the formula is entered", () => {
    const hf = buildSheet(ORDERS, { E1: TABLE });
    expect(hf.isCellPartOfArray(address(hf, "E2"))).toBe(true);
    expect(hf.isCellPartOfArray(address(hf, "E3"))).toBe(false);
  });

  it("in a bare engine, shows #SPILL! when a result outgrows the size it had when entered, and keeps calculating", () => {
    const hf = HyperFormula.buildFromArray(ORDERS, ENGINE_CONFIG);
    hf.setCellContents(address(hf, "E1"), TABLE);
    hf.setCellContents(address(hf, "A3"), "C003"); // a third customer: 3 rows instead of 2
    expect(shown(hf, "E1")).toEqual({ error: "#SPILL!", message: expect.stringContaining(GROWN_SPILL) });

    hf.setCellContents(address(hf, "E1"), TABLE); // entering it again sizes it again
    expect(hf.getCellValue(address(hf, "E3"))).toBe("C003");
    hf.setCellContents(address(hf, "C3"), 10);
    expect(hf.getCellValue(address(hf, "H3"))).toBe(10);
  });

  it("grows a spill like a dynamic array when the engine keeps spills sized (buildSheet does)", () => {
    const hf = buildSheet(ORDERS, { E1: TABLE });
    hf.setCellContents(address(hf, "A3"), "C003");
    expect(valuesOf(hf, "E1:H3")).toEqual([
      ["C001", 51, 1, 120],
      ["C002", 15, 1, 80],
      ["C003", 0, 1, 200],
    ]);
  });

  it("shows HyperFormula's own #SPILL! when the grown spill would cover a value, and spills once it is cleared", () => {
    const hf = buildSheet(ORDERS, { E1: TABLE });
    hf.setCellContents(address(hf, "E3"), "in the way");
    hf.setCellContents(address(hf, "A3"), "C003");
    expect(shown(hf, "E1")).toEqual({ error: "#SPILL!", message: expect.not.stringContaining(GROWN_SPILL) });
    hf.setCellContents(address(hf, "E3"), null);
    expect(hf.getCellValue(address(hf, "E3"))).toBe("C003");
  });

  it("sizes formulas written above their inputs in one go (an engine built from whole sheets)", () => {
    const hf = HyperFormula.buildFromArray([["=RFM.TABLE(E2:E4,F2:F4,G2:G4)"], ...ORDERS.map((row) => [null, null, null, null, ...row])], ENGINE_CONFIG);
    expect(hf.isCellPartOfArray(address(hf, "A2"))).toBe(false); // sized before its inputs were computed
    keepSpillsSized(hf);
    expect(valuesOf(hf, "A1:D2")).toEqual([
      ["C001", 0, 2, 320],
      ["C002", 15, 1, 80],
    ]);
  });

  it("pads a result that shrank with empty cells", () => {
    const hf = buildSheet(ORDERS, { E1: TABLE });
    hf.setCellContents(address(hf, "A2"), "C001");
    expect(hf.getCellValue(address(hf, "H1"))).toBe(400);
    expect(hf.getCellValue(address(hf, "E2"))).toBeNull();
  });
});
