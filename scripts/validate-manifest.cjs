#!/usr/bin/env node
/**
 * npm run validate — offline manifest checks: xmllint well-formedness (Debian package libxml2-utils),
 * then the structural checks of manifest-check.cjs. Usage: node scripts/validate-manifest.cjs [manifest…]
 * Exits 1 on any error. Without xmllint on the machine it says so and fails unless
 * ALLOW_MISSING_XMLLINT=1 (the structural check parses the XML too, so well-formedness is still checked).
 */
const { readFileSync } = require("node:fs");
const { spawnSync } = require("node:child_process");
const { resolve } = require("node:path");
const { checkManifest } = require("./manifest-check.cjs");

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["manifest.xml"];
const assetsDir = resolve(__dirname, "..", "assets");
let failed = false;

const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
const haveXmllint = xmllint.error === undefined;
if (!haveXmllint) {
  const allowed = process.env.ALLOW_MISSING_XMLLINT === "1";
  console.error(`xmllint is not installed (apt-get install -y libxml2-utils)${allowed ? "; continuing" : ""}.`);
  if (!allowed) failed = true;
}

for (const file of files) {
  if (haveXmllint) {
    const lint = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
    if (lint.status !== 0) {
      failed = true;
      console.error(`${file}: xmllint: ${lint.stderr.trim()}`);
      continue;
    }
  }
  const { errors, warnings } = checkManifest(readFileSync(file, "utf8"), { assetsDir });
  for (const warning of warnings) console.warn(`${file}: warning: ${warning}`);
  for (const error of errors) console.error(`${file}: error: ${error}`);
  if (errors.length > 0) failed = true;
  else console.log(`${file}: ok${haveXmllint ? " (xmllint well-formed" : " (well-formed"}, structure checked)`);
}
process.exit(failed ? 1 : 0);
