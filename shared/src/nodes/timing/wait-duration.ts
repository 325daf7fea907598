import { Duration, formatDuration } from "../../schemas/duration.js";
import { defineNodeType } from "../../registry.js";

/** `wait.duration`: a durable timer. */
export const waitDuration = defineNodeType({
  type: "wait.duration",
  title: "Wait",
  description: "Pause for a fixed time.",
  category: "timing",
  icon: "clock",
  version: 1,
  // A new wait starts at one day, not zero (a JSON Schema default only: it is what the studio starts from).
  config: Duration.meta({ default: { amount: 1, unit: "day" } }),
  outputs: ["next"],
  execution: "workflow",
  waits: true,
  ui: { order: ["amount", "unit"], labels: { amount: "Wait for", unit: "Unit" } },
  summary: (c) => `Wait ${formatDuration(c)}`,
});
