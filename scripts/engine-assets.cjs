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

module.exports = { ENGINE_ASSET_RULES };
