import { z } from "zod";

const Interval = z.tuple([z.number(), z.number()]);

/** An arm's raw numbers: what `experimentArms` reads from a split node's counters and `experimentResults` takes. */
export const VariantCounts = z.object({
  id: z.string().describe("Port id of the arm ('holdout' for the held-out share)."),
  name: z
    .string()
    .optional()
    .describe("The variant's name as configured; the id when it has none."),
  enrolled: z.number().describe("Customers assigned to the arm."),
  converted: z.number().describe("Of those, customers who reached the goal within their window."),
  revenue: z.number().optional().describe("Sum of the converters' revenue."),
  revenueSquares: z
    .number()
    .optional()
    .describe(
      "Sum of each customer's revenue squared (for the revenue interval; customers without revenue add 0).",
    ),
  weight: z
    .number()
    .optional()
    .describe(
      "Configured share of the node's entrants, 0–1 (variants' weights times the non-held-out share).",
    ),
});
/** An arm's raw numbers. */
export type VariantCounts = z.infer<typeof VariantCounts>;

/** A variant compared with the control. */
export const Comparison = z.object({
  diff: z.number().describe("Absolute difference in conversion rate (variant − control)."),
  diffInterval: Interval.describe(
    "Newcombe hybrid score interval of the difference at 1 − alpha (fixed horizon, not multiplicity-adjusted).",
  ),
  relativeLift: z
    .number()
    .nullable()
    .describe("Variant rate / control rate − 1; null when the control rate is 0."),
  test: z
    .enum(["z", "fisher"])
    .describe("Fixed-horizon test used: pooled z, or Fisher's exact for small counts."),
  pValue: z
    .number()
    .describe("Two-sided fixed-horizon p-value (valid for one look at a planned sample size)."),
  adjustedPValue: z
    .number()
    .describe("The fixed-horizon p-value after Holm–Bonferroni across the comparisons."),
  significant: z.boolean().describe("Fixed-horizon: enough customers and adjustedPValue < alpha."),
  alwaysValidPValue: z
    .number()
    .describe(
      "Always-valid two-sided p-value of the mixture SPRT: valid however often the results are looked at.",
    ),
  alwaysValidAdjustedPValue: z
    .number()
    .describe(
      "The always-valid p-value after Holm–Bonferroni across the comparisons; the verdict uses this.",
    ),
  confidenceSequence: Interval.describe(
    "Always-valid confidence sequence of the difference at 1 − alpha (not multiplicity-adjusted).",
  ),
  probabilityToBeatControl: z
    .number()
    .describe(
      "Bayesian P(variant rate > control rate) under Beta(1 + converted, 1 + enrolled − converted) posteriors.",
    ),
  expectedLoss: z
    .number()
    .describe(
      "Bayesian expected conversion rate given up by choosing this variant: E[max(control − variant, 0)].",
    ),
  controlExpectedLoss: z
    .number()
    .describe(
      "Bayesian expected conversion rate given up by keeping the control: E[max(variant − control, 0)].",
    ),
  revenueDiff: z
    .number()
    .nullable()
    .describe("Revenue per enrolled, variant − control; null without revenue sums."),
  revenueDiffInterval: Interval.nullable().describe("Welch interval of revenueDiff at 1 − alpha."),
  requiredPerArm: z
    .number()
    .nullable()
    .describe(
      "Customers each arm needs to detect the minimum detectable effect at the chosen power (Bonferroni α/m).",
    ),
  status: z
    .enum(["insufficient_data", "not_significant", "better", "worse"])
    .describe(
      "Always-valid judgement: too few customers, no detectable difference yet, or better/worse.",
    ),
});
/** A comparison with the control. */
export type Comparison = z.infer<typeof Comparison>;

/** One arm's results. */
export const VariantResult = VariantCounts.extend({
  name: z
    .string()
    .describe("Display name: the configured name, else the id ('Holdout' for the holdout)."),
  rate: z.number().describe("converted / enrolled (0 with nobody enrolled)."),
  interval: Interval.describe("Wilson score interval of the rate at 1 − alpha."),
  revenuePerEnrolled: z
    .number()
    .nullable()
    .describe("revenue / enrolled; null without revenue or customers."),
  revenueInterval: Interval.nullable().describe(
    "Normal interval of revenue per enrolled; null without revenueSquares.",
  ),
  isControl: z.boolean(),
  vsControl: Comparison.nullable().describe(
    "This arm against the control; null for the control itself.",
  ),
});
/** One arm's results. */
export type VariantResult = z.infer<typeof VariantResult>;

/** The split against the configured shares. */
export const SampleRatio = z.object({
  chiSquared: z
    .number()
    .nullable()
    .describe("Pearson χ²; null when an arm without a share enrolled customers."),
  degreesOfFreedom: z.number(),
  pValue: z.number(),
  mismatch: z
    .boolean()
    .describe("pValue < 0.001: the split is off its weights, so the comparison is suspect."),
});
/** The sample ratio test. */
export type SampleRatio = z.infer<typeof SampleRatio>;

/** Progress towards the sample size a fixed-horizon test needs for the minimum detectable effect. */
export const SampleSize = z.object({
  minimumDetectableEffect: z
    .number()
    .describe("Relative lift to detect (0.1 = +10 % over the control rate)."),
  power: z.number(),
  requiredPerArm: z
    .number()
    .nullable()
    .describe("Largest requirement across comparisons; null with no baseline."),
  progress: z
    .number()
    .nullable()
    .describe("0–1: the smallest compared arm's enrolments over requiredPerArm."),
  remainingEntrants: z
    .number()
    .nullable()
    .describe(
      "More customers entering the node, at the configured split, until every arm has requiredPerArm.",
    ),
});
/** Sample size progress. */
export type SampleSize = z.infer<typeof SampleSize>;

/** The plain-language reading of the results. */
export const Verdict = z.object({
  kind: z.enum([
    "too_early",
    "no_difference_yet",
    "variant_wins",
    "control_wins",
    "sample_ratio_mismatch",
  ]),
  headline: z.string().describe("One sentence for a marketer, with variant names."),
  caveats: z.array(z.string()).describe("What to keep in mind reading the figures."),
});
/** The verdict. */
export type Verdict = z.infer<typeof Verdict>;

/** What `experimentResults` returns. */
export const ExperimentResults = z.object({
  control: z.string().describe("Id of the arm the others are compared with."),
  alpha: z.number().describe("Significance level (family-wise, Holm) and 1 − the interval level."),
  confidence: z.number().describe("1 − alpha."),
  method: z.string(),
  variants: z
    .array(VariantResult)
    .describe("The control first, then the other arms in their order."),
  winner: z
    .string()
    .nullable()
    .describe(
      "The best arm significantly better than the control by the always-valid test, or null.",
    ),
  sampleRatio: SampleRatio.nullable().describe("Null without configured shares or customers."),
  sampleSize: SampleSize,
  sequential: z.object({
    horizon: z
      .number()
      .describe("Customers (two arms together) at which the confidence sequence is narrowest."),
    rho2: z.number().describe("The normal mixture's ρ² = τ²/(nV), fixed from alpha and horizon."),
  }),
  verdict: Verdict,
});
/** An experiment's results. */
export type ExperimentResults = z.infer<typeof ExperimentResults>;

/** `GET /api/journeys/:id/experiments/:nodeId`. */
export const ExperimentResponse = ExperimentResults.extend({ nodeId: z.string() }).meta({
  id: "ExperimentResults",
});
/** An experiment node's results. */
export type ExperimentResponse = z.infer<typeof ExperimentResponse>;
