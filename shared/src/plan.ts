import type { JourneySettings } from "./schemas/journey.js";
import type { ConfigOf } from "./registry.js";
import type { triggerEvent } from "./nodes/trigger/event.js";
import type { triggerSegment } from "./nodes/trigger/segment.js";
import type { triggerManual } from "./nodes/trigger/manual.js";
import type { messageCascade } from "./nodes/message/cascade.js";
import type { waitDuration } from "./nodes/timing/wait-duration.js";
import type { waitUntil } from "./nodes/timing/wait-until.js";
import type { waitEvent } from "./nodes/timing/wait-event.js";
import type { branchCondition } from "./nodes/logic/branch-condition.js";
import type { branchMulti } from "./nodes/logic/branch-multi.js";
import type { segmentSplit } from "./nodes/logic/segment-split.js";
import type { experimentSplit } from "./nodes/logic/experiment-split.js";
import type { goal } from "./nodes/goal/goal.js";
import type { exit } from "./nodes/goal/exit.js";

/** What every plan node has, whatever its type. */
type PlanNodeBase = {
  id: string;
  typeVersion: number;
  /** Output port → target node id; null ends the journey there. */
  next: Record<string, string | null>;
};

/**
 * A node interpreted by the journey workflow itself, tagged by its built-in `type`, with the config its
 * type's schema produced at publish (defaults applied).
 */
type ControlNode<T extends string, N> = PlanNodeBase & {
  type: T;
  execution: "workflow";
  config: ConfigOf<N>;
};

/** A trigger: where an enrolment starts. */
export type TriggerPlanNode =
  | ControlNode<"trigger.event", typeof triggerEvent>
  | ControlNode<"trigger.segment", typeof triggerSegment>
  | ControlNode<"trigger.manual", typeof triggerManual>;
/** `wait.duration`: a durable timer. */
export type WaitDurationPlanNode = ControlNode<"wait.duration", typeof waitDuration>;
/** `wait.until`: a timer to an instant resolved in the profile's time zone. */
export type WaitUntilPlanNode = ControlNode<"wait.until", typeof waitUntil>;
/** `wait.event`: an event or a timeout. */
export type WaitEventPlanNode = ControlNode<"wait.event", typeof waitEvent>;
/** `branch.condition`: yes or no. */
export type BranchConditionPlanNode = ControlNode<"branch.condition", typeof branchCondition>;
/** `branch.multi`: the first case that holds, else `else`. */
export type BranchMultiPlanNode = ControlNode<"branch.multi", typeof branchMulti>;
/** `segment.split`: in or out of a segment. */
export type SegmentSplitPlanNode = ControlNode<"segment.split", typeof segmentSplit>;
/** `experiment.split`: a variant by stable hash, or the holdout. */
export type ExperimentSplitPlanNode = ControlNode<"experiment.split", typeof experimentSplit>;
/** `message.cascade`: channel after channel until the profile responds. */
export type CascadePlanNode = ControlNode<"message.cascade", typeof messageCascade>;
/** `goal`: counts a conversion when the goal event was performed. */
export type GoalPlanNode = ControlNode<"goal", typeof goal>;
/** `exit`: ends the enrolment. */
export type ExitPlanNode = ControlNode<"exit", typeof exit>;

/** Every node the workflow interprets itself; `switch (node.type)` over it is exhaustive. */
export type ControlPlanNode =
  | TriggerPlanNode
  | WaitDurationPlanNode
  | WaitUntilPlanNode
  | WaitEventPlanNode
  | BranchConditionPlanNode
  | BranchMultiPlanNode
  | SegmentSplitPlanNode
  | ExperimentSplitPlanNode
  | CascadePlanNode
  | GoalPlanNode
  | ExitPlanNode;

/**
 * A node run as a Temporal activity through its type's `run` (messages, profile updates, custom types):
 * the workflow hands its type string and config to the activity as they are, without reading them.
 */
export type ActivityPlanNode = PlanNodeBase & {
  type: string;
  execution: "activity";
  config: unknown;
  /** The type's own retry and timeout; absent (older plans, most types) means the runtime's defaults. */
  policy?: ActivityPolicy;
};

/** How the runtime runs one activity node: per-attempt timeout and retries with exponential backoff. */
export type ActivityPolicy = {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  initialIntervalMs: number;
  backoffCoefficient: number;
  maxIntervalMs: number;
  /** Longest one attempt may take. */
  timeoutMs: number;
};

/** One node of an execution plan (contracts.md): tagged by `execution`, then control nodes by `type`. */
export type PlanNode = ActivityPlanNode | ControlPlanNode;

/** A compiled, frozen journey: plain JSON, stored with the version and passed as workflow input. */
export type JourneyPlan = {
  schemaVersion: 1;
  /** Content hash of everything that affects behaviour (not layout, edge ids or names). */
  hash: string;
  name: string;
  triggerNodeId: string;
  nodes: Record<string, PlanNode>;
  settings: JourneySettings;
  /** Safety stop for the interpreter loop. */
  maxSteps: number;
};
