import { conversionPosterior, expectedLoss, probabilityGreater } from "./bayes.js";
import { fisherExactTwoSided } from "./fisher.js";
import { holmAdjust } from "./holm.js";
import { normalQuantile, twoSidedP } from "./normal.js";
import { revenueDifference, revenueInterval } from "./revenue.js";
import { sampleSizePerArm } from "./sample-size.js";
import { DEFAULT_SEQUENTIAL_HORIZON, mixingRho2, sequentialTest } from "./sequential.js";
import { SRM_THRESHOLD, sampleRatioTest } from "./srm.js";
import { experimentVerdict } from "./verdict.js";
import { newcombeInterval, wilsonInterval } from "./wilson.js";
import type {
  Comparison,
  ExperimentResults,
  SampleSize,
  VariantCounts,
  VariantResult,
} from "../schemas/http/experiments.js";

export type { Comparison, ExperimentResults, VariantCounts, VariantResult };

/**
 * Input of {@link experimentResults}. Each arm (see {@link VariantCounts}): id, optional name, enrolled, converted,
 * optional revenue sum and sum of squared per-customer revenue, optional configured share `weight` (0–1).
 */
export type ExperimentOptions = {
  variants: readonly VariantCounts[];
  /** Arm the others are compared with (default: the first arm that is not the holdout). */
  control?: string;
  /** Significance level: family-wise across comparisons (Holm), and 1 − the interval level (default 0.05). */
  alpha?: number;
  /** Relative lift the experiment should be able to detect, for the sample size (default 0.1 = +10 %). */
  minimumDetectableEffect?: number;
  /** Power for the sample size (default 0.8). */
  power?: number;
  /** Customers (two arms together) at which the always-valid sequence is narrowest; fixes ρ² (default 10,000). */
  sequentialHorizon?: number;
  /** Below this many customers in either arm a comparison is `insufficient_data` (default 30). */
  minSample?: number;
};

const METHOD =
  "Per arm: conversion rate with a Wilson score interval. Each arm against the control: a pooled two-proportion z-test (Fisher's exact test when an expected cell count is below 5) with Newcombe's interval, valid for one look at a planned sample size; the always-valid mixture SPRT (Johari et al.) with its confidence sequence, valid however often the results are checked; both Holm-adjusted across arms. Bayesian probability to beat the control and expected loss from Beta(1 + converted, 1 + enrolled − converted) posteriors, computed exactly. Sample size for the minimum detectable effect (Fleiss), revenue per enrolled with a normal (Welch) interval, sample ratio mismatch by a chi-squared test against the configured shares. The verdict follows the always-valid test.";

const inRange = (v: number | undefined, lo: number, hi: number, fallback: number): number =>
  v !== undefined && Number.isFinite(v) && v > lo && v < hi ? v : fallback;

function clean(v: VariantCounts): VariantCounts {
  const whole = (x: number): number => Math.max(0, Math.floor(Number.isFinite(x) ? x : 0));
  const enrolled = whole(v.enrolled);
  return { ...v, enrolled, converted: Math.min(enrolled, whole(v.converted)) };
}

const displayName = (v: VariantCounts): string =>
  v.name?.trim() || (v.id === "holdout" ? "Holdout" : v.id);

/** The fixed-horizon test of a variant against the control: pooled z when every expected cell is ≥ 5, else Fisher. */
function fixedHorizonTest(v: VariantCounts, c: VariantCounts): { test: "z" | "fisher"; p: number } {
  const n1 = v.enrolled;
  const n0 = c.enrolled;
  if (n1 <= 0 || n0 <= 0) return { test: "fisher", p: 1 };
  const pooled = (v.converted + c.converted) / (n1 + n0);
  const cells = [n1 * pooled, n1 * (1 - pooled), n0 * pooled, n0 * (1 - pooled)];
  if (cells.some((e) => e < 5))
    return {
      test: "fisher",
      p: fisherExactTwoSided(v.converted, n1 - v.converted, c.converted, n0 - c.converted),
    };
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  return { test: "z", p: se > 0 ? twoSidedP((v.converted / n1 - c.converted / n0) / se) : 1 };
}

/**
 * Everything a growth team needs to read an experiment, from per-arm counts (pure; see docs/experiments.md):
 * rates with Wilson intervals; against the control the difference with Newcombe's interval, the fixed-horizon
 * p-value (z or Fisher) and the always-valid p-value with its confidence sequence, both Holm-adjusted across arms;
 * the Bayesian probability to beat the control and expected losses; revenue per enrolled with intervals; the
 * sample size still needed for the minimum detectable effect; a sample ratio mismatch test; and a verdict.
 * Output arms: the control first, then the others in input order.
 */
export function experimentResults(options: ExperimentOptions): ExperimentResults {
  const alpha = inRange(options.alpha, 0, 0.5, 0.05);
  const mde = inRange(options.minimumDetectableEffect, 0, 10, 0.1);
  const power = inRange(options.power, 0, 1, 0.8);
  const horizon = inRange(options.sequentialHorizon, 1, Infinity, DEFAULT_SEQUENTIAL_HORIZON);
  const minSample = options.minSample ?? 30;
  const z = normalQuantile(1 - alpha / 2);
  const rho2 = mixingRho2(alpha, horizon);
  const arms = options.variants.map(clean);
  const control =
    arms.find((v) => v.id === options.control) ?? arms.find((v) => v.id !== "holdout") ?? arms[0];
  const ordered = control ? [control, ...arms.filter((v) => v !== control)] : [];
  const others = ordered.slice(1);
  const m = others.length;

  const raw = others.map((v) => {
    // why: `others` is empty without a control
    const c = control as VariantCounts;
    return {
      fixed: fixedHorizonTest(v, c),
      sequential: sequentialTest(v.converted, v.enrolled, c.converted, c.enrolled, alpha, rho2),
      enough: v.enrolled >= minSample && c.enrolled >= minSample,
    };
  });
  const fixedAdjusted = holmAdjust(raw.map((r) => r.fixed.p));
  const sequentialAdjusted = holmAdjust(raw.map((r) => r.sequential.pValue));
  const controlRate = control && control.enrolled > 0 ? control.converted / control.enrolled : 0;
  const required = sampleSizePerArm(controlRate, mde, alpha / Math.max(1, m), power);

  const comparison = (v: VariantCounts, i: number): Comparison => {
    // why: comparisons exist only for arms other than a found control
    const c = control as VariantCounts;
    const r = raw[i] ?? {
      fixed: { test: "fisher", p: 1 },
      sequential: { pValue: 1, interval: [-1, 1] },
      enough: false,
    };
    const rate = v.enrolled > 0 ? v.converted / v.enrolled : 0;
    const diff = rate - controlRate;
    const alwaysValidAdjustedPValue = sequentialAdjusted[i] ?? 1;
    const sequentialSignificant = r.enough && alwaysValidAdjustedPValue < alpha;
    const adjustedPValue = fixedAdjusted[i] ?? 1;
    const pv = conversionPosterior(v.converted, v.enrolled);
    const pc = conversionPosterior(c.converted, c.enrolled);
    const revenue = revenueDifference(v, c, z);
    return {
      diff,
      diffInterval: newcombeInterval(v.converted, v.enrolled, c.converted, c.enrolled, z),
      relativeLift: controlRate > 0 ? rate / controlRate - 1 : null,
      test: r.fixed.test,
      pValue: r.fixed.p,
      adjustedPValue,
      significant: r.enough && adjustedPValue < alpha,
      alwaysValidPValue: r.sequential.pValue,
      alwaysValidAdjustedPValue,
      confidenceSequence: r.sequential.interval,
      probabilityToBeatControl: probabilityGreater(pc, pv),
      expectedLoss: expectedLoss(pc, pv),
      controlExpectedLoss: expectedLoss(pv, pc),
      revenueDiff: revenue?.diff ?? null,
      revenueDiffInterval: revenue?.interval ?? null,
      requiredPerArm: required,
      status: !r.enough
        ? "insufficient_data"
        : !sequentialSignificant
          ? "not_significant"
          : diff > 0
            ? "better"
            : "worse",
    };
  };

  const variants: VariantResult[] = ordered.map((v, index) => ({
    ...v,
    name: displayName(v),
    rate: v.enrolled > 0 ? v.converted / v.enrolled : 0,
    interval: wilsonInterval(v.converted, v.enrolled, z),
    revenuePerEnrolled: v.revenue !== undefined && v.enrolled > 0 ? v.revenue / v.enrolled : null,
    revenueInterval: revenueInterval(v, z),
    isControl: index === 0,
    vsControl: index === 0 ? null : comparison(v, index - 1),
  }));

  const srm = sampleRatioTest(ordered.map((v) => ({ enrolled: v.enrolled, share: v.weight ?? 0 })));
  const sampleRatio =
    srm && ordered.every((v) => v.weight !== undefined)
      ? { ...srm, mismatch: srm.pValue < SRM_THRESHOLD }
      : null;
  const sampleSize = sampleSizeProgress(ordered, required, mde, power);
  const winner =
    variants.filter((v) => v.vsControl?.status === "better").sort((a, b) => b.rate - a.rate)[0]
      ?.id ?? null;
  return {
    control: control?.id ?? "",
    alpha,
    confidence: 1 - alpha,
    method: METHOD,
    variants,
    winner: sampleRatio?.mismatch ? null : winner,
    sampleRatio,
    sampleSize,
    sequential: { horizon, rho2 },
    verdict: experimentVerdict({
      variants,
      winner,
      sampleRatio,
      sampleSize,
      alpha,
      minSample,
      mde,
    }),
  };
}

/** How far the arms are from `required` customers each, and how many more entrants that takes at the split. */
function sampleSizeProgress(
  arms: readonly VariantCounts[],
  required: number | null,
  mde: number,
  power: number,
): SampleSize {
  const base = { minimumDetectableEffect: mde, power, requiredPerArm: required };
  if (required === null || arms.length < 2)
    return { ...base, progress: null, remainingEntrants: null };
  const smallest = Math.min(...arms.map((a) => a.enrolled));
  const shares = arms.reduce((sum, a) => sum + (a.weight ?? 0), 0);
  const remaining = arms.map((a) => {
    const missing = Math.max(0, required - a.enrolled);
    const share = shares > 0 && (a.weight ?? 0) > 0 ? (a.weight ?? 0) / shares : 1 / arms.length;
    return missing / share;
  });
  return {
    ...base,
    progress: Math.min(1, smallest / required),
    remainingEntrants: Math.ceil(Math.max(...remaining)),
  };
}
