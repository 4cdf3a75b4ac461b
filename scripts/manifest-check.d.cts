export interface ManifestReport {
  errors: string[];
  warnings: string[];
}
export function checkManifest(xml: string, options?: { assetsDir?: string }): ManifestReport;
