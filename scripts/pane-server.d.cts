export declare const DIST: string;
export declare const OFFICE_JS_DIR: string;
export interface OfficeJsSource {
  /** "https://host" */
  readonly origin: string;
  /** "/lib/1/hosted/" */
  readonly folder: string;
}
export declare function officeJsSource(html: string): OfficeJsSource;
export declare function startPaneServer(): Promise<{
  origin: string;
  cdn: OfficeJsSource;
  productionPage: string;
  servedPage: string;
  close(): Promise<void>;
}>;
