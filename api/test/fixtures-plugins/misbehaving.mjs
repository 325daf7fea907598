// Plugins that misbehave in the two ways a throw does not cover: a run that never answers (its timeout ends
// each attempt) and one that answers with a port it does not have. Both are retried quickly, then give up.
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";

const quickRetries = { retry: { attempts: 2, backoffMs: 10 }, timeoutMs: 1_000 };

export default {
  nodeTypes: [
    defineNodeType({
      type: "test.hangs",
      title: "Hangs",
      category: "action",
      icon: "clock",
      version: 1,
      config: z.object({}),
      outputs: ["next", "failed"],
      execution: "activity",
      ...quickRetries,
      run: () => new Promise(() => {}),
    }),
    defineNodeType({
      type: "test.unknown_port",
      title: "Unknown port",
      category: "action",
      icon: "shuffle",
      version: 1,
      config: z.object({}),
      outputs: ["next"],
      execution: "activity",
      ...quickRetries,
      run: async () => ({ output: "sideways" }),
    }),
  ],
};
