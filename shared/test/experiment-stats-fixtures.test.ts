import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  conversionPosterior,
  expectedLoss,
  fisherExactTwoSided,
  holmAdjust,
  mixingRho2,
  normalQuantile,
  probabilityGreater,
  sampleRatioTest,
  sampleSizePerArm,
  sequentialTest,
  twoSidedP,
  wilsonInterval,
} from "../src/index.js";

/** The reference values scripts/stats-fixtures/generate.py computed with SciPy (committed; CI runs no Python). */
const Pair = z.tuple([z.number(), z.number()]);
const Four = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const Fixtures = z.object({
  alpha: z.number(),
  sequentialHorizon: z.number(),
  zTest: z.array(z.object({ input: Four, pValue: z.number() })),
  fisher: z.array(z.object({ input: Four, pValue: z.number() })),
  wilson: z.array(z.object({ input: Pair, interval: Pair })),
  holm: z.array(z.object({ input: z.array(z.number()), adjusted: z.array(z.number()) })),
  bayes: z.array(
    z.object({ input: Four, probabilityToBeatControl: z.number(), expectedLoss: z.number() }),
  ),
  alwaysValid: z.array(z.object({ input: Four, pValue: z.number(), confidenceSequence: Pair })),
  sampleRatio: z.array(
    z.object({
      input: z.object({ enrolled: z.array(z.number()), shares: z.array(z.number()) }),
      pValue: z.number(),
    }),
  ),
  sampleSize: z.array(z.object({ input: Four, perArm: z.number() })),
});
const fixtures = Fixtures.parse(
  JSON.parse(readFileSync(new URL("./fixtures/experiment-stats.json", import.meta.url), "utf8")),
);
const TOLERANCE = 1e-6;
const close = (actual: number, expected: number): void =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(TOLERANCE);
const z95 = normalQuantile(1 - fixtures.alpha / 2);

describe("experiment statistics equal SciPy's reference values to 1e-6", () => {
  it("pooled two-proportion z-test p-values", () => {
    for (const {
      input: [k1, n1, k0, n0],
      pValue,
    } of fixtures.zTest) {
      const pooled = (k1 + k0) / (n1 + n0);
      const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
      close(twoSidedP((k1 / n1 - k0 / n0) / se), pValue);
    }
  });

  it("Fisher's exact test, two-sided", () => {
    for (const {
      input: [a, b, c, d],
      pValue,
    } of fixtures.fisher)
      close(fisherExactTwoSided(a, b, c, d), pValue);
  });

  it("Wilson score intervals", () => {
    for (const {
      input: [k, n],
      interval,
    } of fixtures.wilson) {
      const [lo, hi] = wilsonInterval(k, n, z95);
      close(lo, interval[0]);
      close(hi, interval[1]);
    }
  });

  it("Holm–Bonferroni adjusted p-values", () => {
    for (const { input, adjusted } of fixtures.holm)
      holmAdjust(input).forEach((p, i) => close(p, adjusted[i] ?? Number.NaN));
  });

  it("Beta posterior probability to beat the control and expected loss (vs numerical integration)", () => {
    for (const {
      input: [k1, n1, k0, n0],
      probabilityToBeatControl,
      expectedLoss: loss,
    } of fixtures.bayes) {
      const variant = conversionPosterior(k1, n1);
      const control = conversionPosterior(k0, n0);
      close(probabilityGreater(control, variant), probabilityToBeatControl);
      close(expectedLoss(control, variant), loss);
    }
  });

  it("always-valid p-value and confidence sequence (vs the mixture integrated numerically)", () => {
    const rho2 = mixingRho2(fixtures.alpha, fixtures.sequentialHorizon);
    for (const {
      input: [k1, n1, k0, n0],
      pValue,
      confidenceSequence,
    } of fixtures.alwaysValid) {
      const look = sequentialTest(k1, n1, k0, n0, fixtures.alpha, rho2);
      close(look.pValue, pValue);
      close(look.interval[0], confidenceSequence[0]);
      close(look.interval[1], confidenceSequence[1]);
    }
  });

  it("chi-squared sample ratio test", () => {
    for (const { input, pValue } of fixtures.sampleRatio) {
      const arms = input.enrolled.map((enrolled, i) => ({ enrolled, share: input.shares[i] ?? 0 }));
      close(sampleRatioTest(arms)?.pValue ?? Number.NaN, pValue);
    }
  });

  it("sample size per arm for a relative minimum detectable effect", () => {
    for (const {
      input: [p0, mde, alpha, power],
      perArm,
    } of fixtures.sampleSize)
      expect(sampleSizePerArm(p0, mde, alpha, power)).toBe(perArm);
  });
});
