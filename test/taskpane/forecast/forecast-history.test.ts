import { serialFromYmd } from "../../../src/core/shared/excel-date";
import type { CellValue } from "../../../src/excel/gateway";
import { initialDecompose } from "../../../src/taskpane/features/decompose/decompose-draft";
import { decomposeWithShape, shapePeriods, smartWithBaseline } from "../../../src/taskpane/features/forecast/forecast-handoff";
import { normalizePeriods, periodLabel, readHistory, readPeriod } from "../../../src/taskpane/features/forecast/forecast-history";
import { EMPTY_DRAFT } from "../../../src/taskpane/features/smart/smart-schema";

const unnamed = (n: number) => `Series ${n}`;
const read = (address: string, values: CellValue[][]) => readHistory({ address, values }, unnamed);

describe("periods", () => {
  it.each([
    ["2024年3月", { kind: "month", index: 2024 * 12 + 2 }],
    ["2024-03", { kind: "month", index: 2024 * 12 + 2 }],
    ["２０２４年３月", { kind: "month", index: 2024 * 12 + 2 }],
    ["2024年3月1日", { kind: "month", index: 2024 * 12 + 2 }],
    ["2024/3/15", { kind: "month", index: 2024 * 12 + 2 }],
    ["2024年第2季度", { kind: "quarter", index: 2024 * 4 + 1 }],
    ["2024年二季度", { kind: "quarter", index: 2024 * 4 + 1 }],
    ["2024Q2", { kind: "quarter", index: 2024 * 4 + 1 }],
    ["2024 Q2", { kind: "quarter", index: 2024 * 4 + 1 }],
    [serialFromYmd(2024, 3, 31)!, { kind: "month", index: 2024 * 12 + 2 }],
  ] as const)("%s is read as a period", (cell, period) => {
    expect(readPeriod(cell)).toEqual(period);
  });

  it.each(["North", "2024年13月", "", 1200, 12.5])("%s is not a period", (cell) => {
    expect(readPeriod(cell)).toBeUndefined();
  });

  it("consecutive months give 12, quarters 4, dates three months apart 4, anything else none", () => {
    const months = [0, 1, 2].map((k) => ({ kind: "month" as const, index: 24_000 + k }));
    expect(normalizePeriods(months).season).toBe(12);
    expect(normalizePeriods([0, 1].map((k) => ({ kind: "quarter" as const, index: 8000 + k }))).season).toBe(4);
    const quarterly = normalizePeriods([0, 3, 6].map((k) => ({ kind: "month" as const, index: 24_000 + k })));
    expect(quarterly.season).toBe(4);
    expect(quarterly.periods[1]).toEqual({ kind: "quarter", index: 8001 });
    expect(normalizePeriods([months[0], months[2]]).season).toBeUndefined();
    expect(normalizePeriods([months[0], undefined]).season).toBeUndefined();
  });

  it("labels periods in the pane's language", () => {
    expect(periodLabel({ kind: "month", index: 2025 * 12 }, "zh")).toBe("2025年1月");
    expect(periodLabel({ kind: "month", index: 2025 * 12 + 9 }, "en")).toBe("2025-10");
    expect(periodLabel({ kind: "quarter", index: 2025 * 4 + 3 }, "zh")).toBe("2025年第4季度");
    expect(periodLabel({ kind: "quarter", index: 2025 * 4 }, "en")).toBe("2025 Q1");
  });
});

describe("readHistory", () => {
  it("reads series in columns under a header, periods on the left, Chinese amounts as the functions read them", () => {
    const history = read("Sheet1!A1:C5", [
      ["月份", "华北", "华东"],
      ["2024年1月", "1.2万", 300],
      ["2024年2月", "¥13,000", 310],
      ["2024年3月", 12500, "３２０"],
      ["2024年4月", 12800, 330],
    ]);
    expect(history).toMatchObject({ ok: true, detectedSeason: 12, labels: ["2024年1月", "2024年2月", "2024年3月", "2024年4月"] });
    if (!history.ok) return;
    expect(history.series).toEqual([
      { name: "华北", values: [12000, 13000, 12500, 12800] },
      { name: "华东", values: [300, 310, 320, 330] },
    ]);
  });

  it("takes a first column of Excel dates a month apart as periods, but a first column of sales as a series", () => {
    const dates = [1, 2, 3, 4].map((m) => serialFromYmd(2024, m, 1)!);
    const withDates = read("Sheet1!A1:B4", dates.map((d, k) => [d, 100 + k]));
    expect(withDates).toMatchObject({ ok: true, detectedSeason: 12 });
    if (withDates.ok) expect(withDates.series.map((s) => s.name)).toEqual(["Series 1"]);
    const sales = read("Sheet1!A1:B4", [[45000, 1], [46000, 2], [45500, 3], [47000, 4]]);
    expect(sales).toMatchObject({ ok: true, detectedSeason: undefined });
    if (sales.ok) expect(sales.series).toHaveLength(2);
  });

  it("reads one row across as one series; ignores trailing blank rows", () => {
    expect(read("Sheet1!B2:G2", [["Sales", 1, 2, 3, 4, 5]])).toMatchObject({ ok: true, series: [{ name: "Sales", values: [1, 2, 3, 4, 5] }] });
    expect(read("Sheet1!A1:A7", [[1], [2], [3], [4], [null], [""]])).toMatchObject({ ok: true, series: [{ values: [1, 2, 3, 4] }] });
  });

  it("names the cells that are not numbers, and refuses empty, short, long and too wide ranges", () => {
    expect(read("Sheet1!A1:B5", [["Month", "Sales"], ["2024-01", 1], ["2024-02", "n/a"], ["2024-03", null], ["2024-04", 4]])).toEqual({
      ok: false,
      code: "cells",
      params: { cells: "B3 “n/a”, B4" },
    });
    expect(read("Sheet1!A1:A2", [[null], [""]])).toMatchObject({ ok: false, code: "empty" });
    expect(read("Sheet1!A1:A3", [[1], [2], [3]])).toEqual({ ok: false, code: "tooShort", params: { count: 3, needed: 4 } });
    expect(read("Sheet1!A1:A601", Array.from({ length: 601 }, () => [1]))).toMatchObject({ ok: false, code: "tooLong" });
    expect(read("Sheet1!A1:M4", Array.from({ length: 4 }, () => Array.from({ length: 13 }, () => 1)))).toMatchObject({ ok: false, code: "tooManySeries" });
  });
});

describe("hand-over to SMART and Decompose", () => {
  it("sets SMART's baseline to the total (to the cent), keeping what was typed there", () => {
    expect(smartWithBaseline(undefined, 94184.567)).toEqual({ ...EMPTY_DRAFT, baseline: "94184.57" });
    expect(smartWithBaseline({ ...EMPTY_DRAFT, channel: "天猫" }, 10)).toMatchObject({ channel: "天猫", baseline: "10" });
  });

  it("turns Decompose's time level on, seasonal over the forecast's cells, with periods that match the forecast's start", () => {
    const draft = decomposeWithShape(undefined, { sheet: "销售预测", total: 1, horizon: 12, season: 12, shape: "'销售预测'!D83:D94", periods: "months" });
    expect(draft.fields).toMatchObject({ "level.time": "true", method: "seasonal", history: "'销售预测'!D83:D94", periods: "months" });
    expect(draft.lists).toEqual(initialDecompose().lists);
    const custom = decomposeWithShape(undefined, { sheet: "F", total: 1, horizon: 4, season: 4, shape: "F!D9:D12", periods: shapePeriods(4, ["2025 Q3", "2025 Q4", "2026 Q1", "2026 Q2"], false) });
    expect(custom.fields).toMatchObject({ periods: "custom", custom: "2025 Q3、2025 Q4、2026 Q1、2026 Q2" });
    expect(shapePeriods(4, [], true)).toBe("quarters");
    // Without a season there is no shape: Decompose is left as it was.
    expect(decomposeWithShape(undefined, { sheet: "F", total: 1, horizon: 3, season: 1 })).toEqual(initialDecompose());
  });
});
