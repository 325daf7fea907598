import { Client, Connection } from "@temporalio/client";
import { NativeConnection, Worker } from "@temporalio/worker";
import type { Logger } from "pino";
import type { NodeTypeRegistry } from "@omnijourney/shared";
import { createActivities } from "./activities/index.js";
import { createLogger } from "./logging.js";
import { createMongoStore } from "./activities/mongo-store.js";
import { workflowBundle } from "./bundle.js";
import { DEFAULT_TASK_QUEUE } from "./client.js";
import { connectStore, readWorkspaceSettings, type Collections } from "@omnijourney/store";
import { createProviders, type ProviderDeps, type Providers } from "./providers/factory.js";
import { providerSettingsFromEnv } from "./providers/env.js";
import { ProviderSettings, type ProviderSettingsInput } from "./providers/settings.js";
import { normaliseSettings } from "./settings/workspace-settings.js";
import type { SendDeps } from "./activities/send.js";
import { createSweepActivities } from "./sweep/activity.js";
import {
  deleteSegmentSweepSchedule,
  ensureSegmentSweepSchedule,
  parseSweepEvery,
  segmentSweepScheduleId,
} from "./sweep/schedule.js";

export type WorkerTuning = {
  taskQueue: string;
  maxConcurrentActivities: number;
  maxConcurrentWorkflowTasks: number;
  maxCachedWorkflows: number;
  /** A prebuilt workflow bundle (see `writeWorkflowBundle`): skips webpack at start. */
  workflowBundlePath?: string;
};

function intFrom(value: string | undefined, fallback: number): number {
  const n = value === undefined || value.trim() === "" ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Worker tuning from the environment (OMNIJOURNEY_TASK_QUEUE, OMNIJOURNEY_MAX_CONCURRENT_ACTIVITIES, ...). */
export function workerTuningFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  return {
    taskQueue: env.OMNIJOURNEY_TASK_QUEUE?.trim() || DEFAULT_TASK_QUEUE,
    maxConcurrentActivities: intFrom(env.OMNIJOURNEY_MAX_CONCURRENT_ACTIVITIES, 100),
    maxConcurrentWorkflowTasks: intFrom(env.OMNIJOURNEY_MAX_CONCURRENT_WORKFLOW_TASKS, 40),
    maxCachedWorkflows: intFrom(env.OMNIJOURNEY_MAX_CACHED_WORKFLOWS, 1_000),
    ...(env.OMNIJOURNEY_WORKFLOW_BUNDLE?.trim()
      ? { workflowBundlePath: env.OMNIJOURNEY_WORKFLOW_BUNDLE.trim() }
      : {}),
  };
}

export type StartWorkerOptions = {
  mongoUri: string;
  /** Database name when the URI names none. */
  mongoDbName?: string;
  temporalAddress: string;
  temporalNamespace?: string;
  smtpUrl?: string;
  taskQueue?: string;
  /** Overrides of the environment's tuning. */
  tuning?: Partial<WorkerTuning>;
  /** Provider settings; defaults to the environment (`providerSettingsFromEnv`). */
  providerSettings?: ProviderSettingsInput;
  providerDeps?: ProviderDeps;
  /** A registry with custom node types (built-ins included); defaults to the shared registry. */
  registry?: NodeTypeRegistry;
  unsubscribeUrl?: SendDeps["unsubscribeUrl"];
  /**
   * How often the segment sweep runs (`trigger.segment` journeys on time-based segments): "30s", "15m", "1h", or
   * "off" (deletes this task queue's sweep schedule). Defaults to OMNIJOURNEY_SEGMENT_SWEEP_EVERY, else "15m".
   */
  segmentSweepEvery?: string;
  /** Stop on SIGTERM/SIGINT (default true). */
  handleSignals?: boolean;
  env?: NodeJS.ProcessEnv;
};

export type RunningWorker = {
  worker: Worker;
  models: Collections;
  providers: Providers;
  taskQueue: string;
  /** The segment sweep's Temporal Schedule, or null when the sweep is off. */
  segmentSweep: { scheduleId: string; everyMs: number } | null;
  /** Resolves when the worker has stopped (after `stop()` or a signal). */
  done: Promise<void>;
  stop(): Promise<void>;
};

/** The environment's provider settings, overridden per channel by valid ones stored in the workspace Settings. */
async function workspaceProviders(
  models: Collections,
  fromEnv: ProviderSettingsInput,
): Promise<ProviderSettingsInput> {
  const stored = normaliseSettings(await readWorkspaceSettings(models)).providers;
  const merged = { ...fromEnv, ...stored };
  const parsed = ProviderSettings.safeParse(merged);
  return parsed.success ? merged : fromEnv;
}

/**
 * Creates or updates the task queue's sweep schedule (or deletes it when the sweep is off). A failure is logged,
 * not thrown: the worker still serves every journey, only time-based segment entries wait for a later start.
 */
async function segmentSweepSchedule(
  temporal: Client,
  taskQueue: string,
  everyMs: number | null,
  logger: Logger,
): Promise<RunningWorker["segmentSweep"]> {
  const scheduleId = segmentSweepScheduleId(taskQueue);
  try {
    if (everyMs === null) {
      await deleteSegmentSweepSchedule(temporal, taskQueue);
      logger.info({ scheduleId }, "segment sweep off");
      return null;
    }
    await ensureSegmentSweepSchedule(temporal, { taskQueue, every: everyMs, scheduleId });
    logger.info({ scheduleId, everyMs }, "segment sweep scheduled");
    return { scheduleId, everyMs };
  } catch (error) {
    logger.error({ err: error, scheduleId }, "segment sweep schedule could not be set up");
    return null;
  }
}

/** Connects to MongoDB and Temporal and runs the journey worker until `stop()` or SIGTERM. */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const env = options.env ?? process.env;
  const tuning = {
    ...workerTuningFromEnv(env),
    ...options.tuning,
    ...(options.taskQueue ? { taskQueue: options.taskQueue } : {}),
  };
  // Parsed first: a mistyped interval fails the start before anything is connected.
  const sweepEvery = parseSweepEvery(
    options.segmentSweepEvery ?? env.OMNIJOURNEY_SEGMENT_SWEEP_EVERY,
  );
  const logger = createLogger({ name: "omnijourney-worker", level: env.LOG_LEVEL });
  const db = await connectStore(options.mongoUri, {
    ...(options.mongoDbName ? { dbName: options.mongoDbName } : {}),
    serverSelectionTimeoutMS: 15_000,
  });
  const models = db.collections;
  const providers = createProviders(
    options.providerSettings ?? (await workspaceProviders(models, providerSettingsFromEnv(env))),
    {
      ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
      ...options.providerDeps,
    },
  );
  const namespace = options.temporalNamespace ?? "default";
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  // A regular client for the sweep's enrolments and the schedule: the SDK calls a client over the worker's
  // NativeConnection (`Context.current().client`) experimental.
  const clientConnection = await Connection.connect({ address: options.temporalAddress });
  const temporal = new Client({ connection: clientConnection, namespace });
  const activityLogger = {
    info: (fields: Record<string, unknown>, message: string) => logger.info(fields, message),
  };
  const activities = createActivities({
    store: createMongoStore(models),
    providers,
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.unsubscribeUrl ? { unsubscribeUrl: options.unsubscribeUrl } : {}),
    logger: activityLogger,
  });
  const sweepActivities = createSweepActivities({
    models,
    taskQueue: tuning.taskQueue,
    temporal,
    logger: {
      ...activityLogger,
      warn: (fields, message) => logger.warn(fields, message),
    },
  });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue: tuning.taskQueue,
    ...(tuning.workflowBundlePath
      ? { workflowBundle: { codePath: tuning.workflowBundlePath } }
      : { workflowBundle: await workflowBundle() }),
    activities: { ...activities, ...sweepActivities },
    maxConcurrentActivityTaskExecutions: tuning.maxConcurrentActivities,
    maxConcurrentLocalActivityExecutions: tuning.maxConcurrentActivities,
    maxConcurrentWorkflowTaskExecutions: tuning.maxConcurrentWorkflowTasks,
    maxCachedWorkflows: tuning.maxCachedWorkflows,
    shutdownGraceTime: "10 seconds",
  });
  logger.info({ taskQueue: tuning.taskQueue, tuning }, "worker started");
  const segmentSweep = await segmentSweepSchedule(temporal, tuning.taskQueue, sweepEvery, logger);

  const onSignal = () => {
    logger.info("signal received: draining the worker");
    if (worker.getState() === "RUNNING") worker.shutdown();
  };
  if (options.handleSignals !== false) {
    process.once("SIGTERM", onSignal);
    process.once("SIGINT", onSignal);
  }
  const done = worker.run().finally(async () => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    await Promise.allSettled([
      connection.close(),
      clientConnection.close(),
      providers.close(),
      db.close(),
    ]);
    logger.info("worker stopped");
  });
  // Callers may never await `done`; a worker that fails must not become an unhandled rejection.
  done.catch((error: unknown) => logger.error({ err: error }, "worker failed"));
  return {
    worker,
    models,
    providers,
    taskQueue: tuning.taskQueue,
    segmentSweep,
    done,
    async stop() {
      if (worker.getState() === "RUNNING") worker.shutdown();
      await done;
    },
  };
}
