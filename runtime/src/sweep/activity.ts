import { Context } from "@temporalio/activity";
import type { Client } from "@temporalio/client";
import { Condition, evaluateCondition, isTimeDependent, triggerSegment } from "@omnijourney/shared";
import { createJourneyRuntime, type JourneyRuntime } from "../client.js";
import {
  enterSegment,
  findJourneyVersion,
  findSegmentsByIds,
  giveBackMembership,
  listLiveTriggers,
  matchingProfileIds,
  profilesByIds,
  readMembers,
  readSweepState,
  recordSweep,
  removeMembershipsBefore,
  type Collections,
} from "@omnijourney/store";
import type { SegmentSweepActivities, SegmentSweepResult } from "../workflows/segment-sweep.js";

/** Where the sweep logs (the worker passes its pino logger). */
export type SweepLogger = {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
};

export type SweepDeps = {
  models: Collections;
  /** The task queue enrolments start on (the worker's). */
  taskQueue: string;
  /**
   * A Temporal client for starting enrolments. Defaults to the worker's own client (`Context.current().client`),
   * which the SDK marks experimental over a worker's NativeConnection; `startWorker` passes a regular one.
   */
  temporal?: Client;
  logger?: SweepLogger;
  /** Enrolments started at once per journey (default 4). */
  enrolConcurrency?: number;
};

/** A live journey the sweep looks at: its segment's condition reads the clock. */
type SweepTarget = {
  journeyId: string;
  version: number;
  segmentId: string;
  condition: Condition;
  enrolExisting: boolean;
  publishedAt: Date | null;
};

type JourneySweep = Omit<SegmentSweepResult, "journeys">;

/** Membership rows inserted in one round trip. */
const INSERT_BATCH = 500;
/** Leaving members re-checked and deleted per round trip (two queries each: `$in` scans on the embedded engine). */
const LEAVE_BATCH = 500;
const HEARTBEAT_MS = 5_000;

/** The activity context when running as an activity; null when called directly (scripts, tests). */
function activityContext(): Context | null {
  try {
    return Context.current();
  } catch {
    return null;
  }
}

/** Runs `fn` over `items` with at most `limit` at once; rethrows the first error after all settled. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i] as T; // why: i < items.length was just checked
      await fn(item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (errors.length > 0) throw errors[0];
}

/** Live `trigger.segment` journeys whose segment condition is time-dependent. */
async function sweepTargets(models: Collections, logger?: SweepLogger): Promise<SweepTarget[]> {
  const journeys = await listLiveTriggers(models);
  const segmentJourneys = journeys.flatMap((j) => {
    const trigger: unknown = j.trigger;
    if (
      typeof j.liveVersion !== "number" ||
      typeof trigger !== "object" ||
      trigger === null ||
      !("type" in trigger) ||
      trigger.type !== "trigger.segment" ||
      !("segmentId" in trigger) ||
      typeof trigger.segmentId !== "string"
    )
      return [];
    return [
      {
        journeyId: String(j._id),
        version: j.liveVersion,
        segmentId: trigger.segmentId,
        publishedAt: j.publishedAt ?? null,
      },
    ];
  });
  if (segmentJourneys.length === 0) return [];
  const segments = await findSegmentsByIds(
    models,
    segmentJourneys.map((j) => j.segmentId),
  );
  const conditions = new Map<string, Condition>();
  for (const s of segments) {
    const parsed = Condition.safeParse(s.condition);
    if (parsed.success) conditions.set(String(s._id), parsed.data);
    else logger?.warn({ segmentId: s._id }, "segment sweep: stored condition is invalid; skipped");
  }
  const targets: SweepTarget[] = [];
  for (const j of segmentJourneys) {
    const condition = conditions.get(j.segmentId);
    if (!condition || !isTimeDependent(condition)) continue;
    const frozen = await findJourneyVersion(models, j.journeyId, j.version);
    if (!frozen) continue;
    // Plans are compiled and validated at publish.
    const plan = frozen.plan;
    const config = triggerSegment.config.safeParse(plan.nodes[plan.triggerNodeId]?.config ?? {});
    targets.push({ ...j, condition, enrolExisting: config.success && config.data.enrolExisting });
  }
  return targets;
}

/**
 * Builds the segment sweep activity. For every live `trigger.segment` journey whose segment condition depends on
 * time, it finds the profiles matching now, gives each new one a membership row and enrols it (the row is the
 * idempotency key shared with the API's fan-out, so nobody enters twice), and deletes the rows of profiles that no
 * longer match, so they can enter again later — the same semantics as the API's `enterSegments`.
 */
export function createSweepActivities(deps: SweepDeps): SegmentSweepActivities {
  const { models, logger } = deps;
  const concurrency = deps.enrolConcurrency ?? 4;

  async function sweepJourney(
    runtime: JourneyRuntime,
    target: SweepTarget,
    progress: () => void,
    checkCancelled: () => void,
  ): Promise<JourneySweep> {
    const now = new Date();
    const key = { journeyId: target.journeyId, segmentId: target.segmentId };
    const out: JourneySweep = { entered: 0, enrolled: 0, baseline: 0, left: 0 };

    const members = await readMembers(models, key);

    // Published without `enrolExisting`: who was in the segment at publish is recorded once, never enrolled.
    const state = await readSweepState(models, key);
    const baselineAsOf =
      !target.enrolExisting && !state?.baselineAt ? (target.publishedAt ?? now) : null;
    const atPublish = new Set<string>();
    if (baselineAsOf)
      for await (const id of matchingProfileIds(models, target.condition, baselineAsOf))
        atPublish.add(id);

    const enrol = async (profileId: string): Promise<void> => {
      try {
        const result = await runtime.enrol({
          journeyId: target.journeyId,
          version: target.version,
          profileId,
          event: null,
        });
        if (result.started) out.enrolled++;
      } catch (error) {
        // Give the row back so the retried activity (or the next sweep) enrols this profile.
        await giveBackMembership(models, key, profileId, now);
        throw error;
      }
    };
    let pending: string[] = [];
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const created = await enterSegment(models, key, batch, now);
      const toEnrol = created.filter((id) => !atPublish.has(id));
      out.entered += toEnrol.length;
      out.baseline += created.length - toEnrol.length;
      await forEachLimited(toEnrol, concurrency, enrol);
      progress();
      checkCancelled();
    };

    const matched = new Set<string>();
    for await (const profileId of matchingProfileIds(models, target.condition, now)) {
      matched.add(profileId);
      if (members.has(profileId)) continue;
      pending.push(profileId);
      if (pending.length >= INSERT_BATCH) await flush();
    }
    await flush();

    // Rows written after `now` came from the fan-out reacting to a newer change: not this sweep's to judge.
    const gone = [...members].filter(([id, row]) => !matched.has(id) && row.enteredAt < now);
    for (let i = 0; i < gone.length; i += LEAVE_BATCH) {
      const batch = gone.slice(i, i + LEAVE_BATCH);
      // Re-check these profiles: one may have changed since the query ran (the fan-out then keeps its row).
      const profiles = await profilesByIds(
        models,
        batch.map(([id]) => id),
      );
      const current = new Map(profiles.map((p) => [p.profileId, p]));
      const at = new Date();
      const leaving = batch.filter(([id]) => {
        const profile = current.get(id);
        return !profile || !evaluateCondition(target.condition, { profile, now: at });
      });
      if (leaving.length === 0) continue;
      // Only the rows that were read go: a row the fan-out wrote again since has a later `enteredAt`.
      out.left += await removeMembershipsBefore(
        models,
        leaving.map(([, row]) => row._id),
        now,
      );
      progress();
      checkCancelled();
    }
    progress();

    await recordSweep(models, key, baselineAsOf);
    return out;
  }

  return {
    async sweepSegmentTriggers(): Promise<SegmentSweepResult> {
      const context = activityContext();
      const temporal = deps.temporal ?? context?.client;
      if (!temporal) throw new Error("sweepSegmentTriggers needs a Temporal client");
      const runtime = createJourneyRuntime({ temporal, models, taskQueue: deps.taskQueue });
      const totals: SegmentSweepResult = {
        journeys: 0,
        entered: 0,
        enrolled: 0,
        baseline: 0,
        left: 0,
      };
      let current: string | null = null;
      const progress = () => context?.heartbeat({ journeyId: current, ...totals });
      const checkCancelled = () => {
        if (context?.cancellationSignal.aborted) throw context.cancellationSignal.reason;
      };
      // Heartbeat on a timer too: one slow query (a collection scan on the embedded engine) must not look like a dead worker.
      const timer = setInterval(progress, HEARTBEAT_MS);
      const started = Date.now();
      try {
        progress();
        const targets = await sweepTargets(models, logger);
        for (const target of targets) {
          current = target.journeyId;
          const result = await sweepJourney(runtime, target, progress, checkCancelled);
          totals.journeys++;
          totals.entered += result.entered;
          totals.enrolled += result.enrolled;
          totals.baseline += result.baseline;
          totals.left += result.left;
          logger?.info({ ...target, condition: undefined, ...result }, "segment swept");
        }
      } finally {
        clearInterval(timer);
        await runtime.close();
      }
      logger?.info({ ...totals, ms: Date.now() - started }, "segment sweep finished");
      return totals;
    },
  };
}
