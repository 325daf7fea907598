// Version 1 of a plugin whose schema changes in version 2 (greeting-v2.mjs): writes `greeting` to the profile.
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";

export default defineNodeType({
  type: "test.greeting",
  title: "Greeting",
  category: "data",
  icon: "smile",
  version: 1,
  config: z.object({ text: z.string().min(1) }),
  outputs: ["next"],
  execution: "activity",
  run: async ({ config, services }) => {
    await services.updateProfile([
      { op: "set", attr: "greeting", value: `${config.text} (v1)`, valueType: "string" },
    ]);
    return { output: "next" };
  },
});
