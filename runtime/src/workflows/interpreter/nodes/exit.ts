/** `exit`: ends the enrolment. */
import type { ExitPlanNode } from "@omnijourney/shared/workflow";
import { never, type NodeBehaviour } from "../behaviour.js";

export const exit: NodeBehaviour<ExitPlanNode> = {
  enter: () => null,
  startsLongWait: never,
};
