import { z } from "zod";
import { defineNodeType } from "../../registry.js";

/** `exit`: ends the enrolment. Connecting a port to an exit is how a path explicitly ends the journey. */
export const exit = defineNodeType({
  type: "exit",
  title: "Exit",
  description: "End the journey for the customer.",
  category: "goal",
  icon: "log-out",
  version: 1,
  config: z.object({}),
  outputs: [],
  execution: "workflow",
});
