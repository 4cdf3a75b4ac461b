import fc from "fast-check";
import * as commission from "../../src/functions/commission";
import * as funnel from "../../src/functions/funnel";
import * as kpi from "../../src/functions/kpi";
import { checkShown, type Adapter } from "../support/cell-checks";

/**
 * Whatever Excel hands the funnel, KPI and commission functions, a cell only ever gets finite numbers or a
 * CustomFunctions.Error — never NaN, Infinity, undefined, an uncaught exception or the "Unexpected
 * problem" message that marks a bug.
 */

const number = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0 and subnormals
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.integer({ min: -1000, max: 1_000_000 }),
);
const cell = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "40%", "1,234.5", "abc", "TRUE", "false", "¥1,200", "1e3", "-0.5") },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, { code: "#N/A" }) },
);
/** A rectangular range, as Excel passes one: 1–6 rows × 1–3 columns (lists mostly one column or row). */
const range = fc.oneof(
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.map((c) => [c])),
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => [cells]),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })),
);
const scalar = fc.oneof({ weight: 4, arbitrary: number }, { weight: 1, arbitrary: cell });
const optional = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof(fc.constant(null), arbitrary);

const CASES: [string, Adapter, fc.Arbitrary<unknown[]>][] = [
  ["FUNNEL.TARGET", funnel.funnelTarget, fc.tuple(scalar, range)],
  ["FUNNEL.PLAN", funnel.funnelPlan, fc.tuple(scalar, range)],
  ["FUNNEL.STAGES", funnel.funnelStages, fc.tuple(scalar, range)],
  ["FUNNEL.LEVERS", funnel.funnelLevers, fc.tuple(scalar, range, range)],
  ["FUNNEL.PYRAMID", funnel.funnelPyramid, fc.tuple(scalar, scalar, range, optional(scalar))],
  ["KPI.CONVERSION", kpi.kpiConversion, fc.tuple(scalar, scalar)],
  ["KPI.AOV", kpi.kpiAov, fc.tuple(scalar, scalar)],
  ["KPI.MARGIN", kpi.kpiMargin, fc.tuple(scalar, scalar)],
  ["KPI.ROI", kpi.kpiRoi, fc.tuple(scalar, scalar)],
  ["KPI.ROAS", kpi.kpiRoas, fc.tuple(scalar, scalar)],
  ["KPI.CAC", kpi.kpiCac, fc.tuple(scalar, scalar)],
  ["KPI.REPURCHASE", kpi.kpiRepurchase, fc.tuple(scalar, scalar)],
  ["KPI.CHURN", kpi.kpiChurn, fc.tuple(scalar, scalar)],
  ["KPI.COLLECTION", kpi.kpiCollection, fc.tuple(scalar, scalar)],
  ["KPI.CLV", kpi.kpiClv, fc.tuple(scalar, scalar, optional(scalar))],
  ["KPI.SCORE", kpi.kpiScore, fc.tuple(range, range, range, optional(scalar), optional(range))],
  ["COMMISSION.TIERED", commission.commissionTiered, fc.tuple(scalar, range, optional(fc.constantFrom("marginal", "flat", "FLAT", "other", "")))],
];

// Inputs every check accepts, at the extremes of double precision: overflow and underflow must end as
// #NUM! or as finite numbers, never as Infinity or NaN in a cell.
const positive = fc.oneof(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }));
const rate = fc.oneof(fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const rates = fc.array(rate, { minLength: 1, maxLength: 8 });
const asColumn = (values: unknown[]) => values.map((v) => [v]);
const tiers = fc
  .array(fc.tuple(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 })
  .map((steps) => {
    let bound = 0;
    return steps.map(([gap, r]) => {
      const row = [bound, r];
      bound += gap;
      return row;
    });
  })
  .filter((rows) => rows.every((r, i) => i === 0 || (r[0] as number) > (rows[i - 1]![0] as number)));
const scorecard = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(
    fc.array(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), { minLength: n, maxLength: n }).map(asColumn),
    fc.array(positive, { minLength: n, maxLength: n }).map(asColumn),
    fc.array(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), { minLength: n, maxLength: n }).map(asColumn),
    optional(fc.double({ min: 1, max: 10, noNaN: true })),
    optional(fc.array(fc.boolean(), { minLength: n, maxLength: n }).map(asColumn)),
  ),
);
const VALID_CASES: [string, Adapter, fc.Arbitrary<unknown[]>][] = [
  ["FUNNEL.TARGET", funnel.funnelTarget, fc.tuple(positive, rates.map(asColumn))],
  ["FUNNEL.PLAN", funnel.funnelPlan, fc.tuple(positive, rates.map(asColumn))],
  ["FUNNEL.STAGES", funnel.funnelStages, fc.tuple(positive, rates.map(asColumn))],
  [
    "FUNNEL.LEVERS",
    funnel.funnelLevers,
    fc.tuple(positive, rates).chain(([top, now]) =>
      fc.tuple(
        fc.constant(top),
        fc.constant(asColumn(now)),
        fc.tuple(positive, fc.array(rate, { minLength: now.length, maxLength: now.length })).map(([better, r]) => asColumn([better, ...r])),
      ),
    ),
  ],
  ["FUNNEL.PYRAMID", funnel.funnelPyramid, fc.tuple(positive, positive, fc.oneof(rate.map((r) => [[r]]), rates.map(asColumn)), fc.constant(null))],
  ["KPI.CONVERSION", kpi.kpiConversion, fc.tuple(positive, positive).map(([a, b]) => [Math.min(a, b), Math.max(a, b)])],
  ["KPI.AOV", kpi.kpiAov, fc.tuple(positive, positive)],
  ["KPI.MARGIN", kpi.kpiMargin, fc.tuple(finite, positive)],
  ["KPI.ROI", kpi.kpiRoi, fc.tuple(positive, positive)],
  ["KPI.CLV", kpi.kpiClv, fc.tuple(finite, fc.double({ min: 0, max: 1, noNaN: true }), optional(fc.double({ min: 0, max: 1, noNaN: true })))],
  ["KPI.SCORE", kpi.kpiScore, scorecard],
  ["COMMISSION.TIERED", commission.commissionTiered, fc.tuple(finite, tiers, optional(fc.constantFrom("marginal", "flat")))],
];

describe("no NaN, Infinity or undefined ever reaches a cell", () => {
  it.each(CASES)("%s: arbitrary input gives finite numbers or a CustomFunctions.Error", (_, adapter, args) => {
    fc.assert(fc.property(args, (values) => checkShown(adapter, values, { thrown: ["#VALUE!", "#DIV/0!", "#NUM!"] })), { numRuns: 400 });
  });

  it.each(VALID_CASES)("%s: valid input at the extremes of double precision gives finite numbers or #NUM!", (_, adapter, args) => {
    // #DIV/0! only where a KPI scorecard's weights are all 0 or underflow.
    fc.assert(fc.property(args, (values) => checkShown(adapter, values, { thrown: ["#NUM!", "#DIV/0!"] })), { numRuns: 400 });
  });
});
