/**
 * How every webpack build here compiles TypeScript: ts-loader, types left to `npm run typecheck` (one
 * compile, not one per build), only the files a bundle uses. Shared by the add-in's build, the workbench's
 * and the import engine's test harness.
 */
const TYPESCRIPT_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true, onlyCompileBundledFiles: true } },
};

module.exports = { TYPESCRIPT_RULE };
