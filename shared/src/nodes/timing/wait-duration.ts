import { z } from "zod";
import { Duration, formatDuration } from "../../schemas/duration.js";
import { defineNodeType } from "../../registry.js";
import { TimeOfDay } from "./wait-until.js";

/**
 * wait.duration config: the duration, then optionally on to the next `atTime` on the profile's clock (its
 * `timezone` trait; `fallbackTimezone`, else UTC, when unknown) — "wait 1 day, then send at 10:00 their time".
 */
export const WaitDurationConfig = Duration.extend({
  atTime: TimeOfDay.optional(),
  fallbackTimezone: z.string().min(1).max(100).optional(),
});
/** wait.duration config. */
export type WaitDurationConfig = z.infer<typeof WaitDurationConfig>;

/** `wait.duration`: a durable timer, optionally ending at a time of day in the profile's time zone. */
export const waitDuration = defineNodeType({
  type: "wait.duration",
  title: "Wait",
  description:
    "Pause for a fixed time, and optionally until a time of day in the customer's time zone.",
  category: "timing",
  icon: "clock",
  version: 1,
  // A new wait starts at one day, not zero (a JSON Schema default only: it is what the studio starts from).
  config: WaitDurationConfig.meta({ default: { amount: 1, unit: "day" } }),
  outputs: ["next"],
  execution: "workflow",
  waits: true,
  ui: {
    order: ["amount", "unit", "atTime", "fallbackTimezone"],
    labels: {
      amount: "Wait for",
      unit: "Unit",
      atTime: "Then until (customer's local time)",
      fallbackTimezone: "Time zone when unknown",
    },
    help: {
      atTime:
        "After the wait, go on at the next time shown here on the customer's clock, like 10:00.",
    },
  },
  summary: (c) =>
    c.atTime === undefined
      ? `Wait ${formatDuration(c)}`
      : `Wait ${formatDuration(c)}, then until ${c.atTime} their time`,
});
