import fc from "fast-check";
import { CoreError } from "../../src/core/shared/errors";
import * as targetsCore from "../../src/core/targets";
import { targetGrid } from "../../src/functions/targets";

// The core's targetGrid, counted (it still computes): the adapter must not recompute for the same arguments.
jest.mock("../../src/core/targets", () => {
  const actual = jest.requireActual<typeof import("../../src/core/targets")>("../../src/core/targets");
  return { ...actual, targetGrid: jest.fn(actual.targetGrid) };
});
import { describe as describeError } from "../../src/functions/shared/edge";
import { checkShown } from "../support/cell-checks";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
/** Five reps' quotas down B2:B6 and twelve months across C1:N1, as the formula test lays them out. */
const QUOTAS = column(3_700_000, 3_420_000, 2_630_000, 1_960_000, 290_000);
const MONTHS = row(...[6, 5, 8, 8, 9, 10, 7, 7, 8, 9, 11, 12].map((p) => p * 120_000));

describe("=SALES.TARGET.GRID", () => {
  it("returns one row per row total and one column per column total, adding up both ways", () => {
    const plan = targetGrid(QUOTAS, MONTHS, omitted, 10_000);
    expect(plan).toHaveLength(5);
    for (const line of plan) expect(line).toHaveLength(12);
    expect(plan.map(sum)).toEqual(QUOTAS.flat());
    expect(MONTHS[0]!.map((_, j) => sum(plan.map((line) => line[j]!)))).toEqual(MONTHS[0]);
    expect(plan.flat().every((x) => x % 10_000 === 0)).toBe(true);
  });

  it("takes the totals down a column or across a row, ignores trailing blanks, and reads totals as text", () => {
    const plan = targetGrid(column(60, 40, null, ""), row(50, 30, 20, null), omitted, omitted);
    expect(plan).toEqual([
      [30, 18, 12],
      [20, 12, 8],
    ]);
    expect(targetGrid(row(60, 40), column(50, 30, 20), omitted, omitted)).toEqual(plan);
    expect(targetGrid(column("1.2万", "¥8,000"), row("10,000", "1万"), omitted, 1000)).toEqual([
      [6000, 6000],
      [4000, 4000],
    ]);
  });

  it("reads weights as a block of exactly rows × columns, trailing blank rows and columns left out", () => {
    const weights = [
      [1, 1, 1, 1, null],
      [0, 1, 1, 1, ""],
      [null, null, null, null, null],
    ];
    const plan = targetGrid(column(400, 300), row(150, 200, 200, 150), weights, omitted);
    expect(plan[1]![0]).toBe(0);
    expect(plan.map(sum)).toEqual([400, 300]);
  });

  it("computes a plan once for the same arguments (one INDEX per cell calls it rows × columns times), again when one changes", () => {
    const core = targetsCore.targetGrid as jest.Mock;
    targetGrid(column(1), row(1), omitted, omitted); // whatever an earlier test left remembered is gone
    core.mockClear();
    const first = targetGrid(QUOTAS, MONTHS, omitted, 10_000);
    for (let k = 0; k < 59; k++) expect(targetGrid(QUOTAS, MONTHS, omitted, 10_000)).toEqual(first);
    expect(core).toHaveBeenCalledTimes(1);
    // Each call hands Excel its own rows.
    targetGrid(QUOTAS, MONTHS, omitted, 10_000)[0]![0] = -1;
    expect(targetGrid(QUOTAS, MONTHS, omitted, 10_000)).toEqual(first);
    const weights = QUOTAS.map(() => MONTHS[0]!.map(() => 1));
    weights[0]![0] = 2;
    expect(targetGrid(QUOTAS, MONTHS, weights, 10_000)).not.toEqual(first);
    expect(targetGrid(QUOTAS, MONTHS, omitted, 1_000)).toEqual(targetGrid(QUOTAS, MONTHS, omitted, 1_000));
    expect(core).toHaveBeenCalledTimes(3);
  });

  it("plans one total as the column totals themselves", () => {
    expect(targetGrid([[100]], row(30, 70), omitted, omitted)).toEqual([[30, 70]]);
  });

  const cases: [string, () => unknown, string, string][] = [
    [
      "a negative total",
      () => targetGrid(column(100, -50), row(50), omitted, omitted),
      "row_totals, row 2: -50 is below the minimum of 0.",
      "参数“行合计”第 2 行：-50 小于最小值 0。",
    ],
    [
      "a total that is not a multiple of the unit (TARGET.SPLIT's message)",
      () => targetGrid(column(1_000_000, 1_000_000), row(1_000_000, 995_000, 5_000), omitted, 10_000),
      "column_totals, column 2: 995000 is not a multiple of the unit 10000. Use 990000 or 1000000, or a smaller unit.",
      "参数“列合计”第 2 列：995000 不是取整单位 10000 的整数倍。请改为 990000 或 1000000，或使用更小的单位。",
    ],
    [
      "margins whose grand totals differ",
      () => targetGrid(column(600, 400), row(500, 400), omitted, omitted),
      "row_totals: the totals add up to 1000 but column_totals add up to 900. Both must add up to the same grand total.",
      "参数“行合计”合计为 1000，而“列合计”合计为 900。两者的总和必须相同。",
    ],
    [
      "weights of the wrong shape",
      () => targetGrid(column(1, 1), row(1, 1), [[1, 1, 1]], omitted),
      "weights: expected 2 rows and 2 columns, got 1×3 cells.",
      "参数“权重”：应为 2 行2 列，实际为 1×3 个单元格。",
    ],
    [
      "a negative weight",
      () => targetGrid(column(1, 1), row(1, 1), [[1, 1], [1, -1]], omitted),
      "weights, row 2, column 2: -1 is below the minimum of 0.",
      "参数“权重”第 2 行第 2 列：-1 小于最小值 0。",
    ],
    [
      "a blank weight inside the block",
      () => targetGrid(column(1, 1), row(1, 1), [[1, null], [1, 1]], omitted),
      "weights, row 1, column 2: the cell is blank. Fill it in or remove the row.",
      "参数“权重”第 1 行第 2 列：单元格为空。请填写，或删除该行。",
    ],
    [
      "weights all 0",
      () => targetGrid(column(1), row(1), [[0]], omitted),
      "weights: every value is 0, so there is nothing to split by. Enter at least one value above 0.",
      "参数“权重”：所有数值都是 0，无法按其分配。请至少填写一个大于 0 的数值。",
    ],
    [
      "a rep with a quota but no weight in any month with a total",
      () => targetGrid(column(500, 290), row(400, 390), [[1, 1], [0, 0]], omitted),
      "row_totals, row 2: 290 cannot be planned: its weights are 0 in every column whose total is above 0. Give it a weight above 0 there, or change the totals.",
      "参数“行合计”第 2 行：290 无法分配：在合计大于 0 的各列中，其权重都是 0。请在这些列给出大于 0 的权重，或修改合计。",
    ],
    [
      "a month that the reps with weights in it cannot fill",
      () => targetGrid(column(100, 500, 500), row(300, 300, 500), [[1, 1, 1], [1, 1, 0], [1, 1, 0]], omitted),
      "column_totals, column 3: 500 cannot be planned: the rows where its weights are above 0 add up to only 100. Give it a weight above 0 in another row, or change the totals.",
      "参数“列合计”第 3 列：500 无法分配：其权重大于 0 的各行合计只有 100。请在其他行给出大于 0 的权重，或修改合计。",
    ],
    [
      "two reps who together need more than the one month they sell in",
      () => targetGrid(column(300, 300, 100, 100, 100), row(500, 200, 200), [[1, 0, 0], [1, 0, 0], [1, 1, 1], [1, 1, 1], [1, 1, 1]], omitted),
      "row_totals, rows 1, 2: together 600 cannot be planned: the columns where their weights are above 0 add up to only 500. Give them a weight above 0 in another column, or change the totals.",
      "参数“行合计”第 1、2 行：合计 600 无法分配：这些行的权重大于 0 的各列合计只有 500。请在其他列给出大于 0 的权重，或修改合计。",
    ],
    [
      "a plan too large to compute quickly",
      () => targetGrid(column(...new Array<number>(20_000).fill(0)), row(...new Array<number>(12).fill(0)), omitted, omitted),
      "row_totals: a plan of 20000×12 is more than can be computed quickly: with 12 columns, at most 16666 rows. Plan fewer rows or columns at a time.",
      "参数“行合计”：20000×12 的计划过大，无法快速计算：12 列时最多 16666 行。请一次规划更少的行或列。",
    ],
    [
      "a plan too wide to compute quickly",
      () => targetGrid(column(...new Array<number>(52).fill(0)), row(...new Array<number>(500).fill(0)), omitted, omitted),
      "column_totals: a plan of 52×500 is more than can be computed quickly: with 52 rows, at most 477 columns. Plan fewer rows or columns at a time.",
      "参数“列合计”：52×500 的计划过大，无法快速计算：52 行时最多 477 列。请一次规划更少的行或列。",
    ],
    [
      "totals of more units than can be planned to the last unit",
      () => targetGrid(column(2e10), row(2e10), omitted, 0.01),
      "row_totals: the totals add up to 20000000000, more than the 10995116277.76 that can be planned to the last unit of 0.01. Use a larger unit.",
      "参数“行合计”：合计 20000000000 超过按取整单位 0.01 能精确规划的最大值 10995116277.76。请使用更大的取整单位。",
    ],
    ["a unit of 0", () => targetGrid(column(1), row(1), omitted, 0), "unit: 0 must be greater than 0.", "参数“取整单位”：0 必须大于 0。"],
    [
      "a block of totals",
      () => targetGrid([[1, 2], [3, 4]], row(10), omitted, omitted),
      "row_totals: select one row or one column, not 2×2 cells.",
      "参数“行合计”：请选择一行或一列，而不是 2×2 个单元格。",
    ],
    ["no totals", () => targetGrid(column(null, null), row(1), omitted, omitted), "row_totals is empty. Select the cells that hold the data.", "参数“行合计”为空。请选择包含数据的单元格。"],
    [
      "text in a total",
      () => targetGrid(column(100), row(50, "abc"), omitted, omitted),
      'column_totals, column 2: "abc" is not a number.',
      "参数“列合计”第 2 列：“abc”不是数字。",
    ],
  ];

  it.each(cases)("%s: #VALUE! with a message in English and Chinese", (_, call, en, zh) => {
    expect(withOfficeLanguage("en-US", () => excelError(call))).toEqual({ code: "#VALUE!", message: en });
    expect(withOfficeLanguage("zh-CN", () => excelError(call))).toEqual({ code: "#VALUE!", message: zh });
  });

  it("words a fit that has not converged (the core refuses to round it) in both languages", () => {
    // No input found reaches it within the limits (Newton's method finishes what IPF leaves); the core's
    // test forces it with tighter limits.
    const error = new CoreError("GRID_NOT_CONVERGED", { arg: "weights" });
    expect(describeError(error, "en")).toBe(
      "weights: the plan could not be fitted to both totals closely enough to round it (weights and totals that only just fit together). Change the weights or the totals a little.",
    );
    expect(describeError(error, "zh")).toBe("参数“权重”：无法将计划足够精确地同时拟合到行合计与列合计以便取整（权重与合计几乎无法相容）。请稍微调整权重或合计。");
  });
});

describe("whatever Excel hands TARGET.GRID", () => {
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.oneof(fc.double(), fc.integer({ min: -10, max: 1000 }), fc.constantFrom(0, 5e-324, 1e308, -0)) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "40%", "1,234", "abc", "1.2万", "TRUE") },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, { code: "#N/A" }) },
  );
  const block = (rows: number, columns: number) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows });
  const list = fc.oneof(
    fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.map((c) => [c])),
    fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => [cells]),
  );

  it("shows finite numbers or #VALUE! with a message, never NaN, Infinity or an unexpected problem", () => {
    const args = fc.tuple(list, list, fc.option(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 })).chain(([r, c]) => block(r, c)), { nil: null }), fc.option(cell, { nil: null }));
    fc.assert(fc.property(args, (values) => checkShown(targetGrid, values, { thrown: ["#VALUE!"], array: true })), { numRuns: 500 });
  });

  it("adds up both ways whatever the weights' magnitudes, from 5e-324 to 1e308", () => {
    const args = fc
      .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 6 }) })
      .chain(({ rows, columns }) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: rows * columns, maxLength: rows * columns }),
          fc.array(fc.oneof(fc.double({ min: 5e-324, max: 1e308, noNaN: true }), fc.constantFrom(5e-324, 1e308, 1)), { minLength: rows * columns, maxLength: rows * columns }),
          fc.constant(columns),
        ),
      );
    fc.assert(
      fc.property(args, ([units, weights, columns]) => {
        const lines = (values: number[]) => Array.from({ length: values.length / columns }, (_, i) => values.slice(i * columns, (i + 1) * columns));
        const rowTotals = lines(units).map(sum);
        const columnTotals = lines(units)[0]!.map((_, j) => sum(lines(units).map((line) => line[j]!)));
        const plan = targetGrid(rowTotals.map((t) => [t]), [columnTotals], lines(weights), omitted);
        expect(plan.map(sum)).toEqual(rowTotals);
        expect(columnTotals.map((_, j) => sum(plan.map((line) => line[j]!)))).toEqual(columnTotals);
      }),
      { numRuns: 300 },
    );
  });
});
