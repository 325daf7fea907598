import { normalQuantile } from "./normal.js";

/**
 * Customers needed in each of two equal arms for a two-sided two-proportion z-test at level α to detect a
 * relative lift `mde` over the control rate with probability `power` (Fleiss, "Statistical Methods for Rates and
 * Proportions", §4.2, without continuity correction):
 *   n = ( z₁₋α/₂ · √(2 p̄(1 − p̄)) + z_power · √(p₀(1 − p₀) + p₁(1 − p₁)) )² / (p₁ − p₀)²,
 * p₁ = p₀(1 + mde), p̄ = (p₀ + p₁)/2. Null when the control rate is 0 or 1 (no baseline yet) or p₁ would reach 1.
 */
export function sampleSizePerArm(
  controlRate: number,
  mde: number,
  alpha: number,
  power: number,
): number | null {
  const p0 = controlRate;
  const p1 = p0 * (1 + mde);
  if (!(p0 > 0 && p0 < 1 && p1 > 0 && p1 < 1 && mde !== 0)) return null;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(power);
  const bar = (p0 + p1) / 2;
  const root = za * Math.sqrt(2 * bar * (1 - bar)) + zb * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1));
  return Math.ceil((root * root) / ((p1 - p0) * (p1 - p0)));
}
