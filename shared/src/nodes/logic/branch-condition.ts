import { z } from "zod";
import { ConditionField } from "../../conditions/schema.js";
import { defineNodeType } from "../../registry.js";

/** `branch.condition`: yes/no on a profile condition, evaluated when the profile reaches the node. */
export const branchCondition = defineNodeType({
  type: "branch.condition",
  title: "Yes / No branch",
  description: "Split customers by a condition on their profile and event history.",
  category: "logic",
  icon: "git-branch",
  version: 1,
  config: z.object({ condition: ConditionField }),
  outputs: ["yes", "no"],
  execution: "workflow",
  ui: {
    labels: { condition: "Condition" },
    conditionFields: ["condition"],
    ports: { yes: "when the condition holds", no: "when the condition does not hold" },
  },
});
