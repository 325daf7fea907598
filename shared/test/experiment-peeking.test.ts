import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEQUENTIAL_HORIZON,
  mixingRho2,
  prng,
  sequentialTest,
  twoSidedP,
} from "../src/index.js";

const EXPERIMENTS = 500;
const ENTRANTS = 10_000;
const LOOK_EVERY = 200;
const RATE = 0.1;
const ALPHA = 0.05;
const RHO2 = mixingRho2(ALPHA, DEFAULT_SEQUENTIAL_HORIZON);

/**
 * 500 A/A experiments (both arms convert at 10 %, split 50/50), 10,000 entrants each, looked at after every 200
 * entrants (50 looks). A false positive is an experiment declared different at any look. The always-valid test
 * must stay at or below α; the fixed-horizon z-test, peeked at just as often, inflates it.
 */
function simulate(): { alwaysValid: number; naive: number } {
  const random = prng(20261203).next;
  let alwaysValid = 0;
  let naive = 0;
  for (let e = 0; e < EXPERIMENTS; e++) {
    const enrolled = [0, 0];
    const converted = [0, 0];
    let sequentialHit = false;
    let naiveHit = false;
    for (let i = 1; i <= ENTRANTS; i++) {
      const arm = random() < 0.5 ? 0 : 1;
      enrolled[arm] = (enrolled[arm] ?? 0) + 1;
      if (random() < RATE) converted[arm] = (converted[arm] ?? 0) + 1;
      if (i % LOOK_EVERY !== 0) continue;
      // The two tests experimentResults runs for one comparison (its defaults: α = 0.05, horizon 10,000).
      const [n0, n1, k0, k1] = [
        enrolled[0] ?? 0,
        enrolled[1] ?? 0,
        converted[0] ?? 0,
        converted[1] ?? 0,
      ];
      if (sequentialTest(k1, n1, k0, n0, ALPHA, RHO2).pValue < ALPHA) sequentialHit = true;
      const pooled = (k0 + k1) / (n0 + n1);
      const se = Math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
      if (se > 0 && twoSidedP((k1 / n1 - k0 / n0) / se) < ALPHA) naiveHit = true;
    }
    if (sequentialHit) alwaysValid++;
    if (naiveHit) naive++;
  }
  return { alwaysValid: alwaysValid / EXPERIMENTS, naive: naive / EXPERIMENTS };
}

describe("peeking at 500 simulated A/A experiments, a look every 200 entrants", () => {
  it("keeps the always-valid test's false-positive rate at or below 5 % while the naive z-test inflates", () => {
    const rates = simulate();
    console.log(
      `A/A, ${EXPERIMENTS} experiments × ${ENTRANTS / LOOK_EVERY} looks: always-valid false positives ${(rates.alwaysValid * 100).toFixed(1)} %, naive z-test ${(rates.naive * 100).toFixed(1)} %`,
    );
    expect(rates.alwaysValid).toBeLessThanOrEqual(ALPHA);
    expect(rates.naive).toBeGreaterThan(2 * ALPHA);
  });
});
