// A plugin whose run always throws, retried twice quickly: its enrolment must fail visibly.
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";

export default {
  nodeTypes: [
    defineNodeType({
      type: "test.always_throws",
      title: "Always throws",
      category: "action",
      icon: "no-such-icon",
      version: 1,
      config: z.object({}),
      outputs: ["next"],
      execution: "activity",
      retry: { attempts: 2, backoffMs: 10 },
      timeoutMs: 2_000,
      run: async () => {
        throw new Error("the upstream is down");
      },
    }),
  ],
};
