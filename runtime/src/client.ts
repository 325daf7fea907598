import { randomUUID } from "node:crypto";
import { WorkflowExecutionAlreadyStartedError, type Client } from "@temporalio/client";
import {
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
} from "@temporalio/common";
import type { EnrolmentStart, JourneyEvent, SimulationResult } from "@omnijourney/shared";
import { enrolmentWorkflowId } from "./enrolment-id.js";
import { outsideEntryDates, takeEntryPlace } from "./entry-gate.js";
import {
  activeEnrolmentWorkflows,
  findJourneyById,
  persistently,
  readProfileJourneys,
  recordEnrolmentStarted,
  recordJourneyEntered,
  timesEntered,
  unlistRunningEnrolments,
  type Collections,
} from "@omnijourney/store";
import { FrozenPlans } from "./frozen-plans.js";
import { createSimulator, type SimulateInput, type Simulator } from "./simulation/simulator.js";
import { eventSignal, stateQuery } from "./workflows/signals.js";
import type { EnrolmentState, JourneyWorkflowInput } from "./workflows/types.js";

export const DEFAULT_TASK_QUEUE = "omnijourney";

export type EnrolInput = {
  journeyId: string;
  version?: number;
  profileId: string;
  event?: JourneyEvent | null;
  enrolmentKey?: string;
};
export type JourneyRuntime = {
  enrol(input: EnrolInput): Promise<EnrolmentStart>;
  /**
   * Delivers an event to every active enrolment of the profile; returns how many were signalled. `active`: the
   * profile's running enrolment workflows when the caller has just read them (a batch reads them at once).
   */
  signalEvent(input: {
    profileId: string;
    event: JourneyEvent;
    active?: readonly string[];
  }): Promise<number>;
  /** Cancels every active enrolment of a journey (archive); returns how many. */
  cancelEnrolments(input: { journeyId: string }): Promise<number>;
  /** The running enrolment's current node and what it waits for (a workflow query). */
  enrolmentState(workflowId: string): Promise<EnrolmentState>;
  simulate(input: SimulateInput): Promise<SimulationResult>;
  close(): Promise<void>;
};

/** Starts, signals and cancels enrolments, and simulates journeys; used by the API. */
export function createJourneyRuntime(options: {
  temporal: Client;
  models: Collections;
  taskQueue?: string;
}): JourneyRuntime {
  const { temporal, models } = options;
  const taskQueue = options.taskQueue ?? DEFAULT_TASK_QUEUE;
  let simulator: Simulator | null = null;
  const plans = new FrozenPlans(models);

  return {
    async enrol(input: EnrolInput): Promise<EnrolmentStart> {
      const version =
        input.version ?? (await findJourneyById(models, input.journeyId))?.liveVersion;
      if (version === undefined || version === null) return { started: false, reason: "not_live" };
      const plan = await plans.get(input.journeyId, version);
      if (!plan) return { started: false, reason: "unknown_version" };
      const { reentry, entryLimit } = plan.settings;
      const now = new Date();
      const outside = outsideEntryDates(plan.settings, now);
      if (outside) return { started: false, reason: outside };
      if (entryLimit !== undefined || reentry === "never") {
        const record = await readProfileJourneys(models, input.profileId);
        const times = timesEntered(record, input.journeyId);
        if (entryLimit !== undefined && times >= entryLimit)
          return { started: false, reason: "entry_limit" };
        if (reentry === "never" && times > 0) return { started: false, reason: "already_enrolled" };
      }
      // Last, so a refusal above takes no place in the rate windows.
      const place = await takeEntryPlace(models, input.journeyId, plan.settings, now);
      if (!place) return { started: false, reason: "entry_rate" };
      const key =
        reentry === "always"
          ? (input.enrolmentKey ?? input.event?.messageId ?? randomUUID())
          : input.enrolmentKey;
      const workflowId = enrolmentWorkflowId(input.journeyId, input.profileId, key);
      const args: JourneyWorkflowInput = {
        plan,
        journeyId: input.journeyId,
        version,
        profileId: input.profileId,
        event: input.event ?? null,
      };
      const handle = await temporal.workflow
        .start("journeyWorkflow", {
          taskQueue,
          workflowId,
          args: [args],
          workflowIdReusePolicy:
            reentry === "never"
              ? WorkflowIdReusePolicy.REJECT_DUPLICATE
              : WorkflowIdReusePolicy.ALLOW_DUPLICATE,
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        })
        .catch(async (error: unknown) => {
          // No enrolment after all: its place in the entry rate windows is given back.
          await place.release();
          if (error instanceof WorkflowExecutionAlreadyStartedError) return null;
          throw error;
        });
      if (!handle) return { started: false, reason: "already_enrolled", workflowId };
      const runId = handle.firstExecutionRunId;
      // The workflow has started: record it even through a transient database error.
      await persistently(() =>
        recordEnrolmentStarted(models, {
          enrolmentId: `${workflowId}/${runId}`,
          workflowId,
          journeyId: input.journeyId,
          version,
          profileId: input.profileId,
          currentNodeId: plan.triggerNodeId,
          startedAt: new Date(),
        }),
      );
      await persistently(() =>
        recordJourneyEntered(models, input.profileId, input.journeyId, workflowId),
      );
      return { started: true, workflowId, runId, version };
    },

    async signalEvent({ profileId, event, active }): Promise<number> {
      const running = active ?? (await readProfileJourneys(models, profileId))?.active;
      const ids = [...new Set(running ?? [])];
      if (ids.length === 0) return 0;
      const results = await Promise.allSettled(
        ids.map((id) => temporal.workflow.getHandle(id).signal(eventSignal, event)),
      );
      // An enrolment that ended without its end being recorded (a cancelled run) is forgotten here.
      const gone = ids.filter((_, i) => {
        const result = results[i];
        return result?.status === "rejected" && result.reason instanceof WorkflowNotFoundError;
      });
      if (gone.length > 0) await unlistRunningEnrolments(models, profileId, gone);
      return results.filter((r) => r.status === "fulfilled").length;
    },

    async cancelEnrolments({ journeyId }): Promise<number> {
      const ids = await activeEnrolmentWorkflows(models, { journeyId });
      const results = await Promise.allSettled(
        ids.map((id) => temporal.workflow.getHandle(id).cancel()),
      );
      return results.filter((r) => r.status === "fulfilled").length;
    },

    enrolmentState(workflowId: string): Promise<EnrolmentState> {
      return temporal.workflow.getHandle(workflowId).query(stateQuery);
    },

    simulate(input: SimulateInput): Promise<SimulationResult> {
      simulator ??= createSimulator({ models });
      return simulator.simulate(input);
    },

    async close(): Promise<void> {
      await simulator?.close();
      simulator = null;
    },
  };
}
