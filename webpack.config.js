/**
 * Builds the add-in into dist/: functions.js + functions.json (custom functions and their metadata,
 * generated from JSDoc), taskpane.html + taskpane.js (the shared-runtime page that loads both bundles),
 * manifest.xml (with the add-in's base URL) and the icons.
 *
 * ADDIN_BASE_URL (default https://localhost:3000/) is where the add-in is served from; `npm start` serves
 * it there over HTTPS with office-addin-dev-certs.
 */
const { TYPESCRIPT_RULE } = require("./scripts/typescript-rule.cjs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { ZhMetadataPlugin } = require("./scripts/zh-metadata-plugin.cjs");
const { ENGINE_ASSET_RULES, EngineAssetsPlugin } = require("./scripts/engine-assets.cjs");
const { FunctionsModuleIdsPlugin } = require("./scripts/functions-module-ids.cjs");

const DEV_BASE_URL = "https://localhost:3000/";
/** Every file with `@customfunction`s: listed once, used for both the entry and the metadata plugin. */
const FUNCTION_FILES = [
  "./src/functions/rfm.ts",
  "./src/functions/funnel.ts",
  "./src/functions/targets.ts",
  "./src/functions/kpi.ts",
  "./src/functions/commission.ts",
  "./src/functions/forecast.ts",
  "./src/functions/clv.ts",
];

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const baseUrl = normaliseBaseUrl(process.env.ADDIN_BASE_URL || DEV_BASE_URL);
  const serving = Boolean(env && env.WEBPACK_SERVE);

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTION_FILES,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Pages other than the first are chunks loaded on first visit (src/taskpane/pages.ts). Hashed names,
      // so a cached taskpane.js never runs a newer deployment's chunk under an old name.
      chunkFilename: "[name].[contenthash:8].js",
      // Chunks are fetched from wherever taskpane.js itself came from (its script URL), not from a
      // configured address: the add-in's origin in Excel (any ADDIN_BASE_URL), /addin/ in the workbench,
      // 127.0.0.1 in the tests. Either way the Content-Security-Policy's script-src 'self' covers them.
      publicPath: "auto",
      // The chunk-loading global is named after this; the workbench's own bundles share its page.
      uniqueName: "salesPlannerAddin",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        TYPESCRIPT_RULE,
        ...ENGINE_ASSET_RULES,
      ],
    },
    performance: { hints: false },
    // Ids by FunctionsModuleIdsPlugin: functions.js must not change when the pane's chunks do.
    optimization: { moduleIds: false },
    plugins: [
      new FunctionsModuleIdsPlugin("functions"),
      new EngineAssetsPlugin(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      // functions-zh-CN.json (Chinese tooltips) from functions.json; the build fails on a missing translation.
      new ZhMetadataPlugin({ input: "functions.json", output: "functions-zh-CN.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // taskpane.html's look before the pane's script has run (its "starting" state).
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_BASE_URL).join(baseUrl),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          host: "127.0.0.1",
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          server: { type: "https", options: await httpsOptions() },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: { directory: path.resolve(__dirname, "dist") },
          hot: false,
          client: { overlay: false },
        }
      : undefined,
  };
};

function normaliseBaseUrl(url) {
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_BASE_URL must start with https:// (got ${url})`);
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * HTTPS for the dev server from office-addin-dev-certs. Installing its CA needs administrator rights
 * (sudo on Linux); when that fails the generated certificates are still used and the CA's path printed,
 * so it can be trusted by hand.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const fs = require("node:fs");
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const files = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
    if (!files.every((f) => fs.existsSync(f))) throw error;
    console.warn(
      `\nThe development CA could not be installed (${String(error.message || error).split("\n")[0]}).\n` +
        `Trust ${files[0]} in your browser or operating system, or Excel will refuse to load the add-in.\n`,
    );
    const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
    return { ca, cert, key };
  }
}
