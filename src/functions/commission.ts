/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]; the metadata generator needs the type written out. */
import * as commission from "../core/commission";
import { run } from "./shared/edge";
import { optionOf } from "./shared/options";
import { columnsOf, List, numberOf, numbersOf, parallelLists } from "./shared/ranges";

/**
 * Tiered commission (阶梯提成) on an amount. "marginal": each slice at its own tier's rate; "flat": the whole amount at the rate of the tier reached. Returns the commission in your currency; 0 below the first tier.
 * @customfunction COMMISSION.TIERED
 * @param amount Sales (or margin) the commission is paid on, in your currency. Below the first tier, or negative, it earns 0.
 * @param tiers Two columns: the lower bound of each tier (in your currency, 0 or more, rising) and its rate (5% or 0.05).
 * @param [mode] "marginal" (default: each slice at its own rate) or "flat" (the whole amount at the rate of the tier reached).
 * @returns The commission, in your currency.
 */
export function commissionTiered(amount: number, tiers: any[][], mode?: string): number {
  return run(() => {
    const [bounds, rates] = parallelLists(columnsOf("tiers", tiers, 2)).lists as [List, List];
    const how = optionOf("mode", mode, commission.COMMISSION_MODES, "marginal");
    return commission.commissionTiered(numberOf("amount", amount), { bounds: numbersOf(bounds), rates: numbersOf(rates) }, how);
  });
}
