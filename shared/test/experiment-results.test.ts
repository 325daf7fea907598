import { describe, expect, it } from "vitest";
import {
  DEFAULT_SEQUENTIAL_HORIZON,
  ExperimentResults,
  experimentArms,
  experimentResults,
  mixingRho2,
  sequentialTest,
} from "../src/index.js";

const half = { weight: 0.5 };

describe("experimentResults", () => {
  it("compares with the first variant by default and keeps the one-look test apart from the always-valid one (20 % vs 25 % of 1,000)", () => {
    const r = experimentResults({
      variants: [
        { id: "a", name: "Plain subject", enrolled: 1000, converted: 200, ...half },
        { id: "b", name: "Emoji subject", enrolled: 1000, converted: 250, ...half },
      ],
    });
    expect(ExperimentResults.parse(r)).toEqual(r);
    const b = r.variants[1]?.vsControl;
    expect(r.control).toBe("a");
    expect(b?.test).toBe("z");
    expect(b?.pValue).toBeCloseTo(0.00742, 4);
    expect(b?.relativeLift).toBeCloseTo(0.25, 10);
    expect(b?.probabilityToBeatControl).toBeGreaterThan(0.99);
    expect(b?.expectedLoss).toBeLessThan(b?.controlExpectedLoss ?? 0);
    // 1,000 per arm is early for the always-valid test: the one-look test says yes, the peeking-proof one not yet.
    expect(b?.significant).toBe(true);
    expect(b?.alwaysValidPValue).toBeGreaterThan(0.05);
    expect(b?.status).toBe("not_significant");
    expect(r.verdict.kind).toBe("no_difference_yet");
    expect(r.verdict.caveats.join(" ")).toMatch(
      /one-time test would already call Emoji subject different/,
    );
  });

  it("says 'B beats A' once the always-valid test is convinced (10 % vs 12 % of 10,000 each)", () => {
    const r = experimentResults({
      variants: [
        { id: "a", name: "A", enrolled: 10_000, converted: 1000, ...half },
        { id: "b", name: "B", enrolled: 10_000, converted: 1210, ...half },
      ],
    });
    expect(r.winner).toBe("b");
    expect(r.verdict.kind).toBe("variant_wins");
    expect(r.verdict.headline).toMatch(/^B beats A: \+21 % conversions/);
    const look = sequentialTest(
      1210,
      10_000,
      1000,
      10_000,
      0.05,
      mixingRho2(0.05, DEFAULT_SEQUENTIAL_HORIZON),
    );
    expect(r.variants[1]?.vsControl?.alwaysValidPValue).toBe(look.pValue);
    expect(r.variants[1]?.vsControl?.confidenceSequence).toEqual(look.interval);
    expect(look.interval[0]).toBeGreaterThan(0);
    expect(r.sampleRatio?.mismatch).toBe(false);
  });

  it("reports the control winning when every other arm converts worse", () => {
    const r = experimentResults({
      variants: [
        { id: "a", enrolled: 10_000, converted: 1300 },
        { id: "b", enrolled: 10_000, converted: 1000 },
      ],
    });
    expect(r.variants[1]?.vsControl?.status).toBe("worse");
    expect(r.verdict.kind).toBe("control_wins");
    expect(r.winner).toBeNull();
  });

  it("flags a sample ratio mismatch against the configured weights and withholds the winner", () => {
    const r = experimentResults({
      variants: [
        { id: "a", enrolled: 10_000, converted: 1000, ...half },
        { id: "b", enrolled: 8_000, converted: 1200, ...half },
      ],
    });
    expect(r.sampleRatio?.mismatch).toBe(true);
    expect(r.winner).toBeNull();
    expect(r.verdict.kind).toBe("sample_ratio_mismatch");
    expect(r.verdict.caveats[0]).toMatch(/Expected a 50 % \/ b 50 %, got a 56 % \/ b 44 %/);
  });

  it("is too early with fewer than 30 customers in an arm and never calls a winner there", () => {
    const r = experimentResults({
      variants: [
        { id: "a", enrolled: 5, converted: 0 },
        { id: "b", enrolled: 5, converted: 5 },
      ],
    });
    expect(r.variants[1]?.vsControl?.status).toBe("insufficient_data");
    expect(r.winner).toBeNull();
    expect(r.verdict.kind).toBe("too_early");
    expect(r.verdict.headline).toMatch(/at least 30 customers/);
  });

  it("uses Fisher's exact test for small counts and says so in the caveats", () => {
    const r = experimentResults({
      variants: [
        { id: "a", enrolled: 40, converted: 1 },
        { id: "b", enrolled: 40, converted: 6 },
      ],
    });
    expect(r.variants[1]?.vsControl?.test).toBe("fisher");
    expect(r.verdict.caveats.join(" ")).toMatch(/exact test for small numbers/);
  });

  it("adjusts both tests across several variants (Holm–Bonferroni)", () => {
    const r = experimentResults({
      variants: [
        { id: "control", enrolled: 20_000, converted: 2000 },
        { id: "b", enrolled: 20_000, converted: 2100 },
        { id: "c", enrolled: 20_000, converted: 2010 },
        { id: "d", enrolled: 20_000, converted: 2500 },
      ],
    });
    const byId = Object.fromEntries(r.variants.map((v) => [v.id, v.vsControl]));
    for (const id of ["b", "c", "d"]) {
      expect(byId[id]?.adjustedPValue).toBeGreaterThanOrEqual(byId[id]?.pValue ?? 1);
      expect(byId[id]?.alwaysValidAdjustedPValue).toBeGreaterThanOrEqual(
        byId[id]?.alwaysValidPValue ?? 1,
      );
    }
    expect(byId.d?.alwaysValidAdjustedPValue).toBeCloseTo(
      Math.min(1, 3 * (byId.d?.alwaysValidPValue ?? 1)),
      12,
    );
    expect(byId.d?.status).toBe("better");
    expect(byId.c?.status).toBe("not_significant");
    expect(r.winner).toBe("d");
  });

  it("computes the sample size still needed for the minimum detectable effect at the split", () => {
    const r = experimentResults({
      variants: [
        { id: "a", enrolled: 5000, converted: 500, weight: 0.45 },
        { id: "b", enrolled: 5000, converted: 510, weight: 0.45 },
        { id: "holdout", enrolled: 1000, converted: 95, weight: 0.1 },
      ],
      minimumDetectableEffect: 0.2,
    });
    // Fleiss at p₀ = 10 %, +20 %, α/2 (two comparisons), 80 % power: 4,652 per arm (as generate.py's sample_size gives).
    expect(r.sampleSize.requiredPerArm).toBe(4652);
    expect(r.sampleSize.progress).toBeCloseTo(1000 / 4652, 10);
    expect(r.sampleSize.remainingEntrants).toBe(Math.ceil((4652 - 1000) / 0.1));
    expect(r.verdict.caveats.join(" ")).toMatch(/About 36,520 more customers .* 20 % lift/);
  });

  it("gives revenue per enrolled with intervals when sums of squares are counted", () => {
    // a: 100 customers, 10 converted at 50 each; b: 100 customers, 20 converted at 50 each.
    const r = experimentResults({
      variants: [
        { id: "a", enrolled: 100, converted: 10, revenue: 500, revenueSquares: 25_000 },
        { id: "b", enrolled: 100, converted: 20, revenue: 1000, revenueSquares: 50_000 },
      ],
    });
    const [a, b] = r.variants;
    expect(a?.revenuePerEnrolled).toBe(5);
    const sd = Math.sqrt((25_000 - 500 ** 2 / 100) / 99);
    const z = 1.959963984540054;
    expect(a?.revenueInterval?.[0]).toBeCloseTo(5 - (z * sd) / 10, 9);
    expect(b?.vsControl?.revenueDiff).toBe(5);
    expect(b?.vsControl?.revenueDiffInterval?.[0]).toBeLessThan(5);
  });

  it("puts the control first, even when it is configured as a later arm", () => {
    const r = experimentResults({
      variants: [
        { id: "b", enrolled: 100, converted: 10 },
        { id: "a", enrolled: 100, converted: 12 },
      ],
      control: "a",
    });
    expect(r.variants.map((v) => [v.id, v.isControl])).toEqual([
      ["a", true],
      ["b", false],
    ]);
  });

  it("cleans impossible counts instead of producing NaN", () => {
    const r = experimentResults({
      variants: [
        { id: "a", enrolled: -3, converted: 7 },
        { id: "b", enrolled: Number.NaN, converted: 2 },
      ],
    });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    expect(ExperimentResults.safeParse(r).success).toBe(true);
  });
});

describe("experimentArms feeds names and configured shares", () => {
  it("scales variant weights by the non-held-out share and names arms", () => {
    const arms = experimentArms(
      {
        variants: [
          { id: "a", name: "Plain", weight: 50 },
          { id: "b", weight: 50 },
        ],
        holdout: 10,
      },
      { ports: { a: 45, b: 44, holdout: 11 }, portConversions: { a: 5 } },
    );
    expect(arms.map((a) => [a.id, a.name, a.weight])).toEqual([
      ["a", "Plain", 0.45],
      ["b", undefined, 0.45],
      ["holdout", undefined, 0.1],
    ]);
  });

  it("never lists a 0 % holdout that nobody entered", () => {
    const arms = experimentArms(
      {
        variants: [
          { id: "a", weight: 50 },
          { id: "b", weight: 50 },
        ],
        holdout: 0,
      },
      { ports: { a: 3, b: 4, holdout: 0 } },
    );
    expect(arms.map((a) => a.id)).toEqual(["a", "b"]);
  });
});
