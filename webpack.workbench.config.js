/**
 * Builds the workbench (a development and demo host, never shipped to Excel users) into dist-workbench/:
 * workbench-runtime.js (the stand-ins for Excel's runtime), workbench.js (the grid and the HyperFormula
 * workbook behind the task pane's gateway) and index.html. The add-in itself is not rebuilt here: the
 * page loads the Excel build from dist/ (functions.js, taskpane.js, functions.json, manifest.xml), which
 * scripts/workbench-server.cjs serves under /addin/.
 *
 * HyperFormula (GPL-3.0) is bundled only here; webpack.config.js (the Excel build) never sees it, and
 * test/e2e/build-separation.test.ts fails if dist/ contains it.
 */
const { TYPESCRIPT_RULE } = require("./scripts/typescript-rule.cjs");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");

module.exports = (_env, options) => ({
  mode: options.mode || "development",
  // Development mode keeps the build quick (HyperFormula is large); no source maps for the same reason.
  devtool: false,
  entry: {
    "workbench-runtime": "./src/workbench/runtime.ts",
    workbench: "./src/workbench/index.tsx",
  },
  output: {
    path: path.resolve(__dirname, "dist-workbench"),
    filename: "[name].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      TYPESCRIPT_RULE,
    ],
  },
  // React's production code path without minifying (no development warnings in the console).
  optimization: { nodeEnv: "production" },
  performance: { hints: false },
  plugins: [new CopyWebpackPlugin({ patterns: [{ from: "src/workbench/workbench.html", to: "index.html" }] })],
});
