import { NativeConnection, Worker } from "@temporalio/worker";
import mongoose from "mongoose";
import pino from "pino";
import type { NodeTypeRegistry } from "@omnijourney/shared";
import { createActivities } from "./activities/index.js";
import { createMongoStore } from "./activities/mongo-store.js";
import { workflowBundle } from "./bundle.js";
import { DEFAULT_TASK_QUEUE } from "./client.js";
import { createModels, ensureIndexes, type Models } from "./models/index.js";
import { createProviders, type ProviderDeps, type Providers } from "./providers/factory.js";
import { providerSettingsFromEnv } from "./providers/env.js";
import { ProviderSettings, type ProviderSettingsInput } from "./providers/settings.js";
import { WORKSPACE_SETTINGS_ID } from "./models/settings.js";
import { normaliseSettings } from "./settings/workspace-settings.js";
import type { SendDeps } from "./activities/send.js";

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
  /** Stop on SIGTERM/SIGINT (default true). */
  handleSignals?: boolean;
  env?: NodeJS.ProcessEnv;
};

export type RunningWorker = {
  worker: Worker;
  models: Models;
  providers: Providers;
  taskQueue: string;
  /** Resolves when the worker has stopped (after `stop()` or a signal). */
  done: Promise<void>;
  stop(): Promise<void>;
};

/** The environment's provider settings, overridden per channel by valid ones stored in the workspace Settings. */
async function workspaceProviders(
  models: Models,
  fromEnv: ProviderSettingsInput,
): Promise<ProviderSettingsInput> {
  const stored = normaliseSettings(
    await models.Settings.findById(WORKSPACE_SETTINGS_ID).lean(),
  ).providers;
  const merged = { ...fromEnv, ...stored };
  const parsed = ProviderSettings.safeParse(merged);
  return parsed.success ? merged : fromEnv;
}

/** Connects to MongoDB and Temporal and runs the journey worker until `stop()` or SIGTERM. */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const env = options.env ?? process.env;
  const tuning = {
    ...workerTuningFromEnv(env),
    ...options.tuning,
    ...(options.taskQueue ? { taskQueue: options.taskQueue } : {}),
  };
  const logger = pino({ name: "omnijourney-worker", level: env.LOG_LEVEL ?? "info" });
  const db = mongoose.createConnection(options.mongoUri, {
    ...(options.mongoDbName ? { dbName: options.mongoDbName } : {}),
    serverSelectionTimeoutMS: 15_000,
  });
  await db.asPromise();
  const models = createModels(db);
  await ensureIndexes(models);
  const providers = createProviders(
    options.providerSettings ?? (await workspaceProviders(models, providerSettingsFromEnv(env))),
    {
      ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
      ...options.providerDeps,
    },
  );
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const activities = createActivities({
    store: createMongoStore(models),
    providers,
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.unsubscribeUrl ? { unsubscribeUrl: options.unsubscribeUrl } : {}),
    logger: { info: (fields, message) => logger.info(fields, message) },
  });
  const worker = await Worker.create({
    connection,
    namespace: options.temporalNamespace ?? "default",
    taskQueue: tuning.taskQueue,
    ...(tuning.workflowBundlePath
      ? { workflowBundle: { codePath: tuning.workflowBundlePath } }
      : { workflowBundle: await workflowBundle() }),
    activities,
    maxConcurrentActivityTaskExecutions: tuning.maxConcurrentActivities,
    maxConcurrentLocalActivityExecutions: tuning.maxConcurrentActivities,
    maxConcurrentWorkflowTaskExecutions: tuning.maxConcurrentWorkflowTasks,
    maxCachedWorkflows: tuning.maxCachedWorkflows,
    shutdownGraceTime: "10 seconds",
  });
  logger.info({ taskQueue: tuning.taskQueue, tuning }, "worker started");

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
    await Promise.allSettled([connection.close(), providers.close(), db.close()]);
    logger.info("worker stopped");
  });
  // Callers may never await `done`; a worker that fails must not become an unhandled rejection.
  done.catch((error: unknown) => logger.error({ err: error }, "worker failed"));
  return {
    worker,
    models,
    providers,
    taskQueue: tuning.taskQueue,
    done,
    async stop() {
      if (worker.getState() === "RUNNING") worker.shutdown();
      await done;
    },
  };
}
