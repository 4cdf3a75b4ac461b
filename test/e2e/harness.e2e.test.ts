import { Session, startSession, WorkbenchPage } from "./workbench-harness";

/** The harness itself: it must notice what the wizard tests rely on it to notice. */

let session: Session;
let workbench: WorkbenchPage;
beforeAll(async () => {
  session = await startSession();
  workbench = await session.open("en-US");
}, 30_000);
afterAll(async () => {
  await session?.close();
});

describe("the end-to-end harness", () => {
  it("records every request and blocks any host but 127.0.0.1 (expectCleanRun then fails)", async () => {
    expect(workbench.record.requests.map((url) => new URL(url).pathname)).toEqual(
      expect.arrayContaining(["/", "/workbench-runtime.js", "/addin/functions.js", "/addin/taskpane.js", "/workbench.js", "/addin/functions.json", "/addin/manifest.xml"]),
    );
    workbench.expectCleanRun();
    const outcome = await workbench.page.evaluate(() => fetch("https://blocked.invalid/probe").then(() => "answered", () => "refused"));
    expect(outcome).toBe("refused");
    expect(workbench.record.blocked).toEqual(["https://blocked.invalid/probe"]);
    expect(() => workbench.expectCleanRun()).toThrow();
  });

  it("reports a range that never reaches the expected values, with what it holds", async () => {
    await workbench.editCell("Sheet1", "A1", "41");
    await expect(workbench.waitForValues("Sheet1", "A1", [[42]], 300)).rejects.toThrow(/Sheet1!A1 never held \[\[42\]\]; it holds \[\[41\]\]/);
  });
});
