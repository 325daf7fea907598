import { workflowInfo } from "@temporalio/workflow";
import type { JourneyPlan } from "@omnijourney/shared/workflow";
import type {
  CarriedState,
  EnrolmentOutcome,
  EnrolmentRef,
  JourneyWorkflowInput,
  SendPolicy,
  WaitingFor,
} from "../types.js";

/** How an enrolment ended, once it has. */
export type Terminal = { status: EnrolmentOutcome; reason?: string };

/** Thrown inside the interpreter when a criterion ended the enrolment while a node was running. */
export class Ended extends Error {}

function freshState(startedAt: string, triggerNodeId: string): CarriedState {
  return {
    currentNodeId: triggerNodeId,
    steps: 0,
    visits: {},
    startedAt,
    inbox: [],
    eventSeq: 0,
    currentWait: null,
    converted: null,
    variants: {},
    visited: [],
    portsTaken: [],
    path: [],
    progressSeq: 0,
    pendingProgress: [],
    holdout: false,
  };
}

/** Workflow time as ISO text (the workflow clock: deterministic on replay). */
export const nowIso = () => new Date().toISOString();

/**
 * One run of the journey workflow for one enrolment: its input, the state carried over continue-as-new,
 * and how the enrolment ended (set by the loop, an exit criterion or the goal). Built once per run.
 */
export class JourneyRun {
  readonly plan: JourneyPlan;
  readonly state: CarriedState;
  readonly enrolment: EnrolmentRef;
  readonly policy: SendPolicy;
  terminal: Terminal | null = null;
  /** What the current node waits for, for the state query. */
  waitingFor: WaitingFor = null;

  constructor(readonly input: JourneyWorkflowInput) {
    this.plan = input.plan;
    const info = workflowInfo();
    this.enrolment = {
      journeyId: input.journeyId,
      version: input.version,
      profileId: input.profileId,
      workflowId: info.workflowId,
      enrolmentId: `${info.workflowId}/${info.firstExecutionRunId}`,
    };
    this.state = input.carried ?? freshState(nowIso(), this.plan.triggerNodeId);
    const caps = this.plan.settings.frequencyCaps;
    this.policy = {
      respectQuietHours: this.plan.settings.respectQuietHours,
      frequencyCapped: this.plan.settings.frequencyCapped,
      // Activity input only: plans published before journey caps carry none.
      ...(caps && caps.length > 0 ? { caps } : {}),
    };
  }

  /** After anything that awaited: a criterion that ended the enrolment meanwhile leaves the node. */
  throwIfEnded(): void {
    if (this.terminal) throw new Ended();
  }

  /** The wait of this node visit carried over a continue-as-new, if any. */
  carriedWait(nodeId: string, visit: number): CarriedState["currentWait"] {
    const wait = this.state.currentWait;
    return wait && wait.nodeId === nodeId && wait.visit === visit ? wait : null;
  }
}
