// Version 2 of greeting-v1.mjs: `text` became `message` plus `punctuation`; `migrate` reads version-1 configs.
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";

export default defineNodeType({
  type: "test.greeting",
  title: "Greeting",
  category: "data",
  icon: "smile",
  version: 2,
  config: z.object({ message: z.string().min(1), punctuation: z.string().default("!") }),
  migrate: (fromVersion, config) => {
    if (fromVersion === 1) return { message: config.text };
    throw new Error(`no migration from version ${fromVersion}`);
  },
  outputs: ["next"],
  execution: "activity",
  run: async ({ config, services }) => {
    const value = `${config.message}${config.punctuation} (v2)`;
    await services.updateProfile([{ op: "set", attr: "greeting", value, valueType: "string" }]);
    return { output: "next" };
  },
});
