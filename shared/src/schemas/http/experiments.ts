import { z } from "zod";

/** An arm's raw numbers. */
export const VariantCounts = z.object({
  id: z.string(),
  enrolled: z.number(),
  converted: z.number(),
  revenue: z.number().optional(),
});
/** An arm's raw numbers. */
export type VariantCounts = z.infer<typeof VariantCounts>;

/** A variant compared with the control. */
export const Comparison = z.object({
  /** Absolute difference in conversion rate (variant − control). */
  diff: z.number(),
  /** Newcombe hybrid score interval for the difference (not multiplicity-adjusted). */
  diffInterval: z.tuple([z.number(), z.number()]),
  /** Relative lift (variant / control − 1); null when the control rate is 0. */
  relativeLift: z.number().nullable(),
  test: z.enum(["z", "fisher"]),
  /** Two-sided p-value of the test. */
  pValue: z.number(),
  /** The p-value after Holm–Bonferroni adjustment across all comparisons with the control. */
  adjustedPValue: z.number(),
  significant: z.boolean(),
  status: z.enum(["insufficient_data", "not_significant", "better", "worse"]),
});
/** A comparison with the control. */
export type Comparison = z.infer<typeof Comparison>;

/** One arm's results. */
export const VariantResult = VariantCounts.extend({
  rate: z.number(),
  /** Wilson score interval of the conversion rate. */
  interval: z.tuple([z.number(), z.number()]),
  revenuePerEnrolled: z.number().nullable(),
  isControl: z.boolean(),
  vsControl: Comparison.nullable(),
});
/** One arm's results. */
export type VariantResult = z.infer<typeof VariantResult>;

/** What `experimentResults` returns. */
export const ExperimentResults = z.object({
  control: z.string(),
  confidence: z.number(),
  method: z.string(),
  variants: z.array(VariantResult),
  /** The significantly better variant with the highest rate, or null when there is none. */
  winner: z.string().nullable(),
  notes: z.array(z.string()),
});
/** An experiment's results. */
export type ExperimentResults = z.infer<typeof ExperimentResults>;

/** `GET /api/journeys/:id/experiments/:nodeId`. */
export const ExperimentResponse = ExperimentResults.extend({ nodeId: z.string() }).meta({
  id: "ExperimentResults",
});
/** An experiment node's results. */
export type ExperimentResponse = z.infer<typeof ExperimentResponse>;
