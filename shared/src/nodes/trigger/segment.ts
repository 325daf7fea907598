import { z } from "zod";
import { defineNodeType } from "../../registry.js";

/** `trigger.segment`: enrols profiles as they enter a segment; `enrolExisting` also enrols current members at publish. */
export const triggerSegment = defineNodeType({
  type: "trigger.segment",
  title: "When someone enters a segment",
  description: "Starts the journey for customers who join a segment.",
  category: "trigger",
  icon: "users",
  version: 1,
  config: z.object({
    segmentId: z.string().min(1).max(100),
    enrolExisting: z.boolean().default(false),
  }),
  outputs: ["next"],
  execution: "workflow",
  ui: {
    order: ["segmentId", "enrolExisting"],
    labels: { segmentId: "Segment", enrolExisting: "Also enrol current members when published" },
    segmentFields: ["segmentId"],
  },
  summary: () => "When someone enters the segment",
});
