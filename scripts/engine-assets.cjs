/**
 * How webpack emits the import engine's files (src/taskpane/features/import/engine): DuckDB's worker
 * scripts and the WebAssembly of DuckDB and parquet-wasm, which the engine names with
 * `new URL("<package file>", import.meta.url)`. They are copied as they are (never parsed or bundled) next
 * to the chunks, under hashed names, and fetched from wherever the chunk that names them came from — the
 * add-in's own origin (publicPath "auto"): no CDN, nothing from the internet. Shared by the production
 * build (webpack.config.js) and the engine's test and bench harness (scripts/engine-harness.cjs).
 */
const ENGINE_ASSET_RULES = [
  {
    test: /(\.wasm|duckdb-browser-(eh|mvp)\.worker\.js)$/,
    dependency: "url",
    type: "asset/resource",
    generator: { filename: "[name].[contenthash:8][ext]" },
  },
];

/** The worker scripts among the emitted files (hashed names, see the rule above). */
const WORKER_ASSET = /^duckdb-browser-(eh|mvp)\.worker\.[0-9a-f]{8}\.js$/;

/**
 * Marks DuckDB's worker scripts as minified already (they are, in the npm package), so the production
 * build's minimizer leaves them as published: minifying 1.6 MB again took most of the build's time and
 * rewrote a file we do not maintain.
 */
class EngineAssetsPlugin {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("EngineAssetsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EngineAssetsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        for (const asset of compilation.getAssets()) {
          if (WORKER_ASSET.test(asset.name)) compilation.updateAsset(asset.name, asset.source, { minimized: true });
        }
      });
    });
  }
}

module.exports = { ENGINE_ASSET_RULES, EngineAssetsPlugin };
