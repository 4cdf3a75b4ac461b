import { funnelPlan } from "./funnel-plan";

/**
 * The top-of-funnel count a target needs: `ceil(target / Π rates)`, rounded up once with the 1e-9
 * relative tolerance of {@link ceilCount} — the first stage of {@link funnelPlan}, so the two never
 * disagree.
 *
 * Course example: 100 deals at K 40%, F 50%, C 25% need `funnelTarget(100, [0.4, 0.5, 0.25])` = 2000
 * store visitors (not 2001: 100 / 0.05 carries float noise); 120 deals need 2400.
 *
 * @param target deals wanted at the bottom, > 0
 * @param rates conversion rate of each step, in (0, 1]; at least one
 */
export function funnelTarget(target: number, rates: ArrayLike<number>): number {
  return funnelPlan(target, rates)[0] as number;
}
