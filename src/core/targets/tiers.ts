import { fail } from "../shared/errors";
import { requireNonNegative } from "../shared/checks";
import { requireRate } from "../shared/rates";
import { inCellRange, toExcelPrecision } from "../shared/rounding";

/** Defaults of TARGET.TIERS: the floor (保底) is 90% of the standard, the challenge (挑战) 120%. */
export const DEFAULT_FLOOR_RATIO = 0.9;
export const DEFAULT_CHALLENGE_RATIO = 1.2;

/** The largest challenge ratio accepted: 10 × the standard. Above it (up to 1000) a percentage was typed. */
export const MAX_CHALLENGE_RATIO = 10;

export interface Tiers {
  readonly floor: number;
  readonly standard: number;
  readonly challenge: number;
}

/**
 * Floor, standard and challenge targets (保底/标准/挑战): standard × floor_ratio, standard,
 * standard × challenge_ratio, each to Excel's 15 digits. floor_ratio is in (0, 1] (90% or 0.9);
 * challenge_ratio is 1 or more (120% or 1.2): 120 reads as a percentage typed without its % sign.
 */
export function targetTiers(standard: number, floorRatio = DEFAULT_FLOOR_RATIO, challengeRatio = DEFAULT_CHALLENGE_RATIO): Tiers {
  requireNonNegative(standard, { arg: "standard" });
  requireFloorRatio(floorRatio);
  requireChallengeRatio(challengeRatio);
  return {
    floor: inCellRange(toExcelPrecision(standard * floorRatio), { arg: "floor_ratio" }),
    standard,
    challenge: inCellRange(toExcelPrecision(standard * challengeRatio), { arg: "challenge_ratio" }),
  };
}

/** floor_ratio in (0, 1] (see {@link requireRate}); the SMART form checks its floor ratio with it too. */
export function requireFloorRatio(floorRatio: number): number {
  return requireRate(floorRatio, { arg: "floor_ratio" });
}

/**
 * challenge_ratio from 1 to {@link MAX_CHALLENGE_RATIO}: below, TOO_SMALL; up to 1000, RATE_AS_PERCENT (120
 * typed for 120%); above, TOO_LARGE. The SMART form checks its challenge ratio with it too.
 */
export function requireChallengeRatio(challengeRatio: number): number {
  if (!(challengeRatio >= 1)) throw fail("TOO_SMALL", { arg: "challenge_ratio", value: challengeRatio, min: 1 });
  if (challengeRatio > MAX_CHALLENGE_RATIO) {
    if (challengeRatio <= 1000) throw fail("RATE_AS_PERCENT", { arg: "challenge_ratio", value: challengeRatio });
    throw fail("TOO_LARGE", { arg: "challenge_ratio", value: challengeRatio, max: MAX_CHALLENGE_RATIO });
  }
  return challengeRatio;
}
