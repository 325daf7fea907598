import { logBeta } from "./special.js";
import { normalCdf } from "./normal.js";

/** A Beta(alpha, beta) posterior of a conversion rate. */
export type BetaPosterior = { alpha: number; beta: number };

/** The posterior of k conversions out of n under a flat Beta(1, 1) prior: Beta(1 + k, 1 + n − k). */
export function conversionPosterior(converted: number, enrolled: number): BetaPosterior {
  return { alpha: 1 + converted, beta: 1 + enrolled - converted };
}

/** Above this many terms the exact sum gives way to a normal approximation of both posteriors (error < 1e-4). */
const EXACT_TERMS_LIMIT = 200_000;

/**
 * P(Y > X) for independent X ~ x and Y ~ y, exactly, by the closed-form sum for an integer `y.alpha`
 * (E. Miller, "Formulas for Bayesian A/B testing"):
 *   Σ_{i=0}^{αy−1} B(αx + i, βx + βy) / ((βy + i) · B(1 + i, βy) · B(αx, βx)).
 * The sum runs over the smaller of the two alphas (P(Y > X) = 1 − P(X > Y); ties have probability 0).
 */
export function probabilityGreater(x: BetaPosterior, y: BetaPosterior): number {
  if (x.alpha < y.alpha) return 1 - probabilityGreater(y, x);
  const terms = y.alpha;
  if (terms > EXACT_TERMS_LIMIT) return normalApproximation(x, y);
  // term₀ = B(αx, βx + βy) / (βy · B(1, βy) · B(αx, βx)); each next term by the ratio of consecutive terms,
  // (αx + i)/(αx + βx + βy + i) · (βy + i)/(1 + i), in logs so that neither underflows.
  let logTerm = logBeta(x.alpha, x.beta + y.beta) - logBeta(x.alpha, x.beta);
  let sum = 0;
  for (let i = 0; i < terms; i++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log(
      ((x.alpha + i) * (y.beta + i)) / ((x.alpha + x.beta + y.beta + i) * (1 + i)),
    );
  }
  return Math.min(1, Math.max(0, sum));
}

function normalApproximation(x: BetaPosterior, y: BetaPosterior): number {
  const moments = (d: BetaPosterior): [number, number] => {
    const s = d.alpha + d.beta;
    return [d.alpha / s, (d.alpha * d.beta) / (s * s * (s + 1))];
  };
  const [mx, vx] = moments(x);
  const [my, vy] = moments(y);
  return normalCdf((my - mx) / Math.sqrt(vx + vy));
}

/**
 * E[max(X − Y, 0)]: the conversion rate given up, on average, by choosing Y when X may be better
 * (C. Stucchio, "Bayesian A/B testing at VWO", exact through {@link probabilityGreater}):
 *   E[X; X > Y] − E[Y; X > Y] = mean(X)·P(X⁺ > Y) − mean(Y)·P(X > Y⁺), where ⁺ adds one to alpha.
 */
export function expectedLoss(x: BetaPosterior, y: BetaPosterior): number {
  const mean = (d: BetaPosterior): number => d.alpha / (d.alpha + d.beta);
  const up = (d: BetaPosterior): BetaPosterior => ({ alpha: d.alpha + 1, beta: d.beta });
  const loss = mean(x) * probabilityGreater(y, up(x)) - mean(y) * probabilityGreater(up(y), x);
  return Math.max(0, loss);
}
