#!/usr/bin/env node
/**
 * npm start — serve the add-in over HTTPS on https://localhost:3000 and get it into Excel.
 *
 * - Windows or Mac with Excel installed: sideloads manifest.xml into desktop Excel through
 *   `npx office-addin-debugging` (fetched on first use; it is not a dependency of this project) and
 *   removes it again when you stop with Ctrl+C.
 * - Anywhere else, or with `npm start -- --web`: prints how to upload manifest.xml to Excel on the web.
 *
 * The dev server (webpack serve) keeps running until Ctrl+C.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { request } from "node:https";
import { join, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const manifest = join(root, "manifest.xml");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const args = new Set(process.argv.slice(2));
const isWindows = process.platform === "win32";
const npx = isWindows ? "npx.cmd" : "npx";

function desktopExcelInstalled() {
  if (process.platform === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (isWindows) {
    const roots = [process.env.ProgramFiles, process.env["ProgramFiles(x86)"]].filter(Boolean);
    return roots.some((dir) => existsSync(join(dir, "Microsoft Office", "root", "Office16", "EXCEL.EXE")));
  }
  return false;
}

function waitForServer(timeoutMs = 180_000) {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const attempt = () => {
      const req = request(
        { host: "127.0.0.1", port, path: "/taskpane.html", rejectUnauthorized: false, timeout: 2000 },
        (res) => {
          res.resume();
          if (res.statusCode === 200) resolvePromise();
          else retry();
        },
      );
      req.on("error", retry);
      req.on("timeout", () => req.destroy());
      req.end();
    };
    const retry = () => {
      if (Date.now() - started > timeoutMs) reject(new Error(`the dev server did not answer on port ${port}`));
      else setTimeout(attempt, 1000);
    };
    attempt();
  });
}

function webInstructions() {
  console.log(`
Sales Planner is being served at https://localhost:${port}/taskpane.html

To use it in Excel on the web:
  1. Open a workbook at Excel on the web (Microsoft 365 account).
  2. Home > Add-ins > More Add-ins (or Insert > Add-ins > Office Add-ins).
  3. Choose "Upload My Add-in" (under My Add-ins > Manage My Add-ins on some tenants).
  4. Browse to ${manifest} and choose Upload.
  5. The "Sales Planner" button appears on the Home tab; type =SALES. in a cell for the functions.

The browser must trust the development certificate: open https://localhost:${port}/taskpane.html once;
if it warns, trust ~/.office-addin-dev-certs/ca.crt (see README, "Sideloading").
Press Ctrl+C to stop.

No Excel at hand? \`npm run workbench\` shows the task pane beside a workbook in which every SALES function
calculates (a development host on http://127.0.0.1:3100/, see README, "Workbench").
`);
}

const children = [];
function run(command, commandArgs, options = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: "inherit", shell: isWindows, ...options });
  children.push(child);
  return child;
}

let sideloaded = false;
function shutdown(code) {
  if (sideloaded) {
    sideloaded = false;
    spawn(npx, ["--yes", "office-addin-debugging", "stop", manifest], { cwd: root, stdio: "inherit", shell: isWindows })
      .on("exit", () => shutdown(code));
    return;
  }
  for (const child of children) if (child.exitCode === null) child.kill("SIGINT");
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

const server = run(process.execPath, [join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"]);
server.on("exit", (code) => shutdown(code ?? 1));

try {
  await waitForServer();
} catch (error) {
  console.error(`npm start: ${error.message}`);
  shutdown(1);
}

const wantDesktop = !args.has("--web") && (args.has("--desktop") || desktopExcelInstalled());
if (wantDesktop) {
  console.log("Sideloading manifest.xml into desktop Excel with office-addin-debugging…");
  const sideload = run(npx, ["--yes", "office-addin-debugging", "start", manifest, "desktop", "--app", "excel", "--no-debug"]);
  sideload.on("exit", (code) => {
    if (code === 0) {
      sideloaded = true;
      console.log("Excel opens with Sales Planner on the Home tab. Press Ctrl+C to stop and remove it.");
    } else {
      console.error("Sideloading into desktop Excel failed; you can still upload manifest.xml by hand:");
      webInstructions();
    }
  });
} else {
  webInstructions();
}
