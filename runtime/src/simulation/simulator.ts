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
import { resolveTimeZone } from "../time/zoned.js";
import { splitEnrolment } from "./enrolment.js";
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
  /** When the simulated clock starts (default: now). Never in the past: the test server's clock only moves on. */
  startAt?: Date;
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
  const snippets = live ? () => live.getSnippets() : async () => ({});
  const stores = new Map<string, MemoryStore>();
  type Engine = { env: TestWorkflowEnvironment; worker: Worker; running: Promise<void> };
  // Each simulation gets a fresh time-skipping server, whose clock starts at the real time: a shared
  // one keeps the time its last simulation skipped to (years ahead, at a random time of day). The
  // next server is started while a simulation runs, so a run never waits for one.
  let spare: Promise<Engine> | null = null;
  const stopping = new Set<Promise<void>>();

  const start = async (): Promise<Engine> => {
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
    // A failed worker fails its own simulation only, never as an unhandled rejection.
    running.catch(() => undefined);
    return { env, worker, running };
  };
  const stop = async ({ env, worker, running }: Engine): Promise<void> => {
    worker.shutdown();
    await running.catch(() => undefined);
    await env.teardown();
  };
  const take = (): Promise<Engine> => {
    const engine = spare ?? start();
    spare = start();
    // A spare that failed to start is retried by the next take(), never an unhandled rejection.
    spare.catch(() => (spare = null));
    return engine;
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
    const engine = await take();
    const begun = Date.now();
    const simulationId = `simulation:${randomUUID()}`;
    const childId = `${simulationId}:journey`;
    const profileId = input.profile.profileId ?? "simulated-profile";
    const startAt = new Date(Math.max(input.startAt?.getTime() ?? 0, Date.now()));
    const attributes = input.profile.attributes ?? {};
    const store = new MemoryStore(
      {
        profileId,
        ...(input.profile.userId ? { userId: input.profile.userId } : {}),
        anonymousIds: [],
        attributes,
        consent: input.profile.consent ?? {},
        counters: input.profile.counters ?? {},
        createdAt: startAt,
        updatedAt: startAt,
      },
      settings,
      segments,
      snippets,
      input.plan.name,
    );
    stores.set(childId, store);
    try {
      const { enrolEvent, later } = splitEnrolment(input.plan, input, startAt);
      // As ingestion would have counted it before the journey started.
      if (enrolEvent) store.events.push({ ...enrolEvent, properties: enrolEvent.properties ?? {} });
      const args: SimulationWorkflowInput = {
        journey: {
          plan: input.plan,
          journeyId: input.journeyId ?? "simulation",
          version: input.version ?? 0,
          profileId,
          event: enrolEvent,
        },
        events: later,
        startAt: startAt.toISOString(),
      };
      const result: JourneyResult = await engine.env.client.workflow.execute("simulationWorkflow", {
        taskQueue: SIMULATION_QUEUE,
        workflowId: simulationId,
        args: [args],
        workflowExecutionTimeout: "3650 days",
      });
      // From the clock's start, not the first node's: a workflow task starts a moment after its timer
      // fired on a loaded machine, and that moment must not move a deferred send's offset.
      const origin = startAt.getTime();
      const seconds = (iso: string | Date) => Math.floor((new Date(iso).getTime() - origin) / 1000);
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
        startedAt: new Date(origin).toISOString(),
        timeZone: resolveTimeZone(
          attributes.timezone,
          (await settings()).quietHours.defaultTimezone,
        ),
        elapsedMs: Date.now() - begun,
      };
    } finally {
      stores.delete(childId);
      const stopped = stop(engine).catch(() => undefined);
      stopping.add(stopped);
      void stopped.then(() => stopping.delete(stopped));
    }
  };

  return {
    simulate: (input: SimulateInput) => serialised(() => run(input)),

    async close(): Promise<void> {
      const idle = spare;
      spare = null;
      await queue;
      if (idle) await stop(await idle).catch(() => undefined);
      await Promise.all(stopping);
    },
  };
}
