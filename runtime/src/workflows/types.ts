/**
 * Shapes that cross the workflow ↔ activity ↔ client boundary (all plain JSON). Kept free of
 * runtime imports so the workflow bundle, activities and clients can share them.
 */
import type {
  Channel,
  Condition,
  EnrolmentOutcome,
  ExitCriterion,
  JourneyEvent,
  JourneyFrequencyCap,
  JourneyGoal,
  JourneyPlan,
  MessageCategory,
  SendOutcome,
  WaitUntilConfig,
} from "@omnijourney/shared";

/** Which enrolment an activity works for. `enrolmentId` is unique per enrolment even when re-entry reuses the workflow id. */
export type EnrolmentRef = {
  journeyId: string;
  version: number;
  profileId: string;
  workflowId: string;
  /** `<workflowId>/<first run id>`: stays the same across continue-as-new. */
  enrolmentId: string;
};

/** How an enrolment ended (shared's schema: the simulation answers it too). */
export type { EnrolmentOutcome };

export type WaitingFor =
  | { kind: "timer"; until: string; reason: "wait" | "deferred" | "goal_window" }
  | { kind: "event"; events: string[]; until: string }
  | null;

/** One change to the enrolment's projection and node counters, applied in order by `recordProgress`. */
export type ProgressOp =
  | { op: "enter"; nodeId: string; at: string }
  /** `failed`: the enrolment failed in the node (a port named `failed` counts as failed too). */
  | { op: "leave"; nodeId: string; port: string | null; failed?: true }
  | { op: "waiting"; nodeId: string; waitingFor: WaitingFor }
  | { op: "variant"; nodeId: string; variant: string }
  | {
      op: "convert";
      at: string;
      revenue: number;
      nodes: string[];
      ports: { nodeId: string; port: string }[];
    }
  | { op: "end"; status: EnrolmentOutcome; reason?: string; at: string };

/** A batch of progress ops with a sequence number: a retried batch is applied once. */
export type ProgressBatch = {
  enrolment: EnrolmentRef;
  seq: number;
  ops: ProgressOp[];
  startedAt: string;
};

export type PathEntry = { nodeId: string; at: string; port?: string | null };

/** What survives continue-as-new. */
export type CarriedState = {
  currentNodeId: string | null;
  steps: number;
  visits: Record<string, number>;
  startedAt: string;
  /** Events received but not yet consumed by a wait (bounded). */
  inbox: { seq: number; event: JourneyEvent }[];
  eventSeq: number;
  /** The wait in progress when the workflow continued as new: resume it with the same deadline. */
  currentWait: {
    nodeId: string;
    visit: number;
    until: number;
    sinceSeq: number;
    step?: number;
  } | null;
  converted: { at: string; revenue: number } | null;
  variants: Record<string, string>;
  visited: string[];
  portsTaken: string[];
  path: PathEntry[];
  progressSeq: number;
  pendingProgress: ProgressOp[];
  holdout: boolean;
};

export type JourneyWorkflowInput = {
  plan: JourneyPlan;
  journeyId: string;
  version: number;
  profileId: string;
  /** The event that enrolled the profile (null for manual and segment enrolments). */
  event: JourneyEvent | null;
  /** `simulation` keeps the path in the result (activities are swapped by the simulation worker). */
  mode?: "live" | "simulation";
  /**
   * How progress batches that cannot ride on another activity are written: `local` activities (fewer
   * history events; the default) or regular ones. Time-skipping environments need `activity`: the test
   * server cannot see local activities and skips time while they run.
   */
  progressVia?: "local" | "activity";
  carried?: CarriedState;
};

export type JourneyResult = {
  outcome: EnrolmentOutcome;
  reason?: string;
  steps: number;
  path: PathEntry[];
  variants: Record<string, string>;
};

/** What the state query returns. */
export type EnrolmentState = {
  status: "active" | EnrolmentOutcome;
  currentNodeId: string | null;
  waitingFor: WaitingFor;
  steps: number;
  variants: Record<string, string>;
};

/* ---------- activity inputs ---------- */

export type RunNodeInput = {
  enrolment: EnrolmentRef;
  nodeId: string;
  nodeType: string;
  config: unknown;
  /** The type version the config was written for (the plan's); absent in activities scheduled before it was sent. */
  typeVersion?: number;
  visit: number;
  event: JourneyEvent | null;
  /** Workflow time (ISO): quiet hours, caps and logs use it, so time-skipping tests and replays agree. */
  at: string;
  policy: SendPolicy;
  progress?: ProgressBatch;
};
export type RunNodeOutput = { output: string; deferUntil?: string };

export type SendPolicy = {
  respectQuietHours: boolean;
  frequencyCapped: boolean;
  /** The journey's own frequency caps (absent when it has none). */
  caps?: JourneyFrequencyCap[];
};

export type SendStepInput = {
  enrolment: EnrolmentRef;
  nodeId: string;
  visit: number;
  step: number;
  channel: Channel;
  content: Record<string, string>;
  category: MessageCategory;
  event: JourneyEvent | null;
  at: string;
  policy: SendPolicy;
  progress?: ProgressBatch;
};

export type CascadeOrderInput = {
  enrolment: EnrolmentRef;
  order: "listed" | "cheapest" | "preferred";
  channels: Channel[];
  progress?: ProgressBatch;
};

export type EvaluateInput = {
  enrolment: EnrolmentRef;
  at: string;
  /** Conditions in order: returns the index of the first that holds, or -1. */
  conditions?: Condition[];
  segmentId?: string;
  /** When the enrolment started (ISO): where `since: "entry"` windows of the conditions start. */
  enteredAt?: string;
  progress?: ProgressBatch;
};

export type ResolveWaitUntilInput = {
  enrolment: EnrolmentRef;
  at: string;
  config: WaitUntilConfig;
  progress?: ProgressBatch;
};

/** An enrolment entering an experiment arm for the first time (recorded once per journey, node and profile). */
export type RecordAssignmentInput = {
  enrolment: EnrolmentRef;
  nodeId: string;
  arm: string;
  /** Workflow time of entering the arm: the arm's conversion window opens here. */
  at: string;
  /** The plan's journey goal, which the assignment converts on; absent when the journey has none. */
  goal?: JourneyGoal;
  progress?: ProgressBatch;
};

export type ExitCriteria = ExitCriterion[];
export type { SendOutcome };

/** The activities the journey workflow calls (implemented by `createActivities`). */
export interface JourneyActivities {
  /** Runs an activity node through its type's `run` (message.*, profile.update, custom types). */
  runNode(input: RunNodeInput): Promise<RunNodeOutput>;
  /** Sends one cascade step through the same send path as message nodes. */
  sendStep(input: SendStepInput): Promise<SendOutcome>;
  /** The order of a cascade's steps (indexes into the listed steps). */
  cascadeOrder(input: CascadeOrderInput): Promise<number[]>;
  /** Index of the first condition that holds for the profile (or 0/-1 for segment membership), -1 when none. */
  evaluate(input: EvaluateInput): Promise<number>;
  /** The instant a `wait.until` ends, in the profile's time zone. */
  resolveWaitUntil(input: ResolveWaitUntilInput): Promise<string>;
  /** Applies a batch of progress ops to the enrolment projection and node counters. */
  recordProgress(batch: ProgressBatch): Promise<void>;
  /** Records the profile's experiment arm durably, once (conversions are counted on it at ingestion). */
  recordAssignment(input: RecordAssignmentInput): Promise<void>;
}
