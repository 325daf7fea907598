import { randomUUID } from "node:crypto";
import { WorkflowExecutionAlreadyStartedError, type Client } from "@temporalio/client";
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from "@temporalio/common";
import type { JourneyEvent, JourneyPlan } from "@omnijourney/shared";
import { enrolmentWorkflowId } from "./enrolment-id.js";
import { isDuplicateKey, persistently } from "./retry.js";
import type { Models } from "./models/index.js";
import {
  createSimulator,
  type SimulateInput,
  type SimulationResult,
  type Simulator,
} from "./simulation/simulator.js";
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
export type EnrolResult =
  | { started: true; workflowId: string; runId: string; version: number }
  | {
      started: false;
      reason: "not_live" | "already_enrolled" | "entry_limit" | "unknown_version";
      workflowId?: string;
    };

export type JourneyRuntime = {
  enrol(input: EnrolInput): Promise<EnrolResult>;
  /** Delivers an event to every active enrolment of the profile; returns how many were signalled. */
  signalEvent(input: { profileId: string; event: JourneyEvent }): Promise<number>;
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
  models: Models;
  taskQueue?: string;
}): JourneyRuntime {
  const { temporal, models } = options;
  const taskQueue = options.taskQueue ?? DEFAULT_TASK_QUEUE;
  let simulator: Simulator | null = null;

  return {
    async enrol(input: EnrolInput): Promise<EnrolResult> {
      const journey = await models.Journey.findById(input.journeyId).lean();
      const version = input.version ?? journey?.liveVersion ?? undefined;
      if (version === undefined || version === null) return { started: false, reason: "not_live" };
      const frozen = await models.JourneyVersion.findOne({
        journeyId: input.journeyId,
        version,
      }).lean();
      if (!frozen) return { started: false, reason: "unknown_version" };
      // The plan was compiled and validated when the version was published.
      const plan = frozen.plan as JourneyPlan;
      const { reentry, entryLimit } = plan.settings;
      if (entryLimit !== undefined) {
        const count = await models.Enrolment.countDocuments({
          journeyId: input.journeyId,
          profileId: input.profileId,
        });
        if (count >= entryLimit) return { started: false, reason: "entry_limit" };
      }
      if (
        reentry === "never" &&
        (await models.Enrolment.exists({ journeyId: input.journeyId, profileId: input.profileId }))
      ) {
        return { started: false, reason: "already_enrolled" };
      }
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
      try {
        const handle = await temporal.workflow.start("journeyWorkflow", {
          taskQueue,
          workflowId,
          args: [args],
          workflowIdReusePolicy:
            reentry === "never"
              ? WorkflowIdReusePolicy.REJECT_DUPLICATE
              : WorkflowIdReusePolicy.ALLOW_DUPLICATE,
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        });
        const runId = handle.firstExecutionRunId;
        // The workflow has started: record it even through a transient database error.
        await persistently(() =>
          models.Enrolment.updateOne(
            { _id: `${workflowId}/${runId}` },
            {
              $setOnInsert: {
                enrolmentId: `${workflowId}/${runId}`,
                workflowId,
                journeyId: input.journeyId,
                version,
                profileId: input.profileId,
                status: "active",
                currentNodeId: plan.triggerNodeId,
                startedAt: new Date(),
              },
            },
            { upsert: true },
          ).then(() => undefined, ignoreDuplicateKey),
        );
        return { started: true, workflowId, runId, version };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError)
          return { started: false, reason: "already_enrolled", workflowId };
        throw error;
      }
    },

    async signalEvent({ profileId, event }): Promise<number> {
      const active = await models.Enrolment.find(
        { profileId, status: "active" },
        { workflowId: 1 },
      ).lean();
      const ids = [...new Set(active.map((e) => e.workflowId))];
      const results = await Promise.allSettled(
        ids.map((id) => temporal.workflow.getHandle(id).signal(eventSignal, event)),
      );
      return results.filter((r) => r.status === "fulfilled").length;
    },

    async cancelEnrolments({ journeyId }): Promise<number> {
      const active = await models.Enrolment.find(
        { journeyId, status: "active" },
        { workflowId: 1 },
      ).lean();
      const ids = [...new Set(active.map((e) => e.workflowId))];
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

/** The workflow's own first progress write won the race to create the projection: nothing to do. */
function ignoreDuplicateKey(error: unknown): void {
  if (!isDuplicateKey(error)) throw error;
}
