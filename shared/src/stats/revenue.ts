/**
 * Revenue per enrolled customer. Input per arm: the revenue sum S and the sum of squares Q of each customer's
 * revenue (a customer who did not convert contributes 0 to both, so Q is the sum of squared per-converter
 * revenue when a converter converts once). Mean S/n, sample variance (Q − S²/n)/(n − 1), normal interval
 * mean ± z·√(variance/n); a difference uses the unequal-variance (Welch) standard error.
 */
export type RevenueSums = { enrolled: number; revenue?: number; revenueSquares?: number };

/** Mean and variance of the mean, or null without revenue sums (or with fewer than two customers). */
function meanAndVariance(arm: RevenueSums): { mean: number; varianceOfMean: number } | null {
  const n = arm.enrolled;
  if (arm.revenue === undefined || arm.revenueSquares === undefined || n < 2) return null;
  const mean = arm.revenue / n;
  const variance = Math.max(0, (arm.revenueSquares - (arm.revenue * arm.revenue) / n) / (n - 1));
  return { mean, varianceOfMean: variance / n };
}

/** The (1 − α) interval of revenue per enrolled customer; null without a sum of squares. */
export function revenueInterval(arm: RevenueSums, z: number): [number, number] | null {
  const m = meanAndVariance(arm);
  if (!m) return null;
  const half = z * Math.sqrt(m.varianceOfMean);
  return [m.mean - half, m.mean + half];
}

/** Revenue per enrolled, variant − control, with its (1 − α) Welch interval; null without sums of squares. */
export function revenueDifference(
  variant: RevenueSums,
  control: RevenueSums,
  z: number,
): { diff: number; interval: [number, number] } | null {
  const a = meanAndVariance(variant);
  const b = meanAndVariance(control);
  if (!a || !b) return null;
  const diff = a.mean - b.mean;
  const half = z * Math.sqrt(a.varianceOfMean + b.varianceOfMean);
  return { diff, interval: [diff - half, diff + half] };
}
