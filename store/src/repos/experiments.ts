import { escapeKey, goalRevenue, matchesProperties } from "@omnijourney/shared";
import { findByIds, guardsAreAtomic, updateByIdStatement } from "../engine/capabilities.js";
import { CounterBatcher } from "../engine/counter-batcher.js";
import { KeyedQueue } from "../engine/keyed-queue.js";
import { insertedDespiteDuplicates, isDuplicateKey, retryTransient } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import {
  armStatId,
  assignmentId,
  type ArmCounterKind,
  type ExperimentAssignmentRecord,
  type ProfileExperimentsRecord,
} from "../models/experiment.js";

/** What the worker records when an enrolment passes an experiment.split node. */
export type NewAssignment = Omit<ExperimentAssignmentRecord, "_id" | "convertedAt" | "revenue">;

/** An ingested event as conversion counting reads it. */
export type GoalEventInput = {
  profileId: string;
  event: string;
  properties: Record<string, unknown>;
  timestamp: Date;
};

/** Per-process writers of one database: counters merged per document, per-document work in order. */
type Writers = { counters: CounterBatcher; queue: KeyedQueue };
const writersOf = new WeakMap<Collections, Writers>();

const writers = (models: Collections): Writers => {
  let known = writersOf.get(models);
  if (!known) {
    known = {
      counters: new CounterBatcher(async (id, inc) => {
        const [journeyId = "", nodeId = "", version = "0", arm = "", kind = ""] =
          id.split("\u0000");
        const key = {
          journeyId,
          nodeId,
          version: Number(version),
          arm,
          kind: kind === "entries" ? ("entries" as const) : ("conversions" as const),
        };
        await retryTransient(() =>
          models.experimentArmStats.updateOne(
            { _id: armStatId(key) },
            { $inc: inc, $setOnInsert: key },
            { upsert: true },
          ),
        );
      }),
      queue: new KeyedQueue(),
    };
    writersOf.set(models, known);
  }
  return known;
};

const bumpArm = (
  models: Collections,
  a: Pick<ExperimentAssignmentRecord, "journeyId" | "nodeId" | "version" | "arm">,
  kind: ArmCounterKind,
  inc: Record<string, number>,
): Promise<void> =>
  writers(models).counters.add(
    [a.journeyId, a.nodeId, String(a.version), a.arm, kind].join("\u0000"),
    inc,
  );

/**
 * Records a profile's arm once (decision 0011): the profile's goal index first (idempotent), then the assignment,
 * whose `_id` is the unique key, then its arm's entry counter, only when this call inserted it. A repeat (a
 * retried activity, a re-entry) finds the assignment and changes nothing. Returns whether it was new. A crash
 * between the insert and the counter leaves the entry uncounted (at most once, never twice).
 */
export const recordAssignment = async (
  models: Collections,
  assignment: NewAssignment,
): Promise<boolean> => {
  const _id = assignmentId(assignment.journeyId, assignment.nodeId, assignment.profileId);
  if (assignment.goal) {
    const field = `byGoal.${escapeKey(assignment.goal.event)}`;
    await writers(models).queue.run(`profile:${assignment.profileId}`, () =>
      retryTransient(() =>
        models.profileExperiments.updateOne(
          { _id: assignment.profileId },
          { $addToSet: { [field]: _id } },
          { upsert: true },
        ),
      ),
    );
  }
  try {
    await retryTransient(() => models.experimentAssignments.insertOne({ _id, ...assignment }));
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
  await bumpArm(models, assignment, "entries", { enrolled: 1 });
  return true;
};

/**
 * `recordAssignment` for many assignments at once (imports, seeding, the scale test), with a fixed number of
 * round trips: the profiles' goal indexes (inserted when new, `$addToSet` otherwise), the assignments
 * (`insertMany`, duplicates skipped) and one counter increment per arm. Returns how many were new.
 */
export const recordAssignments = async (
  models: Collections,
  assignments: readonly NewAssignment[],
): Promise<number> => {
  const docs = assignments.map((a) => ({
    _id: assignmentId(a.journeyId, a.nodeId, a.profileId),
    ...a,
  }));
  const byProfile = new Map<string, Record<string, string[]>>();
  for (const d of docs) {
    if (!d.goal) continue;
    const byGoal = byProfile.get(d.profileId) ?? {};
    (byGoal[escapeKey(d.goal.event)] ??= []).push(d._id);
    byProfile.set(d.profileId, byGoal);
  }
  const known = new Set(
    (await findByIds(models.profileExperiments, [...byProfile.keys()], { _id: 1 })).map(
      (d) => d._id,
    ),
  );
  const fresh = [...byProfile].filter(([id]) => !known.has(id));
  const added = await insertedDespiteDuplicates(
    () =>
      fresh.length > 0
        ? models.profileExperiments.insertMany(
            fresh.map(([_id, byGoal]) => ({ _id, byGoal })),
            { ordered: false },
          )
        : Promise.resolve(),
    fresh.length,
  );
  const addedIds = new Set(added.map((i) => fresh[i]?.[0]));
  const atomic = await guardsAreAtomic(models.raw);
  const updates = [...byProfile]
    .filter(([id]) => !addedIds.has(id))
    .map(([_id, byGoal]) =>
      updateByIdStatement<ProfileExperimentsRecord>(
        atomic,
        { _id },
        {
          $addToSet: Object.fromEntries(
            Object.entries(byGoal).map(([event, ids]) => [`byGoal.${event}`, { $each: ids }]),
          ),
        },
      ),
    );
  if (updates.length > 0) await models.profileExperiments.bulkWrite(updates, { ordered: false });
  const inserted = await insertedDespiteDuplicates(
    () => models.experimentAssignments.insertMany(docs, { ordered: false }),
    docs.length,
  );
  const perArm = new Map<string, { a: NewAssignment; n: number }>();
  for (const i of inserted) {
    const a = assignments[i];
    if (!a) continue;
    const key = [a.journeyId, a.nodeId, a.version, a.arm].join("\u0000");
    const entry = perArm.get(key) ?? { a, n: 0 };
    entry.n += 1;
    perArm.set(key, entry);
  }
  await Promise.all(
    [...perArm.values()].map(({ a, n }) => bumpArm(models, a, "entries", { enrolled: n })),
  );
  return inserted.length;
};

/** Whether the event converts the assignment: its goal, inside the window that opened when the profile entered. */
const converts = (a: ExperimentAssignmentRecord, e: GoalEventInput): boolean =>
  a.goal !== undefined &&
  a.convertedAt === undefined &&
  a.goal.event === e.event &&
  e.timestamp.getTime() >= a.enteredAt.getTime() &&
  e.timestamp.getTime() <= a.goal.until.getTime() &&
  (a.goal.where === undefined || matchesProperties(a.goal.where, e.properties, e.timestamp));

/**
 * Claims the assignment's conversion: by `_id` with the "not converted" guard where guards are atomic (MongoDB);
 * on FerretDB by `_id` alone after the read in `countGoalConversions`, in order per assignment in this process
 * (engine/capabilities.ts).
 */
const claimConversion = async (
  models: Collections,
  a: ExperimentAssignmentRecord,
  at: Date,
  revenue: number,
): Promise<boolean> => {
  const set = { $set: { convertedAt: at, revenue } };
  if (await guardsAreAtomic(models.raw)) {
    const r = await models.experimentAssignments.updateOne(
      { _id: a._id, convertedAt: { $exists: false } },
      set,
    );
    return r.modifiedCount === 1;
  }
  const current = await models.experimentAssignments.findOne({ _id: a._id });
  if (!current || current.convertedAt !== undefined) return false;
  await models.experimentAssignments.updateOne({ _id: a._id }, set);
  return true;
};

/**
 * Counts the conversions a batch of ingested events makes (DESIGN.md "Runtime semantics"): every assignment of
 * the event's profile whose goal the event meets, at a time inside the assignment's window, converts once, with
 * the event's revenue, into its arm's counters, whether or not its workflow still runs. Reads by `_id` only:
 * the profiles' goal indexes, then the assignments they list for the events' names. Events in time order, so
 * the first qualifying event converts. Returns how many assignments converted.
 */
export const countGoalConversions = async (
  models: Collections,
  events: readonly GoalEventInput[],
): Promise<number> => {
  if (events.length === 0) return 0;
  const indexes = await findByIds(
    models.profileExperiments,
    events.map((e) => e.profileId),
  );
  if (indexes.length === 0) return 0;
  const byProfile = new Map(indexes.map((i) => [i._id, i.byGoal ?? {}]));
  const ids = events.flatMap((e) => byProfile.get(e.profileId)?.[escapeKey(e.event)] ?? []);
  if (ids.length === 0) return 0;
  const assignments = await findByIds(models.experimentAssignments, ids);
  // Each assignment's first qualifying event, in time order; the claims then run side by side.
  const ordered = [...events].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  const firsts = assignments.flatMap((a) => {
    const e = ordered.find((event) => event.profileId === a.profileId && converts(a, event));
    return e ? [{ a, e }] : [];
  });
  let converted = 0;
  await Promise.all(
    firsts.map(async ({ a, e }) => {
      const revenue = goalRevenue(e.properties, a.goal?.revenueProperty);
      const claimed = await writers(models).queue.run(`assignment:${a._id}`, () =>
        retryTransient(() => claimConversion(models, a, e.timestamp, revenue)),
      );
      if (!claimed) return;
      converted += 1;
      await bumpArm(models, a, "conversions", {
        converted: 1,
        ...(revenue ? { revenue, revenueSquares: revenue * revenue } : {}),
      });
    }),
  );
  return converted;
};

/** An experiment node's counters in the shape `experimentArms` reads (entries as `ports`). */
export type ArmCounters = {
  ports: Record<string, number>;
  portConversions: Record<string, number>;
  portRevenue: Record<string, number>;
  /** Each arm's sum of converters' revenue squared, when every counted revenue has its square. */
  portRevenueSquares?: Record<string, number>;
};

/**
 * An experiment node's arm counters summed over journey versions (those before `beforeVersion` when given: a
 * declared winner's version sends everyone to one arm, which is no longer the experiment). Null when no
 * assignment was ever counted at the node (enrolments from before durable assignments).
 */
export const readArmCounters = async (
  models: Collections,
  journeyId: string,
  nodeId: string,
  options: { beforeVersion?: number } = {},
): Promise<ArmCounters | null> => {
  const docs = await models.experimentArmStats.find({ journeyId, nodeId }).toArray();
  if (docs.length === 0) return null;
  const out: ArmCounters = { ports: {}, portConversions: {}, portRevenue: {} };
  const add = (map: Record<string, number>, arm: string, by: number | undefined) => {
    if (by) map[arm] = (map[arm] ?? 0) + by;
  };
  const squares: Record<string, number> = {};
  // Counters written before squares were kept have revenue without them: no interval then, rather than a wrong one.
  let squaresComplete = true;
  for (const d of docs) {
    if (options.beforeVersion !== undefined && d.version >= options.beforeVersion) continue;
    if (d.enrolled !== undefined) out.ports[d.arm] = (out.ports[d.arm] ?? 0) + d.enrolled;
    add(out.portConversions, d.arm, d.converted);
    add(out.portRevenue, d.arm, d.revenue);
    add(squares, d.arm, d.revenueSquares);
    if (d.revenue && d.revenueSquares === undefined) squaresComplete = false;
  }
  return squaresComplete ? { ...out, portRevenueSquares: squares } : out;
};

/** Deletes a journey's assignments and arm counters (the profiles' goal indexes keep dangling ids, skipped on read). */
export const deleteJourneyExperiments = async (
  models: Collections,
  journeyId: string,
): Promise<void> => {
  await models.experimentAssignments.deleteMany({ journeyId });
  await models.experimentArmStats.deleteMany({ journeyId });
};
