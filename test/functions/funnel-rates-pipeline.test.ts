import { funnelPlan, funnelRates, funnelTarget, pipelineWeighted } from "../../src/functions/funnel";
import { column, excelError, row, withOfficeLanguage } from "../support/excel-call";

/** What a cell of an array result shows: its number, or its error code and message. */
const shown = (value: unknown): unknown =>
  value instanceof CustomFunctions.Error ? { code: value.code, message: value.message === "" ? undefined : value.message } : value;
const cells = (result: unknown[][]): unknown[][] => result.map((cells) => cells.map(shown));

describe("=SALES.FUNNEL.RATES", () => {
  it("reads {2000;800;400;100} as {0.4;0.5;0.25} down a column, and across a row for a row", () => {
    expect(funnelRates(column(2000, 800, 400, 100))).toEqual([[0.4], [0.5], [0.25]]);
    expect(funnelRates(row(2000, 800, 400, 100))).toEqual([[0.4, 0.5, 0.25]]);
  });

  it("feeds FUNNEL.TARGET and FUNNEL.PLAN as a spill would: back to 2000 visitors and the observed counts", () => {
    const rates = funnelRates(column(2000, 800, 400, 100));
    expect(funnelTarget(100, rates)).toBe(2000);
    expect(funnelPlan(100, rates)).toEqual([[2000], [800], [400], [100]]);
    const third = funnelRates(row(3000, 1000, 400, 100));
    expect(funnelTarget(100, third)).toBe(3000);
    expect(funnelPlan(100, third)).toEqual([[3000, 1000, 400, 100]]);
  });

  it("reads counts written as text (2,000, １２００, 1.2万) and ignores trailing blank cells", () => {
    expect(funnelRates(column("2,000", "800", 400, 100, "", null))).toEqual([[0.4], [0.5], [0.25]]);
    expect(funnelRates(column("1.2万", "１２００"))).toEqual([[0.1]]);
  });

  it("shows #DIV/0! in the cell of a step below a stage of 0, and the rates above it", () => {
    expect(cells(funnelRates(column(2000, 800, 0, 0)))).toEqual([[0.4], [0], [{ code: "#DIV/0!", message: undefined }]]);
    expect(cells(funnelRates(row(0, 0)))).toEqual([[{ code: "#DIV/0!", message: undefined }]]);
  });

  it.each([
    [
      "a count above the stage before it",
      () => funnelRates(column(2000, 800, 900, 100)),
      "counts, row 3: 900 is more than the stage above it (800). Enter the counts top stage first, each counting the people who reached that stage.",
    ],
    [
      "counts given bottom stage first, in a row",
      () => funnelRates(row(100, 400, 800, 2000)),
      "counts, column 2: 400 is more than the stage above it (100). Enter the counts top stage first, each counting the people who reached that stage.",
    ],
    ["a negative count", () => funnelRates(column(2000, -800)), "counts, row 2: -800 is below the minimum of 0."],
    ["one stage only", () => funnelRates(column(2000, "", null)), "counts has one stage only; a conversion rate needs two (a stage and the one below it). Select the counts of every stage."],
    ["no count at all", () => funnelRates(column("", null)), "counts is empty. Select the cells that hold the data."],
    ["the header selected", () => funnelRates(column("人数", 2000, 800)), 'counts, row 1: "人数" looks like a header. Start the range one row lower.'],
    ["a blank stage inside", () => funnelRates(column(2000, "", 400)), "counts, row 2: the cell is blank. Fill it in or remove the row."],
    ["a count that is text", () => funnelRates(column(2000, "800人")), 'counts, row 2: "800人" is not a number.'],
    ["a block of counts", () => funnelRates([[2000, 800], [400, 100]]), "counts: select one row or one column, not 2×2 cells."],
  ])("%s: #VALUE! with a message naming the stage", (_, call, message) => {
    expect(excelError(call)).toEqual({ code: "#VALUE!", message });
  });

  it("speaks Chinese in a Chinese Office", () => {
    withOfficeLanguage("zh-CN", () => {
      expect(excelError(() => funnelRates(column(2000, 800, 900))).message).toBe(
        "参数“各环节人数”第 3 行：900 大于上一环节的人数（800）。请自上而下填写各环节人数，每个环节只计到达该环节的人数。",
      );
      expect(excelError(() => funnelRates(column(2000))).message).toBe(
        "参数“各环节人数”只有 1 个环节，计算转化率至少需要 2 个（一个环节及其下一环节）。请选择每个环节的人数。",
      );
    });
  });
});

/** The worked case: five 商机阶段 with their 赢率 (header row included), six opportunities in 万. */
const STAGE_TABLE = [
  ["商机阶段", "赢率"],
  ["初步接洽", "10%"],
  ["需求确认", 0.3],
  ["方案报价", "60%"],
  ["谈判", 0.8],
  ["赢单", 1],
];
const AMOUNTS = column("50万", "12万", "80万", "3.5万", "120万", "20万");
const STAGES = column("谈判", "方案报价", "初步接洽", "需求确认", "需求确认", "赢单");

describe("=SALES.PIPELINE.WEIGHTED", () => {
  it("weights six opportunities by the win probability of their stage (amounts in 万 text, a header row in the table)", () => {
    expect(pipelineWeighted(AMOUNTS, STAGES, STAGE_TABLE)).toEqual([[400_000], [72_000], [80_000], [10_500], [360_000], [200_000]]);
  });

  it("is shaped like amounts, takes the table without its header, and ignores trailing blank rows everywhere", () => {
    const table = [...STAGE_TABLE.slice(1), ["", null], [null, null]];
    expect(pipelineWeighted(row(500_000, "¥120,000"), row("谈判", "方案报价"), table)).toEqual([[400_000, 72_000]]);
    expect(pipelineWeighted(column(500_000, 120_000, null), column("谈判", "方案报价", ""), table)).toEqual([[400_000], [72_000]]);
  });

  it("matches stage names whatever their case, width and spaces", () => {
    const table = [
      ["Needs analysis", 0.2],
      ["Closed Won", 1],
      ["方案报价", 0.6],
    ];
    const result = pipelineWeighted(column(100, 100, 100, 100), column(" needs  ANALYSIS", "ｃｌｏｓｅｄ ｗｏｎ", "\u3000方案报价\u3000", "CLOSED WON"), table);
    expect(result).toEqual([[20], [100], [60], [100]]);
  });

  it("shows #N/A in the row of a stage the table does not list, with the row and the stage, and weights the others", () => {
    const result = pipelineWeighted(column("50万", "12万", "20万"), column("谈判", "签约中", "赢单"), STAGE_TABLE);
    expect(cells(result)).toEqual([
      [400_000],
      [{ code: "#N/A", message: 'stages, row 2: "签约中" is not a stage in stage_table. Add it to stage_table or correct the name.' }],
      [200_000],
    ]);
    withOfficeLanguage("zh-CN", () => {
      const zh = pipelineWeighted(row(100, 200), row("谈判", "签约中"), STAGE_TABLE);
      expect(shown(zh[0]![1])).toEqual({ code: "#N/A", message: "参数“商机阶段”第 2 列：“签约中”不在“阶段赢率表”中。请将其加入“阶段赢率表”，或改正阶段名称。" });
    });
  });

  it.each([
    [
      "a probability typed as 60",
      () => pipelineWeighted(column(100), column("a"), [["a", 0.5], ["b", 60]]),
      "stage_table, row 2, column 2: 60 is not a rate. Enter 60% or 0.6.",
    ],
    [
      "a probability typed as 60 under a header",
      () => pipelineWeighted(column(100), column("a"), [["stage", "win probability"], ["a", 60]]),
      "stage_table, row 2, column 2: 60 is not a rate. Enter 60% or 0.6.",
    ],
    ["a negative probability", () => pipelineWeighted(column(100), column("a"), [["a", -0.1]]), "stage_table, row 1, column 2: -0.1 is below the minimum of 0."],
    ["a probability of 150%", () => pipelineWeighted(column(100), column("a"), [["a", "150%"]]), "stage_table, row 1, column 2: 1.5 is not a rate. Enter 1.5% or 0.015."],
    ["a probability above 100", () => pipelineWeighted(column(100), column("a"), [["a", 250]]), "stage_table, row 1, column 2: 250 is above the maximum of 1."],
    [
      "a stage listed twice with different probabilities",
      () => pipelineWeighted(column(100), column("谈判"), [...STAGE_TABLE, ["谈判 ", 0.7]]),
      'stage_table, row 7: "谈判" is listed again with 0.7, but row 5 gives it 0.8. Keep one row per stage.',
    ],
    ["a stage table of three columns", () => pipelineWeighted(column(100), column("a"), [["a", 0.5, 1]]), "stage_table: expected 2 columns, got 1×3 cells."],
    ["a stage table of one column", () => pipelineWeighted(column(100), column("a"), column("a", "b")), "stage_table: expected 2 columns, got 2×1 cells."],
    ["a stage table of blanks", () => pipelineWeighted(column(100), column("a"), [["", null]]), "stage_table is empty. Select the cells that hold the data."],
    ["a probability that is text", () => pipelineWeighted(column(100), column("a"), [["a", 0.5], ["b", "high"]]), 'stage_table, row 2, column 2: "high" is not a number.'],
    ["a stage without a name in the table", () => pipelineWeighted(column(100), column("a"), [["a", 0.5], [null, 0.2]]), "stage_table, row 2, column 1: the cell is blank. Fill it in or remove the row."],
    ["a negative amount", () => pipelineWeighted(column(100, -5), column("谈判", "谈判"), STAGE_TABLE), "amounts, row 2: -5 is below the minimum of 0."],
    ["an amount that is text", () => pipelineWeighted(column(100, "五万"), column("谈判", "谈判"), STAGE_TABLE), 'amounts, row 2: "五万" is not a number.'],
    ["an opportunity without a stage", () => pipelineWeighted(column(100, 200), column("谈判", ""), STAGE_TABLE), "stages, row 2: the cell is blank. Fill it in or remove the row."],
    ["a stage without its amount", () => pipelineWeighted(column(100), column("谈判", "赢单"), STAGE_TABLE), "amounts has 1 cell but stages has 2. Select ranges of the same size."],
    ["an error value among the stages", () => pipelineWeighted(column(100), column(new CustomFunctions.Error("#N/A" as CustomFunctions.ErrorCode)), STAGE_TABLE), "stages, row 1: the cell holds #N/A. Fix that cell first."],
  ])("%s: #VALUE! naming the row", (_, call, message) => {
    expect(excelError(call)).toEqual({ code: "#VALUE!", message });
  });

  it("speaks Chinese in a Chinese Office", () => {
    withOfficeLanguage("zh-CN", () => {
      expect(excelError(() => pipelineWeighted(column(100), column("a"), [["a", 60]])).message).toBe("参数“阶段赢率表”第 1 行第 2 列：60 不是比率。请输入 60% 或 0.6。");
      expect(excelError(() => pipelineWeighted(column(100), column("谈判"), [...STAGE_TABLE, ["谈判", 0.7]])).message).toBe(
        "参数“阶段赢率表”第 7 行：“谈判”再次出现，赢率为 0.7，而第 5 行为 0.8。每个阶段只保留一行。",
      );
      expect(excelError(() => pipelineWeighted(column(-1), column("谈判"), STAGE_TABLE)).message).toBe("参数“金额”第 1 行：-1 小于最小值 0。");
    });
  });
});
