import { quotaAllocate, quotaReconcile, targetPace, targetSeasonal, targetSplit, targetTiers } from "../../src/functions/targets";
import { readCsv } from "../support/fixtures";
import { column, excelError, omitted, row, withOfficeLanguage } from "../support/excel-call";

const passengers = readCsv("forecast/airpassengers.csv").map((r) => Number(r.value));
/** AirPassengers as a manager lays it out: one row per year, one column per month. */
const BLOCK = Array.from({ length: 12 }, (_, y) => passengers.slice(y * 12, y * 12 + 12));
const total = (range: number[][]) => range.flat().reduce((a, b) => a + b, 0);

describe("=SALES.TARGET.SPLIT", () => {
  it("splits down a column, across a row, and over a block, in the shape of weights", () => {
    expect(targetSplit(100, column(1, 1, 1))).toEqual([[34], [33], [33]]);
    expect(targetSplit(100, row(1, 1, 1), omitted)).toEqual([[34, 33, 33]]);
    expect(targetSplit(100_000_000, row("50%", "30%", "15%", "5%"), 10_000)).toEqual([[50_000_000, 30_000_000, 15_000_000, 5_000_000]]);
    expect(targetSplit(10, [[1, 1], [1, 2]])).toEqual([[2, 2], [2, 4]]);
  });

  it("ignores trailing blank rows of weights (B2:B20 over 3 filled cells), and of a block", () => {
    expect(targetSplit(1_000_000, column(1, 1, 1, 1, 1, 1, 1, "", null), 10_000)).toHaveLength(7);
    expect(targetSplit(10, [[1, 1], [1, 2], ["", ""]])).toEqual([[2, 2], [2, 4]]);
  });

  it("says which cell and what to fix", () => {
    expect(excelError(() => targetSplit(100, column(1, -2, 1)))).toEqual({ code: "#VALUE!", message: "weights, row 2: -2 is below the minimum of 0." });
    expect(excelError(() => targetSplit(100, row(1, "abc")))).toEqual({ code: "#VALUE!", message: 'weights, column 2: "abc" is not a number.' });
    expect(excelError(() => targetSplit(100, [[1, 1], ["", 2]]))).toEqual({ code: "#VALUE!", message: "weights, row 2, column 1: the cell is blank. Fill it in or remove the row." });
    expect(excelError(() => targetSplit(100, column(0, 0))).message).toBe("weights: every value is 0, so there is nothing to split by. Enter at least one value above 0.");
    expect(excelError(() => targetSplit(1_000_005, column(1, 1), 10_000)).message).toBe(
      "total: 1000005 is not a multiple of the unit 10000. Use 1000000 or 1010000, or a smaller unit.",
    );
    expect(excelError(() => targetSplit(100, column(1), 0)).message).toBe("unit: 0 must be greater than 0.");
  });

  it("speaks Chinese in a Chinese Office", () => {
    withOfficeLanguage("zh-CN", () => {
      expect(excelError(() => targetSplit(1_000_005, column(1, 1), 10_000)).message).toBe(
        "参数“总目标”：1000005 不是取整单位 10000 的整数倍。请改为 1000000 或 1010000，或使用更小的单位。",
      );
      expect(excelError(() => targetSplit(100, column(0, 0))).message).toBe("参数“权重”：所有数值都是 0，无法按其分配。请至少填写一个大于 0 的数值。");
    });
  });
});

describe("=SALES.TARGET.SEASONAL", () => {
  it("splits 120,000,000 at a unit of 10,000 over the months of a 12 × 12 block: one row adding up exactly", () => {
    const months = targetSeasonal(120_000_000, BLOCK, 10_000);
    expect(months).toHaveLength(1);
    expect(months[0]).toHaveLength(12);
    expect(total(months)).toBe(120_000_000);
  });

  it("gives the same months from one column of 144 values with season_length 12 (the default), as a column", () => {
    const block = targetSeasonal(120_000_000, BLOCK, 10_000)[0]!;
    expect(targetSeasonal(120_000_000, column(...passengers), 10_000, 12).map((r) => r[0])).toEqual(block);
    expect(targetSeasonal(120_000_000, column(...passengers), 10_000, omitted).map((r) => r[0])).toEqual(block);
    expect(targetSeasonal(120_000_000, row(...passengers), 10_000)).toEqual([block]);
  });

  it("leaves out an incomplete last season: this year's months not in yet", () => {
    const full = targetSeasonal(1200, BLOCK.slice(0, 2));
    const running = [...BLOCK.slice(0, 2), [150, 160, 170, "", "", "", "", "", "", "", "", ""]];
    expect(targetSeasonal(1200, running)).toEqual(full);
    expect(targetSeasonal(1200, column(...passengers.slice(0, 24), 150, 160, 170))).toEqual(full[0]!.map((v) => [v]));
  });

  it("quarters: season_length 4", () => {
    expect(targetSeasonal(1000, column(10, 20, 30, 40, 10, 20, 30, 40), 10, 4)).toEqual([[100], [200], [300], [400]]);
  });

  it("errors name the cell: a blank inside a complete season, a season adding up to 0, too short a history, a bad season_length", () => {
    const hole = [[1, 2], ["", 4], [5, 6]];
    expect(excelError(() => targetSeasonal(100, hole)).message).toBe("history, row 2, column 1: the cell is blank. Fill it in or remove the row.");
    expect(excelError(() => targetSeasonal(100, [[1, 2], [0, 0]])).message).toBe(
      "history, row 2: the season's values add up to 0, so it has no shares. Leave that season out of the history.",
    );
    expect(excelError(() => targetSeasonal(100, column(1, 2, 3))).message).toBe("history has 3 values but needs at least 12. Select a longer history.");
    expect(excelError(() => targetSeasonal(100, column(1, 2, 3, 4), 1, 1.5)).message).toBe("season_length: 1.5 must be a whole number.");
    expect(excelError(() => targetSeasonal(100, column(1, 2, 3, 4), 1, 1)).message).toBe("season_length: 1 is below the minimum of 2.");
    expect(excelError(() => targetSeasonal(100, BLOCK, 1, 4)).message).toBe("history: expected 4 columns, got 12×12 cells.");
  });
});

describe("=SALES.TARGET.TIERS", () => {
  it("returns one row: floor, standard, challenge", () => {
    expect(targetTiers(50_000_000, omitted, omitted)).toEqual([[45_000_000, 50_000_000, 60_000_000]]);
    expect(targetTiers(100, "80%", 1.5)).toEqual([[80, 100, 150]]);
  });

  it("catches a ratio typed as a percentage number", () => {
    expect(excelError(() => targetTiers(100, 90))).toEqual({ code: "#VALUE!", message: "floor_ratio: 90 is not a rate. Enter 90% or 0.9." });
    expect(excelError(() => targetTiers(100, omitted, 120)).message).toBe("challenge_ratio: 120 is not a rate. Enter 120% or 1.2.");
  });
});

describe("=SALES.QUOTA.ALLOCATE", () => {
  const history = column(3_200_000, 2_600_000, 2_100_000, 1_500_000, 0);
  const potential = column(3_000_000, 3_500_000, 2_500_000, 2_000_000, 2_000_000);
  const capacity = column(1, 1, 1, 1, "37.5%");

  it("allocates the five-rep example: 12M in 10k steps, the new hire 290k", () => {
    const quotas = quotaAllocate(12_000_000, history, potential, row(0.6, 0.4, 0), capacity, 10_000);
    expect(quotas).toEqual([[3_700_000], [3_420_000], [2_630_000], [1_960_000], [290_000]]);
  });

  it("takes one capacity for everybody, omitted arguments, and trailing blank rows", () => {
    expect(quotaAllocate(100, column(3, 1, ""), omitted, omitted, [[0.5]], omitted)).toEqual([[75], [25]]);
    expect(quotaAllocate(100, row(3, 1), row(1, 3))).toEqual([[50, 50]]);
  });

  it("errors: weights that are not three cells, a missing potential, mismatched lengths, capacity above 100%", () => {
    expect(excelError(() => quotaAllocate(100, column(1, 2), omitted, row(1, 0))).message).toBe("weights: expected 3 columns, got 1×2 cells.");
    expect(excelError(() => quotaAllocate(100, column(1, 2), omitted, row(0.5, 0.5, 0))).message).toBe(
      "potential is needed because weights gives it a weight above 0. Select it, or make that weight 0.",
    );
    expect(excelError(() => quotaAllocate(100, column(1, 2, 3), column(1, 2))).message).toBe(
      "potential has 2 cells but history has 3. Select ranges of the same size.",
    );
    expect(excelError(() => quotaAllocate(100, column(1, 2), omitted, omitted, column(1, 2))).message).toBe("capacity, row 2: 2 is not a rate. Enter 2% or 0.02.");
  });
});

describe("=SALES.QUOTA.RECONCILE", () => {
  it("keeps commitments and spreads the gap, shaped like commitments", () => {
    expect(quotaReconcile(12_000_000, column(4_000_000, 3_500_000, 2_500_000), column(5, 3, 2), 10_000)).toEqual([[5_000_000], [4_100_000], [2_900_000]]);
    expect(quotaReconcile(90, row(40, 40, 20), row(1, 1, 1))).toEqual([[36, 37, 17]]);
  });

  it("names the gap when it is not a multiple of the unit", () => {
    expect(excelError(() => quotaReconcile(100, column(33, 33), column(1, 1), 10)).message).toBe(
      "total − SUM(commitments): 34 is not a multiple of the unit 10. Use 30 or 40, or a smaller unit.",
    );
  });
});

describe("=SALES.TARGET.PACE", () => {
  it("96,000 after 12 of 30 days against 260,000: one row of five values", () => {
    const [[expected, pace, projection, remaining, required]] = targetPace(260_000, 96_000, 12 / 30) as number[][] as [number[]];
    expect([expected, projection, remaining]).toEqual([104_000, 240_000, 164_000]);
    expect(pace).toBeCloseTo(0.923077, 6);
    expect(required).toBeCloseTo(1.051282, 6);
  });

  it("paces by a plan given as a column of monthly amounts", () => {
    const [[, pace]] = targetPace(1200, 300, 3, column(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, "")) as number[][] as [number[]];
    expect(pace).toBe(1);
  });

  it("shows #DIV/0! in the cells whose ratio has no base, and numbers in the others", () => {
    const result = targetPace(100, 90, 1) as unknown[][];
    expect(result[0]!.slice(0, 4)).toEqual([100, 0.9, 90, 10]);
    expect(result[0]![4]).toBeInstanceOf(CustomFunctions.Error);
    expect((result[0]![4] as CustomFunctions.Error).code).toBe("#DIV/0!");
  });

  it("errors: elapsed as a percentage number, plan shares not adding up to 100%", () => {
    expect(excelError(() => targetPace(100, 10, 40)).message).toBe("elapsed: 40 is not a rate. Enter 40% or 0.4.");
    expect(excelError(() => targetPace(100, 10, 1, column("30%", "30%", "30%"))).message).toBe(
      "plan: the shares add up to 90%, not 100%. Correct them, or enter planned amounts instead of shares.",
    );
    expect(excelError(() => targetPace(100, 10, 4, column(0.5, 0.5))).message).toBe("elapsed: 4 is above the maximum of 2.");
  });
});
