import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The production build, made by `npm run build` (the test command builds before running jest). */
export const DIST = resolve(__dirname, "..", "..", "dist");

export function distFile(name: string): string {
  if ((globalThis as { __salesPlannerUnitProject?: boolean }).__salesPlannerUnitProject === true) {
    throw new Error(`dist/${name} read from a unit test: a test that needs the build is named *.built.test.ts (jest project "built").`);
  }
  const file = join(DIST, name);
  if (!existsSync(file)) throw new Error(`dist/${name} is missing: run \`npm run build\` first (npm test does).`);
  return file;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean; repeating?: boolean }[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export function readMetadata(): { functions: FunctionMetadata[] } {
  return JSON.parse(readFileSync(distFile("functions.json"), "utf8")) as { functions: FunctionMetadata[] };
}
