/**
 * Holm–Bonferroni adjusted p-values, in the order given: sort ascending, adjusted₍ᵢ₎ = max over j ≤ i of
 * min(1, (m − j) · p₍ⱼ₎) (ranks from 0). Rejecting where adjusted < α controls the family-wise error at α.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
