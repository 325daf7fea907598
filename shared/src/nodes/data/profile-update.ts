import { z } from "zod";
import { ProfileAssignment } from "../../schemas/assignment.js";
import { defineNodeType, type TemplateRef } from "../../registry.js";

/** `profile.update`: sets, unsets or increments profile attributes; `set` values are Liquid templates. */
export const profileUpdate = defineNodeType({
  type: "profile.update",
  title: "Update profile",
  description: "Change attributes on the customer's profile.",
  category: "data",
  icon: "user-pen",
  version: 1,
  config: z.object({ assignments: z.array(ProfileAssignment).min(1).max(50) }),
  outputs: ["next"],
  execution: "activity",
  ui: {
    labels: { assignments: "Changes" },
    help: { assignments: "Values may use Liquid, e.g. {{ event.properties.plan }}." },
  },
  templates: (c) => {
    const refs: TemplateRef[] = [];
    c.assignments.forEach((a, i) => {
      if (a.op === "set") refs.push({ path: ["assignments", i, "value"], source: a.value });
    });
    return refs;
  },
  run: async ({ config, services }) => {
    await services.updateProfile(config.assignments);
    return { output: "next" };
  },
});
