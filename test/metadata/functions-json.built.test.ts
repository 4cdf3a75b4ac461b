import { readMetadata } from "../support/dist";

/**
 * The function ids of the product catalogue, kept here so the repository needs nothing beside it
 * (docs/functions.md documents each). Workbooks store these ids: once released they never change. Every id the add-in registers must be one of them.
 */
const CATALOGUE = [
  "RFM.TABLE", "RFM.SCORE", "RFM.SEGMENT", "CUSTOMER.TAGS",
  "FUNNEL.TARGET", "FUNNEL.PLAN", "FUNNEL.STAGES", "FUNNEL.LEVERS", "FUNNEL.PYRAMID",
  "FUNNEL.RATES", "PIPELINE.WEIGHTED",
  "TARGET.SPLIT", "TARGET.SEASONAL", "TARGET.TIERS", "QUOTA.ALLOCATE", "QUOTA.RECONCILE", "TARGET.PACE",
  "TARGET.GRID",
  "KPI.CONVERSION", "KPI.AOV", "KPI.MARGIN", "KPI.ROI", "KPI.ROAS", "KPI.CAC", "KPI.REPURCHASE", "KPI.CHURN",
  "KPI.COLLECTION", "KPI.CLV", "KPI.SCORE",
  "FORECAST.MA", "FORECAST.SES", "FORECAST.HOLT", "FORECAST.HW", "FORECAST.HW.PARAMS", "FORECAST.ACCURACY",
  "FORECAST.INTERVAL", "FORECAST.LINEAR", "FORECAST.BACKTEST",
  "COMMISSION.TIERED",
  "CLV.SUMMARY", "CLV.FIT", "CLV.PURCHASES", "CLV.ALIVE", "CLV.SPEND.FIT", "CLV.VALUE",
];

const { functions } = readMetadata();

describe("generated custom-function metadata (dist/functions.json)", () => {
  it("registers only catalogue ids, each once, with name equal to id", () => {
    const ids = functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of functions) {
      expect(CATALOGUE).toContain(f.id);
      expect(f.name).toBe(f.id);
    }
  });

  it("keeps the RFM family", () => {
    expect(functions.map((f) => f.id)).toEqual(expect.arrayContaining(["RFM.TABLE", "RFM.SCORE", "RFM.SEGMENT"]));
  });

  it("matches the frozen signature snapshot (ids, parameters, types, result shapes)", () => {
    const signatures = functions.map((f) => ({
      id: f.id,
      name: f.name,
      parameters: f.parameters.map((p) => ({
        name: p.name,
        type: p.type,
        dimensionality: p.dimensionality ?? "scalar",
        optional: p.optional ?? false,
        repeating: p.repeating ?? false,
      })),
      result: f.result,
      options: f.options ?? {},
    }));
    expect(signatures).toMatchSnapshot();
  });

  it.each(functions.map((f) => [f.id, f] as const))("%s has Excel help: a one-line description and every parameter described", (_, f) => {
    expect(f.description).toBeDefined();
    expect(f.description).not.toMatch(/\n/);
    expect((f.description ?? "").length).toBeLessThanOrEqual(255);
    for (const p of f.parameters) {
      expect(p.description).toMatch(/\S/);
      expect(p.description).not.toMatch(/\n/);
      expect((p.description ?? "").length).toBeLessThanOrEqual(255);
    }
  });

  it("declares optional parameters after required ones (Excel passes omitted ones as null)", () => {
    for (const f of functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });
});
