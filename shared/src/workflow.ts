/**
 * The part of the journey model that workflow code runs: pure functions without zod or the node-type
 * registry. The journey workflow imports values only from here (types may come from the package
 * index), so its bundle stays small and can be loaded once per worker thread rather than once per
 * workflow (Temporal's `preloadModules`). A test keeps zod out of this module's import graph.
 */
export { assignVariant, stableUnit, type VariantWeight } from "./experiments/assign.js";
export { goalRevenue } from "./experiments/goal-revenue.js";
export { durationToMs } from "./schemas/duration-ms.js";
export { matchesProperties } from "./conditions/properties.js";
export { contentStrings } from "./nodes/message/content-fields.js";
export { toJourneyEvent } from "./schemas/journey-event-guard.js";
export { stepFailureReason } from "./step-failure.js";
export type {
  ActivityPlanNode,
  ActivityPolicy,
  BranchConditionPlanNode,
  BranchMultiPlanNode,
  CascadePlanNode,
  ControlPlanNode,
  ExitPlanNode,
  ExperimentSplitPlanNode,
  GoalPlanNode,
  JourneyPlan,
  PlanNode,
  SegmentSplitPlanNode,
  TriggerPlanNode,
  WaitDurationPlanNode,
  WaitEventPlanNode,
  WaitUntilPlanNode,
} from "./plan.js";
