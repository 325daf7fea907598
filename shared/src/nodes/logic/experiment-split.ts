import { z } from "zod";
import { defineNodeType, type NodeIssue } from "../../registry.js";
import { PortId } from "./port-id.js";

/** experiment.split config: variants with weights summing to 100, an optional holdout share that receives nothing. */
export const ExperimentConfig = z.object({
  variants: z
    .array(
      z.object({
        id: PortId,
        name: z.string().max(100).optional(),
        weight: z.number().min(0).max(100),
      }),
    )
    .min(1)
    .max(10),
  /** Percent of profiles held out: they leave the journey here and still count conversions. */
  holdout: z.number().min(0).max(50).default(0),
  /** Variant the others are compared with; the first variant when omitted. */
  control: PortId.optional(),
});
/** experiment.split config. */
export type ExperimentConfig = z.infer<typeof ExperimentConfig>;

/** `experiment.split`: a stable hash of (journey, node, profile) picks the variant (see `assignVariant`). */
export const experimentSplit = defineNodeType({
  type: "experiment.split",
  title: "A/B test",
  description: "Split customers at random between variants and measure which converts better.",
  category: "logic",
  icon: "flask",
  version: 1,
  config: ExperimentConfig,
  outputs: (c) => c.variants.map((v) => v.id),
  execution: "workflow",
  ui: {
    labels: { variants: "Variants", holdout: "Holdout (%)", control: "Control variant" },
    help: { holdout: "Held-out customers get nothing from here on and still count conversions." },
  },
  check: (c) => {
    const issues: NodeIssue[] = [];
    const total = c.variants.reduce((sum, v) => sum + v.weight, 0);
    if (Math.abs(total - 100) > 1e-9) {
      issues.push({
        code: "weights_not_100",
        path: ["variants"],
        message: `has variant weights that add up to ${total}, not 100`,
      });
    }
    const seen = new Set<string>();
    c.variants.forEach((v, i) => {
      if (seen.has(v.id))
        issues.push({
          code: "invalid_config",
          path: ["variants", i, "id"],
          message: `has two variants named '${v.id}'`,
        });
      seen.add(v.id);
    });
    if (c.control !== undefined && !seen.has(c.control)) {
      issues.push({
        code: "invalid_config",
        path: ["control"],
        message: `names a control variant '${c.control}' that does not exist`,
      });
    }
    return issues;
  },
});
