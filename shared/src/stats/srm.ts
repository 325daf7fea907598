import { chiSquaredSurvival } from "./special.js";

/** Below this p-value the split is reported as a sample ratio mismatch (the threshold GrowthBook and others use). */
export const SRM_THRESHOLD = 0.001;

/** A chi-squared goodness-of-fit test of the arms' enrolments against their configured shares. */
export type SampleRatioTest = {
  chiSquared: number | null;
  degreesOfFreedom: number;
  pValue: number;
};

/**
 * Pearson's χ² = Σ (observed − expected)² / expected over the arms with a positive share, expected = total ·
 * share / Σ shares, k − 1 degrees of freedom. An arm with no share that still enrolled customers is a mismatch
 * outright (p = 0, χ² null). Null with fewer than two arms with a share, or nobody enrolled.
 */
export function sampleRatioTest(
  arms: readonly { enrolled: number; share: number }[],
): SampleRatioTest | null {
  const weighted = arms.filter((a) => a.share > 0);
  const total = arms.reduce((sum, a) => sum + a.enrolled, 0);
  if (weighted.length < 2 || total <= 0) return null;
  const degreesOfFreedom = weighted.length - 1;
  if (arms.some((a) => a.share <= 0 && a.enrolled > 0))
    return { chiSquared: null, degreesOfFreedom, pValue: 0 };
  const shares = weighted.reduce((sum, a) => sum + a.share, 0);
  const chiSquared = weighted.reduce((sum, a) => {
    const expected = (total * a.share) / shares;
    return sum + (a.enrolled - expected) ** 2 / expected;
  }, 0);
  return { chiSquared, degreesOfFreedom, pValue: chiSquaredSurvival(chiSquared, degreesOfFreedom) };
}
