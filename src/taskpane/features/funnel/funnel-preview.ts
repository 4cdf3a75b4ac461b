/**
 * What the pane shows beside the form while it is filled in: the counts at every stage, the levers ranked,
 * the pyramid — computed by the same core functions the sheet's formulas run, so the preview and the
 * written sheet agree to the digit.
 */
import { funnelLevers, funnelPlan, funnelPyramid, funnelStages } from "../../../core/funnel";
import { dealsNeeded, improvedValues, todayTop, type Lever, type PyramidStep, type StagesStep, type TargetStep } from "./funnel-model";

/** The count at each stage: required (a target) or expected (a known top). */
export function stageCounts(stages: StagesStep, target: TargetStep): number[] {
  return target.kind === "top" ? funnelStages(target.top, stages.rates) : funnelPlan(dealsNeeded(target), stages.rates);
}

export interface RankedLever {
  /** 0: the top count; k: the rate into stage k + 1. */
  readonly index: number;
  readonly deals: number;
  readonly gain: number;
  /** Cost ÷ gain, when a cost was given and the lever gains deals. */
  readonly costPerDeal?: number;
}

/** Every lever's deals and gain, most deals gained first (ties keep the levers' order). */
export function rankedLevers(stages: StagesStep, target: TargetStep, levers: readonly Lever[]): RankedLever[] {
  const top = todayTop(target, stages.rates);
  const results = funnelLevers(top, stages.rates, improvedValues(top, stages.rates, levers));
  return results
    .map((result, index) => {
      const cost = levers[index]?.cost;
      return { index, deals: result.deals, gain: result.gain, ...(cost !== undefined && result.gain > 0 ? { costPerDeal: cost / result.gain } : {}) };
    })
    .sort((a, b) => b.gain - a.gain || a.index - b.index);
}

/** Customers needed per grade, A first. */
export function pyramidCounts(pyramid: PyramidStep): number[] {
  return funnelPyramid(pyramid.revenue, pyramid.order, pyramid.rate);
}
