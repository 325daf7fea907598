/**
 * Always-valid inference for the difference of two conversion rates: the normal-mixture sequential probability
 * ratio test (mSPRT) of Johari, Koomen, Pekelis & Walsh, "Always Valid Inference: Continuous Monitoring of A/B
 * Tests" (Operations Research 2022; Optimizely's Stats Engine), in the asymptotic form of Howard, Ramdas,
 * McAuliffe & Sekhon, "Time-uniform, nonparametric, nonasymptotic confidence sequences" (Ann. Stat. 2021) that
 * GrowthBook's gbstats also uses.
 *
 * With n customers in the two arms, the estimated difference Δ̂ = p̂₁ − p̂₀ and its plug-in (unpooled) variance
 * V = p̂₁(1 − p̂₁)/n₁ + p̂₀(1 − p̂₀)/n₀, the statistic z = Δ̂/√V behaves like a sum of n unit-variance
 * increments scaled by 1/√n. Mixing the likelihood ratio over an effect θ ~ N(0, τ²) gives
 *   Λₙ = (1 + nρ²)^(−1/2) · exp( nρ² z² / (2(1 + nρ²)) ),   ρ² = τ² / (n V),
 * a nonnegative martingale under H₀ (θ = 0), so by Ville's inequality P(∃n: Λₙ ≥ 1/α) ≤ α. Hence
 *   always-valid p-value:  pₙ = min(1, 1/Λₙ)   (a caller that keeps history may report the running minimum),
 *   confidence sequence:   Δ̂ ± √V · √( (1 + nρ²)/(nρ²) · (2 ln(1/α) + ln(1 + nρ²)) ).
 * Both stay valid however often they are looked at: "significant at some look" happens under H₀ at most α of
 * the time, which a fixed-horizon z-test checked daily does not offer.
 *
 * The mixing parameter: ρ² (τ² = ρ²·nV, the prior variance of the effect on the difference scale) is fixed
 * before the data, chosen so that the sequence is narrowest when the two arms together reach `horizon`
 * customers: ρ² = (−2 ln α + ln(1 − 2 ln α)) / horizon (Howard et al., eq. for the optimal ρ at a target time).
 * A smaller horizon detects large effects sooner; a larger one is narrower late. The default horizon is 10,000.
 */

/** The customers (both arms together) at which the confidence sequence is narrowest, unless configured. */
export const DEFAULT_SEQUENTIAL_HORIZON = 10_000;

/** ρ² of the normal mixture, narrowest at `horizon` customers for level α. */
export function mixingRho2(alpha: number, horizon: number): number {
  const l = -2 * Math.log(alpha);
  return (l + Math.log(1 + l)) / Math.max(1, horizon);
}

/** What the mSPRT gives at one look. */
export type SequentialLook = {
  /** Always-valid two-sided p-value, min(1, 1/Λ). */
  pValue: number;
  /** Always-valid (1 − α) confidence sequence for the difference (variant − control), clamped to [−1, 1]. */
  interval: [number, number];
};

/**
 * The always-valid p-value and confidence sequence for p̂₁ − p̂₀ from k₁/n₁ (variant) and k₀/n₀ (control), at
 * level α with mixing parameter ρ² (see {@link mixingRho2}). With no variance yet (both rates 0 or 1, or an empty
 * arm) nothing is known: p = 1 and the interval is [−1, 1].
 */
export function sequentialTest(
  k1: number,
  n1: number,
  k0: number,
  n0: number,
  alpha: number,
  rho2: number,
): SequentialLook {
  if (n1 <= 0 || n0 <= 0) return { pValue: 1, interval: [-1, 1] };
  const p1 = k1 / n1;
  const p0 = k0 / n0;
  const variance = (p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0;
  if (!(variance > 0)) return { pValue: 1, interval: [-1, 1] };
  const diff = p1 - p0;
  const nr = (n1 + n0) * rho2;
  const z2 = (diff * diff) / variance;
  const logLambda = -0.5 * Math.log(1 + nr) + (nr * z2) / (2 * (1 + nr));
  const pValue = Math.min(1, Math.exp(-logLambda));
  const half = Math.sqrt(variance * ((1 + nr) / nr) * (2 * Math.log(1 / alpha) + Math.log(1 + nr)));
  return { pValue, interval: [Math.max(-1, diff - half), Math.min(1, diff + half)] };
}
