import { z } from "zod";
import { ConditionField } from "../../conditions/schema.js";
import { defineNodeType, type NodeIssue } from "../../registry.js";
import { PortId } from "./port-id.js";

/** `branch.multi`: ordered cases, the first that holds wins; `else` otherwise. */
export const branchMulti = defineNodeType({
  type: "branch.multi",
  title: "Multi-way branch",
  description: "Send customers down the first path whose condition they match.",
  category: "logic",
  icon: "split",
  version: 1,
  config: z.object({
    cases: z
      .array(
        z.object({ id: PortId, name: z.string().max(100).optional(), condition: ConditionField }),
      )
      .min(1)
      .max(20),
  }),
  outputs: (c) => [...c.cases.map((k) => k.id), "else"],
  execution: "workflow",
  ui: {
    labels: { cases: "Paths" },
    conditionFields: ["cases"],
    ports: { else: "when no case matches" },
  },
  check: (c) => {
    const seen = new Set<string>();
    const issues: NodeIssue[] = [];
    c.cases.forEach((k, i) => {
      if (seen.has(k.id))
        issues.push({
          code: "invalid_config",
          path: ["cases", i, "id"],
          message: `has two paths named '${k.id}'`,
        });
      seen.add(k.id);
    });
    return issues;
  },
});
