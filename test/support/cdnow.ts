import { clvSummary, ClvSummary } from "../../src/core/clv";
import { serialFromYmd } from "../../src/core/shared/excel-date";
import { readCsv } from "./fixtures";

/** Serial of a CDNOW date written YYYYMMDD. */
export const cdnowSerial = (yyyymmdd: string): number =>
  serialFromYmd(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))) as number;

/** End of the CDNOW calibration period of Fader, Hardie & Lee (2005): 39 weeks from 1997-01-01. */
export const CDNOW_END = cdnowSerial("19970930");

let cached: ClvSummary | undefined;

/** The CDNOW sample's customer summary in weeks up to 1997-09-30 (the orders after it left out). */
export function cdnowSummary(): ClvSummary {
  if (cached === undefined) {
    const rows = readCsv("external/cdnow_sample_transactions.csv").filter((r) => cdnowSerial(r.date as string) <= CDNOW_END);
    cached = clvSummary(
      rows.map((r) => r.id_sample as string),
      rows.map((r) => cdnowSerial(r.date as string)),
      rows.map((r) => Number(r.total_value)),
      CDNOW_END,
    );
  }
  return cached;
}
