/** `goal`: counts a conversion when the goal event is in the inbox or enrolled the profile. */
import type { GoalPlanNode } from "@omnijourney/shared/workflow";
import { never, type NodeBehaviour } from "../behaviour.js";
import { reachGoal } from "../conversion.js";

export const goal: NodeBehaviour<GoalPlanNode> = {
  enter: ({ run, inbox, conversion }, node) => reachGoal(run, inbox, conversion, node),
  startsLongWait: never,
};
