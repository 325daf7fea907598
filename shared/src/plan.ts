import type { JourneySettings } from "./schemas/journey.js";

/** One node of an execution plan (contracts.md). */
export type PlanNode = {
  id: string;
  type: string;
  typeVersion: number;
  /** Control flow interpreted by the workflow, or run as an activity. */
  execution: "workflow" | "activity";
  /** The node type's parsed config (defaults applied); narrow by `type`. */
  config: unknown;
  /** Output port → target node id; null ends the journey there. */
  next: Record<string, string | null>;
};

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
