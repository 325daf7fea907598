/**
 * The one map from a built-in control type to its behaviour (one file each in nodes/). Typed as a mapped
 * type over the plan's control-node union, so a control type without an entry, or an entry for the wrong
 * node shape, fails to compile. Activity types (messages, profile updates, plugins) are not listed: they all
 * run through `activityNode`.
 */
import type { ControlPlanNode, PlanNode } from "@omnijourney/shared/workflow";
import type { NodeBehaviour } from "./behaviour.js";
import { activityNode } from "./nodes/activity.js";
import { branchCondition } from "./nodes/branch-condition.js";
import { branchMulti } from "./nodes/branch-multi.js";
import { cascade } from "./nodes/cascade.js";
import { exit } from "./nodes/exit.js";
import { experimentSplit } from "./nodes/experiment-split.js";
import { goal } from "./nodes/goal.js";
import { segmentSplit } from "./nodes/segment-split.js";
import { trigger } from "./nodes/trigger.js";
import { waitDuration } from "./nodes/wait-duration.js";
import { waitEvent } from "./nodes/wait-event.js";
import { waitUntil } from "./nodes/wait-until.js";

type ControlType = ControlPlanNode["type"];

/** Every control type's behaviour, by type. */
export const controlBehaviours: {
  readonly [T in ControlType]: NodeBehaviour<Extract<ControlPlanNode, { type: T }>>;
} = {
  "trigger.event": trigger,
  "trigger.segment": trigger,
  "trigger.manual": trigger,
  "wait.duration": waitDuration,
  "wait.until": waitUntil,
  "wait.event": waitEvent,
  "branch.condition": branchCondition,
  "branch.multi": branchMulti,
  "segment.split": segmentSplit,
  "experiment.split": experimentSplit,
  "message.cascade": cascade,
  goal,
  exit,
};

/**
 * The behaviour of a plan node, or undefined for a control type this interpreter does not know (a plan
 * from storage, compiled by another registry, may name one).
 */
export function behaviourOf(node: PlanNode): NodeBehaviour<PlanNode> | undefined {
  // why: the two unions (node, behaviour) correlate by `type`, which TypeScript cannot follow through an index
  if (node.execution === "activity") return activityNode as NodeBehaviour<PlanNode>;
  const type: string = node.type;
  if (!Object.hasOwn(controlBehaviours, type)) return undefined;
  // why: as above; the entry found is the one for this node's type
  return controlBehaviours[type as ControlType] as NodeBehaviour<PlanNode>;
}
