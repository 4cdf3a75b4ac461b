/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { AriaLiveAnnouncer, Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CellSpec } from "../../src/excel/gateway";
import { MemoryGateway } from "../../src/excel/memory-gateway";
import { UI_STRINGS } from "../../src/i18n/ui";
import { anyDialog, dialogButton, findDialog } from "../support/dialog";
import { useWorkbookWriter } from "../../src/taskpane/components/useWorkbookWriter";
import { WriteResult } from "../../src/taskpane/components/WriteResult";

type NotifyDocument = Document & { ariaNotify?: jest.Mock };

const ROWS: CellSpec[][] = [[{ value: "East" }, { formula: "=B1*2" }], [{ value: "=cmd()" }, null]];

/** What a feature does to write into an existing sheet: the writer hook plus its result view. */
function Feature({ gateway }: { gateway: MemoryGateway }) {
  const t = UI_STRINGS.en;
  const writer = useWorkbookWriter(gateway);
  return (
    <>
      <Button onClick={() => void writer.writeRange({ address: "Plan!B2", rows: ROWS })}>Write here</Button>
      <WriteResult writer={writer} t={t} />
    </>
  );
}

function renderFeature(gateway: MemoryGateway) {
  const notify = jest.fn();
  (document as NotifyDocument).ariaNotify = notify;
  render(
    <FluentProvider theme={webLightTheme}>
      <AriaLiveAnnouncer>
        <Feature gateway={gateway} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
  return notify;
}

const press = async (button: HTMLElement) => {
  await act(async () => {
    fireEvent.click(button);
  });
};
const click = (name: string) => press(screen.getByRole("button", { name }));
/** Clicks a button of the "Replace existing cells?" dialog. */
const choose = async (name: string) => press(dialogButton(await findDialog("Replace existing cells?"), name));

afterEach(() => {
  delete (document as NotifyDocument).ariaNotify;
});

describe("writing into an existing sheet", () => {
  it("writes into empty cells without asking; formula-looking text stays text", async () => {
    const gateway = new MemoryGateway(true, ["Plan"]);
    renderFeature(gateway);
    await click("Write here");
    expect(screen.getByText("Written to Plan!B2:C3.")).toBeTruthy();
    expect(gateway.grid("Plan")).toEqual([
      ["", "", ""],
      ["", "East", "=B1*2"],
      ["", "'=cmd()", ""],
    ]);
  });

  it("never overwrites without asking: lists the cells, Cancel leaves them, Replace writes", async () => {
    const gateway = new MemoryGateway(true, ["Plan"]);
    gateway.setCells("Plan!B2", [[{ value: "keep me" }], [{ formula: "=TODAY()" }]]);
    const before = gateway.snapshot();
    const notify = renderFeature(gateway);
    await click("Write here");

    const dialog = await findDialog("Replace existing cells?");
    // Focus is in the dialog (on its surface, so the title is read) and not on Replace: Enter replaces nothing.
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(dialogButton(dialog, "Replace"));
    expect(within(dialog).getByText("2 cells in Plan!B2:C3 are not empty. Replace them?")).toBeTruthy();
    const list = within(dialog).getByRole("list", { name: "Cells that would be replaced", hidden: true });
    expect(within(list).getAllByRole("listitem", { hidden: true }).map((li) => li.textContent)).toEqual(["Plan!B2", "Plan!B3"]);
    expect(gateway.snapshot()).toEqual(before);

    await choose("Cancel");
    expect(anyDialog()).toBeNull();
    expect(gateway.snapshot()).toEqual(before);
    expect(notify).toHaveBeenCalledWith("Nothing was written.", { priority: "normal" });

    await click("Write here");
    await choose("Replace");
    expect(anyDialog()).toBeNull();
    expect(gateway.formulaAt("Plan!B2")).toBe("East");
    expect(gateway.formulaAt("Plan!B3")).toBe("'=cmd()");
    expect(notify).toHaveBeenLastCalledWith("Written to Plan!B2:C3.", { priority: "normal" });
  });

  it("restores the replaced cells when the confirmed write fails half-way", async () => {
    const gateway = new MemoryGateway(true, ["Plan"], { blockRows: 1 });
    gateway.setCells("Plan!B2", [[{ value: "keep me" }], [{ formula: "=TODAY()" }]]);
    const before = gateway.snapshot();
    renderFeature(gateway);
    await click("Write here");
    gateway.failAfterBlocks(1);
    await choose("Replace");
    expect(gateway.blocksWritten).toBe(1);
    expect(gateway.snapshot()).toEqual(before);
    expect(screen.getByText("Nothing was changed")).toBeTruthy();
  });
});
