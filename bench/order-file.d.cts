export declare const HEADER: readonly string[];
export interface OrderFileOptions {
  readonly encoding?: "utf-8" | "gb18030";
  readonly seed?: number;
  readonly customers?: number;
  readonly collect?: boolean;
  readonly lineBreak?: "\r\n" | "\n";
}
export interface OrderFile {
  readonly rows: number;
  readonly bytes: number;
  readonly customers: number;
  /** With `collect`: each row's customer id, order date (Excel serial) and amount, as the core reads them. */
  readonly ids?: string[];
  readonly serials?: Float64Array;
  readonly amounts?: Float64Array;
}
export declare function writeOrderFile(path: string, rows: number, options?: OrderFileOptions): OrderFile;
export declare function dateText(serial: number, form: number, seconds: number): string;
export declare function amountText(cents: number, form: number): string;
export declare function gb18030Bytes(char: string): number[];
