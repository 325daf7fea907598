import type { ObjectId } from "mongodb";
import { findByIds } from "../engine/capabilities.js";
import { ignoreDuplicateKeys, insertedDespiteDuplicates, retryTransient } from "../engine/retry.js";
import type { EventRecord } from "../models/event.js";
import type { Collections } from "../models/index.js";

/**
 * Writes the outbox entries of events about to be stored, leased to this process until `leaseUntil`, in one
 * unordered insert. An entry that exists already (a retried request) is left as it is.
 */
export const insertOutboxEntries = (
  models: Collections,
  ids: readonly ObjectId[],
  leaseUntil: Date,
): Promise<void> =>
  retryTransient(() =>
    ignoreDuplicateKeys(
      models.outbox.insertMany(
        ids.map((_id) => ({ _id, leaseUntil })),
        { ordered: false },
      ),
    ),
  );

/**
 * Inserts events in one unordered insert and resolves the positions of those it stored; an event whose
 * `messageId` was stored before is refused by the unique index and left out (acknowledged, not stored twice).
 */
export const insertEvents = (models: Collections, docs: EventRecord[]): Promise<number[]> =>
  docs.length === 0
    ? Promise.resolve([])
    : retryTransient(() =>
        insertedDespiteDuplicates(
          () => models.events.insertMany(docs, { ordered: false }),
          docs.length,
        ),
      );

/** Deletes outbox entries: their events are fanned out, or were never stored. */
export const dropOutboxEntries = async (
  models: Collections,
  entries: readonly { _id: ObjectId }[],
): Promise<void> => {
  if (entries.length === 0) return;
  await retryTransient(() => models.outbox.deleteMany({ _id: { $in: entries.map((e) => e._id) } }));
};

/**
 * Takes over up to `limit` outbox entries whose lease lapsed before `now`, oldest first, leasing them to
 * `owner` until `until`, and resolves the entries this owner now holds. The lease moves only where it still
 * lapsed, so two processes never claim the same entry.
 */
export const claimLapsedEntries = async (
  models: Collections,
  now: Date,
  lease: { owner: string; until: Date; limit: number },
): Promise<{ _id: ObjectId }[]> => {
  const candidates = await models.outbox
    .find({ leaseUntil: { $lt: now } }, { projection: { _id: 1 } })
    .sort({ _id: 1 })
    .limit(lease.limit)
    .toArray();
  if (candidates.length === 0) return [];
  await models.outbox.updateMany(
    { _id: { $in: candidates.map((c) => c._id) }, leaseUntil: { $lt: now } },
    { $set: { leaseUntil: lease.until, leaseOwner: lease.owner } },
  );
  return models.outbox.find({ leaseOwner: lease.owner }, { projection: { _id: 1 } }).toArray();
};

/** The stored events of these outbox entries, in the order they were written (by `_id`). */
export const eventsOfEntries = async (
  models: Collections,
  entries: readonly { _id: ObjectId }[],
): Promise<EventRecord[]> =>
  (
    await findByIds(
      models.events,
      entries.map((e) => e._id),
    )
  ).sort((a, b) => a._id.toHexString().localeCompare(b._id.toHexString()));

/**
 * The workspace's tracked event names, most frequent first, as a sample of `sample` stored events has
 * them: a bounded read whatever the size of the history, for suggestions. In the collection's natural
 * order, not newest first: a sort over the whole history is what the embedded engine cannot answer
 * quickly (tens of seconds on the demo), while the first few thousand documents come in about a second.
 */
export const sampledEventNames = async (
  models: Collections,
  sample = 3_000,
): Promise<{ name: string; count: number }[]> => {
  const recent = await models.events
    .find({}, { projection: { _id: 0, type: 1, event: 1 } })
    .limit(sample)
    .toArray();
  const counts = new Map<string, number>();
  for (const { type, event } of recent)
    if (type === "track") counts.set(event, (counts.get(event) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
};
