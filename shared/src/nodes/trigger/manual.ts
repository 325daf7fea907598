import { z } from "zod";
import { defineNodeType } from "../../registry.js";

/** `trigger.manual`: profiles are enrolled by the API or from the studio. */
export const triggerManual = defineNodeType({
  type: "trigger.manual",
  title: "Manual entry",
  description: "Customers enter when enrolled through the API or the studio.",
  category: "trigger",
  icon: "hand",
  version: 1,
  config: z.object({}),
  outputs: ["next"],
  execution: "workflow",
});
