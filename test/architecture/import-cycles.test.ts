import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * No module of src/ imports itself through others. A cycle makes the load order decide which module sees
 * the other half-initialised, and ties modules that should stand alone (a page importing the pages table
 * that imports the page). Type-only imports count too: they are how such ties start.
 */

const SRC = resolve(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Relative specifiers a module imports or re-exports, statically or with import(). */
export function importedSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/\b(?:import|export)\s[^"';]*?\sfrom\s*["'](\.[^"']+)["']/g, /\bimport\s*["'](\.[^"']+)["']/g, /\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?["'](\.[^"']+)["']\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")].find((file) => existsSync(file) && statSync(file).isFile());
}

/** The import cycles of a graph (file → imported files), each as a list of files; none when acyclic. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components: a component of two or more modules, or a module importing
  // itself, is a cycle.
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("imports in src/", () => {
  it("form no cycle", () => {
    const graph = new Map<string, string[]>();
    const unresolved: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const targets: string[] = [];
      for (const specifier of importedSpecifiers(readFileSync(file, "utf8"))) {
        const target = resolveModule(file, specifier);
        if (target === undefined) unresolved.push(`${relative(SRC, file)} → ${specifier}`);
        else targets.push(target);
      }
      graph.set(file, targets);
    }
    expect(unresolved).toEqual([]);
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph).map((component) => component.map((file) => relative(SRC, file)))).toEqual([]);
  });

  it("would notice: a page importing the pages table that imports it, and a module importing itself", () => {
    const graph = new Map([
      ["App.tsx", ["pages.ts"]],
      ["pages.ts", ["SmartPage.tsx", "page-props.ts"]],
      ["SmartPage.tsx", ["pages.ts"]],
      ["page-props.ts", []],
      ["self.ts", ["self.ts"]],
    ]);
    expect(cycles(graph)).toEqual([["SmartPage.tsx", "pages.ts"], ["self.ts"]]);
    expect(cycles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });

  it("reads every kind of import: static, type-only, re-exports, side effects and import()", () => {
    const source = [
      `import { a } from "./a";`,
      `import type { B } from "../b";`,
      `export { c } from "./c";`,
      `export * from "./d";`,
      `import "./e";`,
      `const f = () => import(/* webpackChunkName: "f" */ "./f");`,
      `import {\n  g,\n  h,\n} from "./g";`,
      `import { z } from "zod";`,
    ].join("\n");
    expect(importedSpecifiers(source).sort()).toEqual(["../b", "./a", "./c", "./d", "./e", "./f", "./g"]);
  });
});
