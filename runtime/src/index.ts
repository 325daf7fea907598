export * from "./settings/workspace-settings.js";
export * from "./time/zoned.js";
export * from "./workflows/types.js";
export { eventSignal, stateQuery } from "./workflows/signals.js";
export { enrolmentWorkflowId } from "./enrolment-id.js";
export {
  createJourneyRuntime,
  DEFAULT_TASK_QUEUE,
  type JourneyRuntime,
  type EnrolInput,
} from "./client.js";
export {
  startWorker,
  workerTuningFromEnv,
  type StartWorkerOptions,
  type RunningWorker,
  type WorkerTuning,
} from "./worker.js";
export { createActivities, type ActivityDeps } from "./activities/index.js";
export {
  createMongoStore,
  MemoryStore,
  sendMessage,
  renderFields,
  templateContext,
  type RuntimeStore,
} from "./activities/index.js";
export { workflowBundle, writeWorkflowBundle, workflowsPath } from "./bundle.js";
export * from "./sweep/index.js";
export { createSimulator, type SimulateInput, type Simulator } from "./simulation/simulator.js";
export * from "./providers/index.js";
export * from "./engines/index.js";
export { createLogger } from "./logging.js";
export { loadPlugins, PluginLoadError, type LoadPluginsOptions } from "./plugins/load.js";
export { watchPlugins, type PluginWatchOptions } from "./plugins/watch.js";
