import fc from "fast-check";
import { Args } from "./plausible";
import { cell, EXTREME_NUMBERS, hostileCell, mapNumbers, Range } from "./values";

/**
 * The hostile half: plausible arguments with one to three of them broken the way sheets break them —
 * blanks, text, error cells, numbers at the edges of a double (1e308, 5e-324, −0) or far beyond any
 * sensible count (levels 1e9, a horizon of 1e7), ragged, empty and 1×1 ranges, a block where a list is
 * expected, very long lists, omitted optionals. The rest of the arguments stay plausible, so that the
 * broken one reaches the code behind the first check.
 */

/** How to break one argument; the values are drawn up front so a seed replays it exactly. */
export type Breakage =
  | { readonly kind: "replace"; readonly value: unknown }
  | { readonly kind: "one-cell"; readonly value: unknown }
  | { readonly kind: "cells"; readonly at: readonly number[]; readonly values: readonly unknown[] }
  | { readonly kind: "extreme"; readonly value: number; readonly everywhere: boolean; readonly at: number }
  | { readonly kind: "scale"; readonly factor: number }
  | { readonly kind: "shape"; readonly shape: "empty" | "empty-row" | "ragged" | "transpose" | "block" | "long" }
  | { readonly kind: "omit" };

const scaleFactors = [1e300, 1e-300, -1, 1e9, 1e-9, 1e154];

export const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  { weight: 3, arbitrary: hostileCell.map((value) => ({ kind: "replace" as const, value })) },
  { weight: 1, arbitrary: hostileCell.map((value) => ({ kind: "one-cell" as const, value })) },
  {
    weight: 3,
    arbitrary: fc.record({ at: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), values: fc.array(hostileCell, { minLength: 3, maxLength: 3 }) }).map((r) => ({ kind: "cells" as const, ...r })),
  },
  {
    weight: 3,
    arbitrary: fc.record({ value: fc.constantFrom(...EXTREME_NUMBERS), everywhere: fc.boolean(), at: fc.nat() }).map((r) => ({ kind: "extreme" as const, ...r })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...scaleFactors).map((factor) => ({ kind: "scale" as const, factor })) },
  { weight: 2, arbitrary: fc.constantFrom("empty", "empty-row", "ragged", "transpose", "block", "long").map((shape) => ({ kind: "shape" as const, shape })) },
  { weight: 1, arbitrary: fc.constant({ kind: "omit" as const }) },
);

/** Up to three (parameter position, breakage) pairs; positions are taken modulo the number of parameters. */
export const breakages: fc.Arbitrary<ReadonlyArray<readonly [number, Breakage]>> = fc.array(fc.tuple(fc.nat(), breakage), { minLength: 1, maxLength: 3 });

/** The arguments with the breakages applied (a new object; the plausible arguments are not touched). */
export function breakArgs(args: Args, parameters: readonly string[], broken: ReadonlyArray<readonly [number, Breakage]>): Args {
  const out: Record<string, unknown> = { ...args };
  for (const [position, how] of broken) {
    const name = parameters[position % parameters.length] as string;
    out[name] = breakValue(out[name], how);
  }
  return out;
}

function breakValue(value: unknown, how: Breakage): unknown {
  const range = Array.isArray(value) ? (value as Range) : undefined;
  switch (how.kind) {
    case "replace":
      return how.value;
    case "one-cell":
      return cell(how.value);
    case "omit":
      return null;
    case "cells": {
      if (range === undefined) return how.values[0];
      const cells = range.flat().length;
      if (cells === 0) return [[how.values[0]]];
      const targets = new Map(how.at.map((k, i) => [k % cells, how.values[i]]));
      let k = 0;
      return range.map((row) =>
        row.map((v) => {
          const i = k++;
          return targets.has(i) ? targets.get(i) : v;
        }),
      );
    }
    case "extreme": {
      if (range === undefined) return how.value;
      if (how.everywhere) return mapNumbers(range, () => how.value);
      const target = how.at % Math.max(range.flat().length, 1);
      let k = 0;
      return range.map((row) => row.map((v) => (k++ === target ? how.value : v)));
    }
    case "scale":
      if (range === undefined) return typeof value === "number" ? scaled(value, how.factor) : value;
      return mapNumbers(range, (x) => scaled(x, how.factor));
    case "shape":
      return reshape(value, range, how.shape);
  }
}

/** x × factor, kept to a finite number as a cell can hold (Excel never passes ±Infinity). */
function scaled(x: number, factor: number): number {
  const y = x * factor;
  return Number.isFinite(y) ? y : Math.sign(y) * Number.MAX_VALUE;
}

function reshape(value: unknown, range: Range | undefined, shape: "empty" | "empty-row" | "ragged" | "transpose" | "block" | "long"): unknown {
  const rows: Range = range ?? [[value]];
  switch (shape) {
    case "empty":
      return [];
    case "empty-row":
      return [[]];
    case "ragged":
      return rows.map((row, r) => (r % 2 === 1 ? row.slice(0, Math.max(0, row.length - 1)) : [...row, row[0] ?? null]));
    case "transpose": {
      const width = Math.max(0, ...rows.map((row) => row.length));
      return Array.from({ length: width }, (_, c) => rows.map((row) => row[c] ?? null));
    }
    case "block":
      return rows.map((row) => [...row, ...row]).concat(rows.map((row) => [...row, ...row]));
    case "long": {
      // A long list (thousands of cells), for time: the same cells repeated along the list.
      if (rows.length === 1 && (rows[0] as unknown[]).length > 1) {
        const row = rows[0] as unknown[];
        return [Array.from({ length: 3000 }, (_, i) => row[i % row.length])];
      }
      const out: Range = [];
      while (out.length < 3000 && rows.length > 0) out.push(...rows.map((row) => [...row]));
      return out;
    }
  }
}
