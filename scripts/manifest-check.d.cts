export interface ManifestReport {
  errors: string[];
  warnings: string[];
}
/** `assetsDir`: where the icons are; `distDir`: a build whose files every URL must name. */
export function checkManifest(xml: string, options?: { assetsDir?: string; distDir?: string }): ManifestReport;
