import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleHandle,
} from "@temporalio/client";
import { DEFAULT_TASK_QUEUE } from "../client.js";

/** The schedule's id for the default task queue. */
export const SEGMENT_SWEEP_SCHEDULE_ID = "omnijourney-segment-sweep";
/** How often the sweep runs unless configured (OMNIJOURNEY_SEGMENT_SWEEP_EVERY). */
export const DEFAULT_SEGMENT_SWEEP_EVERY = "15m";

/**
 * The schedule's id for a task queue. A schedule starts its workflow on one task queue, and each task queue's
 * workers serve one database, so each queue gets its own sweep: the default queue's is `omnijourney-segment-sweep`.
 */
export function segmentSweepScheduleId(taskQueue: string = DEFAULT_TASK_QUEUE): string {
  return taskQueue === DEFAULT_TASK_QUEUE
    ? SEGMENT_SWEEP_SCHEDULE_ID
    : `${SEGMENT_SWEEP_SCHEDULE_ID}-${taskQueue}`;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Parses a sweep interval: "30s", "15m", "1h", "1d" (whole numbers); "off" (or "none", "false", "0") disables the
 * sweep and gives null; empty gives the default. Throws on anything else, so a typo fails the start loudly.
 */
export function parseSweepEvery(value: string | undefined): number | null {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "") return parseSweepEvery(DEFAULT_SEGMENT_SWEEP_EVERY);
  if (["off", "none", "false", "0"].includes(text)) return null;
  const match = /^(\d+)\s*(s|m|h|d)$/.exec(text);
  const unit = match?.[2];
  if (!match || unit === undefined || !(unit in UNIT_MS))
    throw new Error(
      `Invalid segment sweep interval '${value}': use e.g. "30s", "15m", "1h" or "off"`,
    );
  const ms = Number(match[1]) * UNIT_MS[unit as keyof typeof UNIT_MS]; // why: `unit in UNIT_MS` was just checked
  if (ms < 1_000) throw new Error("The segment sweep interval must be at least one second");
  return ms;
}

export type SegmentSweepScheduleOptions = {
  /** The task queue the sweep workflow runs on (the worker's). */
  taskQueue: string;
  /** Interval: milliseconds or a string for {@link parseSweepEvery}. */
  every: number | string;
  /** Defaults to {@link segmentSweepScheduleId}(taskQueue). */
  scheduleId?: string;
};

/**
 * Creates the Temporal Schedule that runs `segmentSweepWorkflow` every `every`, or brings an existing one up to
 * date (interval, task queue, policies), so every worker start may call it: idempotent across restarts and across
 * workers that start together. A schedule an operator paused stays paused.
 *
 * Policies: overlap SKIP (a sweep still running when the next is due makes that one wait for the next tick, never
 * two sweeps at once) and a one-minute catch-up window (after an outage one sweep runs, not one per missed tick).
 */
export async function ensureSegmentSweepSchedule(
  client: Client,
  options: SegmentSweepScheduleOptions,
): Promise<ScheduleHandle> {
  const scheduleId = options.scheduleId ?? segmentSweepScheduleId(options.taskQueue);
  const every = typeof options.every === "number" ? options.every : parseSweepEvery(options.every);
  if (every === null) throw new Error("ensureSegmentSweepSchedule needs an interval, not 'off'");
  const spec = { intervals: [{ every }] };
  const action = {
    type: "startWorkflow" as const,
    workflowType: "segmentSweepWorkflow",
    taskQueue: options.taskQueue,
    workflowId: scheduleId,
    // Bounds a run that no worker picks up, so SKIP does not hold back later sweeps forever.
    workflowExecutionTimeout: "2 hours",
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: "1 minute" };
  try {
    return await client.schedule.create({ scheduleId, spec, action, policies });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    const handle = client.schedule.getHandle(scheduleId);
    await handle.update((previous) => ({
      spec,
      action,
      policies,
      state: {
        paused: previous.state.paused,
        ...(previous.state.note !== undefined ? { note: previous.state.note } : {}),
      },
    }));
    return handle;
  }
}

/** Deletes the sweep schedule (tests, or turning the sweep off for good); no error when it does not exist. */
export async function deleteSegmentSweepSchedule(
  client: Client,
  taskQueue: string = DEFAULT_TASK_QUEUE,
): Promise<void> {
  await client.schedule
    .getHandle(segmentSweepScheduleId(taskQueue))
    .delete()
    .catch((error: unknown) => {
      if (error instanceof ScheduleNotFoundError) return;
      throw error;
    });
}
