import type { RangeData } from "../../../src/excel/gateway";
import { PROGRESS_STRINGS } from "../../../src/i18n/progress";
import { monthlySums, readOrders } from "../../../src/taskpane/features/progress/orders";
import { cellReference, readDecomposeSheet, readTargetRange } from "../../../src/taskpane/features/progress/plan-source";
import { errorMessage, initialProgress, toProgressDraft } from "../../../src/taskpane/features/progress/progress-draft";
import { validateActuals, validateAdjust, validatePlan, validateReview } from "../../../src/taskpane/features/progress/progress-schema";
import { ACTUALS, NAMES, ordersSheet, targetsRange } from "./fixture";

const range = (address: string, values: unknown[][]): RangeData => ({ address, values: values as RangeData["values"] });
const problem = (read: ReturnType<typeof readTargetRange>) => (read.ok ? undefined : read.problem);

describe("a target range as a plan", () => {
  it("reads names and 12 months under a header row, each person's first month cell kept", () => {
    const read = readTargetRange(targetsRange(), 1);
    expect(read.ok && read.source.kind === "grid" && read.source.first[1]).toEqual({ sheet: "Targets", row: 2, column: 1 });
    expect(read.ok && read.source.names).toEqual([...NAMES]);
  });

  it("reads names and one column of quotas, amounts as typed (1.2万)", () => {
    const read = readTargetRange(range("Q!A1:B2", [["甲", "120万"], ["乙", 600_000]]), 10_000);
    expect(read.ok && read.source.kind === "quotas" && read.source.values).toEqual([1_200_000, 600_000]);
  });

  it("takes a first row whose targets are not amounts for a header", () => {
    expect(readTargetRange(range("S!A1:B2", [["甲", "abc"], ["乙", 1000]]), 1)).toMatchObject({ ok: true, source: { names: ["乙"] } });
  });

  it.each([
    ["no sheet", range("A1:M2", [["a", ...Array(12).fill(1000)]]), { code: "noSheet" }],
    ["empty", range("S!A1:M2", [[null], [""]]), { code: "empty" }],
    ["neither 12 months nor one column", range("S!A1:D1", [["a", 1, 2, 3]]), { code: "shape" }],
    ["a number for a name", range("S!A1:B1", [[5, 1000]]), { code: "noNames" }],
    ["a name twice", range("S!A1:B2", [["甲", 1000], [" 甲 ", 1000]]), { code: "duplicate", name: "甲" }],
    ["words and negatives", range("S!A1:B3", [["甲", 100], ["乙", "abc"], ["丙", -5]]), { code: "notNumbers", cells: "B2, B3" }],
    ["every target 0", range("S!A1:B1", [["甲", 0]]), { code: "allZero" }],
    ["a quota below 24", range("S!A1:B2", [["甲", 12], ["乙", 1000]]), { code: "rowTooSmall", name: "甲" }],
    ["a quota off the unit", range("S!A1:B2", [["甲", 12_345], ["乙", 10_000]]), { code: "notMultiple", cells: "B1", unit: 10_000 }],
  ])("refuses %s", (_, data, expected) => {
    expect(problem(readTargetRange(data, 10_000))).toEqual(expected);
  });

  it("refuses months that are all at most 1 (TARGET.PACE would read them as shares)", () => {
    expect(problem(readTargetRange(range("S!A1:M1", [["甲", 1, ...Array(11).fill(0)]]), 1))).toEqual({ code: "rowTooSmall", name: "甲" });
  });

  it("quotes every sheet name in a reference", () => {
    expect(cellReference({ sheet: "目标分解", row: 4, column: 4 })).toBe("'目标分解'!$E$5");
    expect(cellReference({ sheet: "Bob's", row: 0, column: 0 })).toBe("'Bob''s'!$A$1");
  });
});

describe("a Decompose sheet as a plan", () => {
  const sheet = (months: number) => {
    const rows: unknown[][] = [["Goal decomposition"], ["Period", "2025"], ["Total", 1_200_000], ["Unit", 10_000], [], ["Time: even split"], ["Period", "Weight", "Amount", "Share"]];
    for (let k = 1; k <= months; k++) rows.push([`M${k}`, 1, 100_000]);
    rows.push(["Check: sum = Total", null, 1_200_000, "✓"], [], ["Salespeople quotas (of Total)"], ["Blend", 0.6, 0.4, 0]);
    rows.push(["Salesperson", "Last year's sales", "Potential", "Ramp", "Quota", "Share"], ["Ann", 1, 1, 1, 700_000], ["Bo", 1, 1, 1, 500_000], ["Check: sum = Total", null, null, null, 1_200_000]);
    return range("'Decomposition'!A1:N400", rows);
  };

  it("finds the Time table and the Salespeople table, and the unit in B4", () => {
    const read = readDecomposeSheet(sheet(12));
    expect(read.ok && read.source).toMatchObject({
      kind: "quotas",
      names: ["Ann", "Bo"],
      quotas: [{ sheet: "Decomposition", row: 24, column: 4 }, { sheet: "Decomposition", row: 25, column: 4 }],
      weights: { sheet: "Decomposition", row: 7, column: 2, rows: 12, columns: 1 },
      unit: { sheet: "Decomposition", row: 3, column: 1 },
    });
  });

  it("refuses a sheet without 12 months or without salespeople", () => {
    expect(problem(readDecomposeSheet(sheet(4)))).toEqual({ code: "noDecompose" });
    expect(problem(readDecomposeSheet(range("S!A1:B2", [["x"]])))).toEqual({ code: "noDecompose" });
  });
});

describe("an order export", () => {
  it("finds the columns by their Chinese headers, whatever their order, and sums by person and month", () => {
    const read = readOrders(range("Orders!A1:D63", ordersSheet()));
    if (!read.ok) throw new Error("not read");
    expect(read.orders.columns).toEqual({ person: 2, date: 1, amount: 3 });
    expect(read.orders.live).toBe(true);
    expect(monthlySums(read.orders, [...NAMES], 2025)).toEqual(ACTUALS.map((a) => [...a, 0, 0, 0, 0, 0, 0]));
  });

  it("reads text dates (2025年3月3日) and amounts (¥1,200), and then the pane sums them", () => {
    const read = readOrders(range("Orders!A1:D63", ordersSheet(true)));
    if (!read.ok) throw new Error("not read");
    expect(read.orders.live).toBe(false);
    expect(monthlySums(read.orders, [...NAMES], 2025)).toEqual(ACTUALS.map((a) => [...a, 0, 0, 0, 0, 0, 0]));
  });

  it.each([
    ["no header it knows", range("O!A1:B2", [["x", "y"], [1, 2]]), { code: "noColumns", missing: ["amount", "date", "person"] }],
    ["no orders", range("O!A1:C2", [["Salesperson", "Date", "Amount"], [null, null, null]]), { code: "noOrders" }],
    ["a bad date and amount", range("O!A1:C2", [["Salesperson", "Date", "Amount"], ["甲", "soon", "lots"]]), { code: "badOrderCells", cells: "B2, C2" }],
    ["no sheet", range("A1:C2", [["Salesperson", "Date", "Amount"]]), { code: "noSheet" }],
  ])("refuses %s", (_, data, expected) => {
    const read = readOrders(data);
    expect(read.ok ? undefined : read.problem).toEqual(expected);
  });
});

describe("the form's rules", () => {
  const base = initialProgress(new Date(2025, 6, 1));
  const withFields = (fields: Record<string, string>, planData: RangeData | null = targetsRange()) =>
    toProgressDraft({ ...base, fields: { ...base.fields, planAddress: "Targets!A1:M6", ...fields } }, planData ?? undefined, undefined);
  const en = PROGRESS_STRINGS.en;
  const say = (v: { ok: boolean; errors?: Record<string, string>; params?: Record<string, Readonly<Record<string, unknown>>> }, path: string) =>
    v.ok ? undefined : errorMessage(v.errors![path] as never, v.params![path], en, "en");

  it("starts on this year with the months before this one done", () => {
    expect([base.fields.year, base.fields.monthsDone, base.fields.date]).toEqual(["2025", "6", "2025-07-01"]);
  });

  it("says what is wrong with each field", () => {
    expect(say(validatePlan(withFields({}, null)), "planAddress")).toBe(en.errNotPicked);
    expect(say(validatePlan(withFields({ year: "1800" })), "year")).toBe(en.errYear);
    expect(say(validatePlan(withFields({ unit: "0" })), "unit")).toBe(en.errUnitPositive);
    expect(say(validatePlan(withFields({}, range("Targets!A1:B1", [["甲", 0]]))), "planAddress")).toBe(en.planProblems.allZero);
    expect(say(validateActuals(withFields({ monthsDone: "2.5" })), "monthsDone")).toBe(en.errMonthsDone);
    expect(say(validateActuals(withFields({ actuals: "orders" })), "ordersAddress")).toBe(en.errNotPicked);
    expect(say(validateReview(withFields({ green: "90", amber: "95" })), "amber")).toBe(en.errAmberAboveGreen);
    expect(say(validateReview(withFields({ green: "abc" })), "green")).toBe(en.errNotNumber);
    const adjust = (fields: Record<string, string>, leavers: { leaver: string; takers: string }[]) =>
      validateAdjust({ ...withFields({ reason: "r", who: "w", reviewSheet: "R", ...fields }), leavers }, [...NAMES]);
    expect(say(adjust({ version: "1" }, []), "version")).toBe(en.errVersion);
    expect(say(adjust({ date: "someday" }, []), "date")).toBe(en.errDate);
    expect(say(adjust({}, [{ leaver: "陈静", takers: "" }]), "leavers.0.takers")).toBe(en.errNoTakers);
    expect(say(adjust({}, [{ leaver: "陈静", takers: "张伟" }, { leaver: "陈静", takers: "王芳" }]), "leavers.1.leaver")).toBe(en.errLeaverTwice);
    expect(say(adjust({}, [{ leaver: "陈静", takers: "张伟" }, { leaver: "张伟", takers: "王芳" }]), "leavers.0.takers")).toBe(en.errTakerIsLeaver("张伟"));
    expect(say(adjust({}, NAMES.map((name) => ({ leaver: name, takers: "" }))), "leavers")).toBe(en.errEveryoneLeaves);
    expect(validateAdjust({ ...withFields({ reason: "r", who: "w", reviewSheet: "R" }), leavers: [{ leaver: "陈静", takers: "张伟、王芳" }] }, [...NAMES])).toMatchObject({
      ok: true,
      data: { leavers: [{ person: 4, takers: [0, 2] }] },
    });
  });
});
