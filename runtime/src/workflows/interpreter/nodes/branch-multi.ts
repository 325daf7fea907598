/** `branch.multi`: the port of the first case that holds, else `else`. */
import type { BranchMultiPlanNode } from "@omnijourney/shared/workflow";
import { never, type NodeBehaviour } from "../behaviour.js";
import { evaluate } from "../evaluate.js";

export const branchMulti: NodeBehaviour<BranchMultiPlanNode> = {
  async enter(deps, node, entry) {
    const { cases } = node.config;
    const conditions = cases.map((c) => c.condition);
    const index = await evaluate(deps, { conditions }, entry.waitFollows());
    return cases[index]?.id ?? "else";
  },
  startsLongWait: never,
};
