import { z } from "zod";
import { Duration } from "../../schemas/duration.js";
import { EventName, PropertyConditionField } from "../../conditions/schema.js";
import { defineNodeType } from "../../registry.js";

/** `wait.event`: waits for an event (optionally filtered by properties) or a timeout, whichever comes first. */
export const waitEvent = defineNodeType({
  type: "wait.event",
  title: "Wait for event",
  description: "Wait until the customer performs an event, or give up after a while.",
  category: "timing",
  icon: "hourglass",
  version: 1,
  config: z.object({
    event: EventName,
    where: PropertyConditionField.optional(),
    timeout: Duration,
  }),
  outputs: ["received", "timeout"],
  execution: "workflow",
  waits: true,
  ui: {
    order: ["event", "where", "timeout"],
    labels: {
      event: "Event",
      where: "Only when the event's properties match",
      timeout: "Time limit",
    },
    eventFields: ["event"],
    conditionFields: ["where"],
    ports: { received: "when the event arrives", timeout: "when the wait times out" },
  },
  summary: (c) => `Wait for ${c.event}`,
});
