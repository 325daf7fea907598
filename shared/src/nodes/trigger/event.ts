import { z } from "zod";
import { EventName, PropertyConditionField } from "../../conditions/schema.js";
import { defineNodeType } from "../../registry.js";

/** `trigger.event`: enrols a profile when it performs an event (optionally only when the event's properties match). */
export const triggerEvent = defineNodeType({
  type: "trigger.event",
  title: "When an event happens",
  description: "Starts the journey for a customer each time they perform an event.",
  category: "trigger",
  icon: "zap",
  version: 1,
  config: z.object({ event: EventName, where: PropertyConditionField.optional() }),
  outputs: ["next"],
  execution: "workflow",
  ui: {
    order: ["event", "where"],
    labels: { event: "Event", where: "Only when the event's properties match" },
    eventFields: ["event"],
    conditionFields: ["where"],
  },
  summary: (c) => `When ${c.event} happens`,
});
