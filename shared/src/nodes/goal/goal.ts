import { z } from "zod";
import { EventName, PropertyConditionField } from "../../conditions/schema.js";
import { defineNodeType } from "../../registry.js";

/** `goal`: counts a conversion for the goal event when the profile reaches it (the runtime records it with revenue). */
export const goal = defineNodeType({
  type: "goal",
  title: "Goal",
  description:
    "Count a conversion when the customer reaches this step having performed the goal event.",
  category: "goal",
  icon: "target",
  version: 1,
  config: z.object({
    event: EventName,
    where: PropertyConditionField.optional(),
    revenueProperty: z.string().min(1).max(200).optional(),
  }),
  outputs: ["next"],
  execution: "workflow",
  ui: {
    labels: {
      event: "Goal event",
      where: "Only when the event's properties match",
      revenueProperty: "Revenue property",
    },
    eventFields: ["event"],
    conditionFields: ["where"],
  },
  summary: (c) => `Goal: ${c.event}`,
});
