import { randomUUID } from "node:crypto";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { Worker } from "@temporalio/worker";
import type {
  JourneyEvent,
  JourneyPlan,
  ProfileSnapshot,
  SimulatedMessageEntry,
  SimulationResult,
} from "@omnijourney/shared";
import { createActivities } from "../activities/index.js";
import { MemoryStore } from "../activities/memory-store.js";
import { createMongoStore } from "../activities/mongo-store.js";
import { workflowBundle } from "../bundle.js";
import { timeSkippingServerPath } from "../engines/index.js";
import type { Collections } from "@omnijourney/store";
import {
  defaultWorkspaceSettings,
  type WorkspaceSettings,
} from "../settings/workspace-settings.js";
import type { SimulationActivities, SimulationWorkflowInput } from "../workflows/simulation.js";
import type { JourneyResult } from "../workflows/types.js";

export type SimulateInput = {
  plan: JourneyPlan;
  /** A real profile (as stored) or a hypothetical one: any missing part is empty. */
  profile: Partial<
    Pick<ProfileSnapshot, "profileId" | "userId" | "attributes" | "consent" | "counters">
  >;
  /** Hypothetical events at offsets from the enrolment, in seconds. */
  events?: { event: string; properties?: Record<string, unknown>; atSeconds: number }[];
  /** The event that enrolled the profile (defaults to the first event at offset 0 matching a trigger.event). */
  enrolEvent?: JourneyEvent | null;
  journeyId?: string;
  version?: number;
};

export type Simulator = {
  simulate(input: SimulateInput): Promise<SimulationResult>;
  close(): Promise<void>;
};

const SIMULATION_QUEUE = "omnijourney-simulation";

/**
 * Runs journeys through the real workflow code on Temporal's time-skipping test server, with activities
 * in simulation mode: the profile and its events live in memory, messages are rendered and recorded,
 * never sent. The server and worker start on first use and are shared by later simulations.
 */
export function createSimulator(
  options: { models?: Collections; settings?: () => Promise<WorkspaceSettings> } = {},
): Simulator {
  const live = options.models ? createMongoStore(options.models) : null;
  const settings =
    options.settings ?? (live ? () => live.getSettings() : async () => defaultWorkspaceSettings);
  const segments = live ? (id: string) => live.getSegmentCondition(id) : async () => null;
  const stores = new Map<string, MemoryStore>();
  let started: Promise<{
    env: TestWorkflowEnvironment;
    worker: Worker;
    running: Promise<void>;
  }> | null = null;

  const start = async () => {
    const path = await timeSkippingServerPath();
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: "existing-path", path } },
    });
    const storeFor = (workflowId: string): MemoryStore => {
      const store = stores.get(workflowId);
      if (!store) throw new Error(`no simulation store for ${workflowId}`);
      return store;
    };
    const simulationActivities: SimulationActivities = {
      async ingestSimulatedEvent({ simulationId, event }) {
        storeFor(simulationId).events.push({
          event: event.event,
          timestamp: event.timestamp,
          properties: event.properties,
        });
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? "default",
      taskQueue: SIMULATION_QUEUE,
      workflowBundle: await workflowBundle(),
      activities: {
        ...createActivities({ store: (enrolment) => storeFor(enrolment.workflowId) }),
        ...simulationActivities,
      },
    });
    const running = worker.run();
    // A failed simulation worker is restarted by the next simulate(), never an unhandled rejection.
    running.catch(() => {
      started = null;
    });
    return { env, worker, running };
  };

  // One simulation at a time: concurrent result() calls unlock and relock the test server's time
  // skipping out of order and can leave it locked (observed), so simulations queue up.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const run = async (input: SimulateInput): Promise<SimulationResult> => {
    started ??= start();
    const { env } = await started;
    const begun = Date.now();
    const simulationId = `simulation:${randomUUID()}`;
    const childId = `${simulationId}:journey`;
    const profileId = input.profile.profileId ?? "simulated-profile";
    const now = new Date();
    const store = new MemoryStore(
      {
        profileId,
        ...(input.profile.userId ? { userId: input.profile.userId } : {}),
        anonymousIds: [],
        attributes: input.profile.attributes ?? {},
        consent: input.profile.consent ?? {},
        counters: input.profile.counters ?? {},
        createdAt: now,
        updatedAt: now,
      },
      settings,
      segments,
    );
    stores.set(childId, store);
    try {
      const events = (input.events ?? []).map((e) => ({
        atSeconds: Math.max(0, e.atSeconds),
        event: { event: e.event, properties: e.properties ?? {}, timestamp: now.toISOString() },
      }));
      const args: SimulationWorkflowInput = {
        journey: {
          plan: input.plan,
          journeyId: input.journeyId ?? "simulation",
          version: input.version ?? 0,
          profileId,
          event: input.enrolEvent ?? null,
        },
        events,
      };
      const result: JourneyResult = await env.client.workflow.execute("simulationWorkflow", {
        taskQueue: SIMULATION_QUEUE,
        workflowId: simulationId,
        args: [args],
        workflowExecutionTimeout: "3650 days",
      });
      const origin = result.path[0] ? new Date(result.path[0].at).getTime() : Date.now();
      const seconds = (iso: string | Date) => Math.round((new Date(iso).getTime() - origin) / 1000);
      const messages: SimulatedMessageEntry[] = [...store.messages.values()]
        .filter((m) => m.status !== "queued")
        .map((m) => ({
          nodeId: m.nodeId,
          channel: m.channel,
          status: m.status,
          ...(m.reason ? { reason: m.reason } : {}),
          content: m.content ?? {},
          sendAt: (m.sentAt ?? m.at).toISOString(),
          atSeconds: seconds(m.sentAt ?? m.at),
          cost: m.cost ?? 0,
          ...(m.cascadeStep !== undefined ? { cascadeStep: m.cascadeStep } : {}),
        }))
        .sort((a, b) => a.sendAt.localeCompare(b.sendAt));
      return {
        path: result.path.map((p) => ({ ...p, atSeconds: seconds(p.at) })),
        messages,
        outcome: result.outcome,
        ...(result.reason ? { reason: result.reason } : {}),
        variants: result.variants,
        elapsedMs: Date.now() - begun,
      };
    } finally {
      stores.delete(childId);
    }
  };

  return {
    simulate: (input: SimulateInput) => serialised(() => run(input)),

    async close(): Promise<void> {
      if (!started) return;
      const { env, worker, running } = await started;
      started = null;
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
