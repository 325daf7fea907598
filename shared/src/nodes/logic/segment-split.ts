import { z } from "zod";
import { defineNodeType } from "../../registry.js";

/** `segment.split`: `in` when the profile is currently in the segment, `out` otherwise. */
export const segmentSplit = defineNodeType({
  type: "segment.split",
  title: "Segment split",
  description: "Split customers by whether they are in a segment right now.",
  category: "logic",
  icon: "filter",
  version: 1,
  config: z.object({ segmentId: z.string().min(1).max(100) }),
  outputs: ["in", "out"],
  execution: "workflow",
  ui: {
    labels: { segmentId: "Segment" },
    segmentFields: ["segmentId"],
    ports: { in: "customers in the segment", out: "customers not in the segment" },
  },
});
