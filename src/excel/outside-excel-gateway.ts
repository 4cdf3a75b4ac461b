import { GatewayError, type DataSource, type RangeData, type RangeWrite, type RangeWriteResult, type SheetPlan, type SheetReplace, type SheetReplaceResult, type WorkbookGateway } from "./gateway";

/**
 * The gateway of the pane opened outside Excel (a plain browser, no `Excel` object): there is no workbook,
 * so every operation rejects with `GatewayError("UNAVAILABLE")`, which the pane shows in the user's
 * language ("open this pane from Excel", `errorUnavailable` in src/i18n/ui.ts). `available` is false, so
 * pages disable their write buttons and show the outside-Excel notice before anyone tries.
 *
 * It replaces the in-memory test workbook that the production bundle used to fall back to: nothing in the
 * shipped pane can pretend to write, and no test code ships.
 */
export class OutsideExcelGateway implements WorkbookGateway {
  readonly available = false;
  readonly dynamicArrays = false;

  async createSheet(_plan: SheetPlan): Promise<string> {
    throw unavailable();
  }

  async readRange(_address: string): Promise<RangeData> {
    throw unavailable();
  }

  async readSelection(): Promise<RangeData> {
    throw unavailable();
  }

  async listDataSources(): Promise<readonly DataSource[]> {
    throw unavailable();
  }

  async writeRange(_request: RangeWrite): Promise<RangeWriteResult> {
    throw unavailable();
  }

  async replaceSheet(_request: SheetReplace): Promise<SheetReplaceResult> {
    throw unavailable();
  }

  async activateSheet(_name: string): Promise<"activated" | "missing"> {
    throw unavailable();
  }

  async deleteSheet(_name: string): Promise<"deleted" | "missing"> {
    throw unavailable();
  }
}

function unavailable(): GatewayError {
  return new GatewayError("UNAVAILABLE");
}
