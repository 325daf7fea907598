/** `branch.condition`: `yes` when the condition holds for the profile, else `no`. */
import type { BranchConditionPlanNode } from "@omnijourney/shared/workflow";
import { never, type NodeBehaviour } from "../behaviour.js";
import { evaluate } from "../evaluate.js";

export const branchCondition: NodeBehaviour<BranchConditionPlanNode> = {
  async enter(deps, node, entry) {
    const index = await evaluate(
      deps,
      { conditions: [node.config.condition] },
      entry.waitFollows(),
    );
    return index === 0 ? "yes" : "no";
  },
  startsLongWait: never,
};
