/** `trigger.event`, `trigger.segment`, `trigger.manual`: where an enrolment starts; entering leaves by `next`. */
import type { TriggerPlanNode } from "@omnijourney/shared/workflow";
import { never, type NodeBehaviour } from "../behaviour.js";

export const trigger: NodeBehaviour<TriggerPlanNode> = {
  enter: () => "next",
  startsLongWait: never,
};
