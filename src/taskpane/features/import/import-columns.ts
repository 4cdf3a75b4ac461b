/**
 * Which column of an order file is what: the customer, order date and amount as the Segment wizard finds
 * them (segment/columns.ts, the same header words and, without headers, the same reading of contents), then
 * the optional dimensions of a monthly summary from their headers (销售员, 渠道, 区域, 产品线…). Pure.
 */
import { DIMENSIONS, type Dimension, type FileSniff } from "../../../core/import/contract";
import { detectAs, normalise, type ColumnNote } from "../segment/columns";
import type { ImportRole } from "./import-draft";

/** Header words of each dimension, normalised as segment/columns.ts `normalise` does; earlier words first. */
const DIMENSION_WORDS: Readonly<Record<Dimension, { readonly exact: readonly string[]; readonly stems: readonly string[]; readonly not?: readonly string[] }>> = {
  person: {
    exact: ["销售员", "业务员", "销售人员", "销售代表", "负责人", "归属人", "跟进人", "客户经理", "导购", "salesperson", "salesrep", "rep", "seller", "owner", "accountmanager"],
    stems: ["销售员", "业务员", "负责人", "经理", "salesperson", "salesrep", "seller", "owner"],
  },
  channel: {
    exact: ["渠道", "销售渠道", "平台", "店铺", "门店", "来源", "channel", "saleschannel", "platform", "store", "shop", "source"],
    stems: ["渠道", "平台", "店铺", "channel", "platform"],
  },
  region: {
    exact: ["区域", "地区", "大区", "片区", "省份", "省", "城市", "region", "area", "territory", "province", "state", "city"],
    stems: ["区域", "地区", "大区", "片区", "省", "region", "area", "territory"],
    not: ["邮编", "zip", "postal"],
  },
  product: {
    exact: ["品类", "产品线", "产品类别", "商品类目", "类目", "品牌", "产品", "商品", "productline", "category", "productcategory", "brand", "product"],
    stems: ["品类", "产品线", "类目", "category", "productline"],
    not: ["编号", "id", "code", "sku", "数量", "qty", "单价", "price"],
  },
};

function dimensionScore(header: string, dimension: Dimension): number {
  const text = normalise(header);
  if (text === "") return 0;
  const words = DIMENSION_WORDS[dimension];
  if (words.not?.some((word) => text.includes(word))) return 0;
  const exact = words.exact.indexOf(text);
  if (exact >= 0) return 2000 - exact;
  const stem = words.stems.findIndex((word) => text.includes(word));
  return stem >= 0 ? 1000 - stem : 0;
}

export interface ImportDetection {
  readonly columns: Readonly<Partial<Record<ImportRole, number>>>;
  /** About the three required columns (segment's notes: no header, ambiguous, missing). */
  readonly notes: readonly ColumnNote[];
}

/** The rows the detection reads: the header row (when there is one) over the preview. */
export function sniffRows(sniff: FileSniff): string[][] {
  const rows = sniff.preview.map((row) => [...row]);
  return sniff.hasHeader ? [[...sniff.headers], ...rows] : rows;
}

/** The columns of a sniffed file: the order columns, then each dimension whose header names it (only with headers). */
export function detectImportColumns(sniff: FileSniff): ImportDetection {
  const detection = detectAs(sniffRows(sniff), "orders", sniff.hasHeader);
  const columns: Partial<Record<ImportRole, number>> = {};
  const taken = new Set<number>();
  for (const role of ["customer", "date", "amount"] as const) {
    const column = detection.columns[role];
    if (column !== undefined) {
      columns[role] = column;
      taken.add(column);
    }
  }
  if (sniff.hasHeader) {
    for (const dimension of DIMENSIONS) {
      let best: number | undefined;
      let bestScore = 0;
      sniff.headers.forEach((header, column) => {
        const score = taken.has(column) ? 0 : dimensionScore(header, dimension);
        if (score > bestScore) {
          best = column;
          bestScore = score;
        }
      });
      if (best !== undefined) {
        columns[dimension] = best;
        taken.add(best);
      }
    }
  }
  return { columns, notes: detection.notes };
}
