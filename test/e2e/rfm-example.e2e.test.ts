import { UI_STRINGS } from "../../src/i18n/ui";
import { COURSE_SCORES, COURSE_SEGMENTS_ZH } from "../support/course";
import { sessionForFile, WorkbenchPage } from "./workbench-harness";

/**
 * The start page's RFM example, walked as a user would in the workbench: switch language, press the
 * button, read what the SALES formulas computed in the new sheet, change a number, see it recalculate.
 * Needs `npm run build` and `npm run build:workbench` (npm test runs both).
 */

const en = UI_STRINGS.en;
const zh = UI_STRINGS.zh;

const session = sessionForFile();

describe("the RFM example sheet in the workbench, in Chinese", () => {
  let workbench: WorkbenchPage;
  beforeAll(async () => {
    workbench = await session.open("en-US");
  }, 30_000);

  it("switches the pane to Chinese and writes the example: the course's five customers land in their segments", async () => {
    await workbench.chooseLanguage("zh");
    await workbench.press(zh.exampleButton);
    await workbench.waitForText(zh.writeDoneSheet(zh.exampleSheetName));
    await workbench.waitForSheet(zh.exampleSheetName);

    await workbench.waitForValues(zh.exampleSheetName, "E2:G6", COURSE_SCORES);
    expect(COURSE_SEGMENTS_ZH).toEqual(["重要价值客户", "一般挽留客户", "重要保持客户", "一般挽留客户", "一般发展客户"]);
    await workbench.waitForValues(zh.exampleSheetName, "H2:H6", COURSE_SEGMENTS_ZH.map((segment) => [segment]));
    expect(await workbench.contentOf(zh.exampleSheetName, "E2")).toBe("=SALES.RFM.SCORE(B2:B6,C2:C6,D2:D6)");
    expect(await workbench.shownText(zh.exampleSheetName, "H2")).toBe("重要价值客户");
    await workbench.screenshot("workbench-rfm-zh");
  });

  it("recalculates when a user types a new recency for A002 (180 → 5 days)", async () => {
    await workbench.editCell(zh.exampleSheetName, "B3", "5");
    // R for 5 days is 5, above the new mean R (4.6): A002 moves from 一般挽留 (000) to 一般发展 (100).
    await workbench.waitForValues(zh.exampleSheetName, "E3:H3", [[5, 2, 2, "一般发展客户"]]);
    expect(await workbench.shownText(zh.exampleSheetName, "E3")).toBe("5");
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});

describe("the RFM example sheet in the workbench, in English", () => {
  let workbench: WorkbenchPage;
  beforeAll(async () => {
    workbench = await session.open("en-US");
  }, 30_000);

  it("writes the example with English segment labels, and a second press adds a second sheet", async () => {
    await workbench.press(en.exampleButton);
    await workbench.waitForSheet(en.exampleSheetName);
    await workbench.waitForValues(en.exampleSheetName, "E2:H6", COURSE_SCORES.map((scores, i) => [...scores, ["Important value", "General win-back", "Important retain", "General win-back", "General develop"][i]!]));

    await workbench.press(en.exampleButton);
    await workbench.waitForSheet(`${en.exampleSheetName} (2)`);
    expect(await workbench.sheetNames()).toEqual(["Sheet1", en.exampleSheetName, `${en.exampleSheetName} (2)`]);
    await workbench.screenshot("workbench-rfm-en");
  });

  it("asked no host but 127.0.0.1 and logged no errors", () => {
    workbench.expectCleanRun();
  });
});
