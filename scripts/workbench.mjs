#!/usr/bin/env node
/**
 * npm run workbench — the development and demo host: the built task pane and functions beside a
 * HyperFormula workbook that calculates every SALES function (see src/workbench and the README).
 *
 * Builds the add-in (dist/, the Excel build) and the workbench (dist-workbench/), then serves both on
 * http://127.0.0.1:3100/ (or a free port when 3100 is taken; WORKBENCH_PORT chooses another) until
 * Ctrl+C. `--no-build` serves what is already built.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const require = createRequire(import.meta.url);
const { startWorkbenchServer } = require("./workbench-server.cjs");
const webpack = join(root, "node_modules", "webpack", "bin", "webpack.js");
const preferredPort = Number(process.env.WORKBENCH_PORT || 3100);

function build(label, args) {
  console.log(`workbench: building ${label}…`);
  const result = spawnSync(process.execPath, [webpack, ...args], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) {
    console.error(`workbench: building ${label} failed (run \`node ${args.join(" ")}\` through webpack to see why)`);
    process.exit(result.status ?? 1);
  }
}

if (!process.argv.includes("--no-build")) {
  build("the add-in into dist/", ["--mode", "production"]);
  build("the workbench into dist-workbench/", ["--config", "webpack.workbench.config.js"]);
}

let server;
try {
  server = await startWorkbenchServer(preferredPort);
} catch (error) {
  if (error && error.code === "EADDRINUSE") {
    console.log(`workbench: port ${preferredPort} is taken; using a free one.`);
    server = await startWorkbenchServer(0);
  } else {
    console.error(`workbench: ${error.message}`);
    process.exit(1);
  }
}

console.log(`
Sales Planner workbench: ${server.url}

The built task pane (right) writes into a HyperFormula workbook (left) in which every SALES function
calculates. Click a cell, type in the formula bar and press Enter to see the sheet recalculate.
A development host, not Excel: tables and charts are recorded and listed, not drawn.
Press Ctrl+C to stop.
`);

const stop = () => server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
