import type { AnyBulkWriteOperation, Filter, UpdateFilter } from "mongodb";
import { findByIds, guardsAreAtomic } from "../engine/capabilities.js";
import { KeyedQueue } from "../engine/keyed-queue.js";
import { ignoreDuplicateKeys, retryTransient } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import type { ProfileRecord } from "../models/profile.js";

/** What a counting round reads of a profile. */
export type CountedProfile = Pick<
  ProfileRecord,
  "_id" | "profileId" | "counters" | "appliedEvents"
>;

const COUNTED_FIELDS = { profileId: 1, counters: 1, appliedEvents: 1 } as const;

/** One profile update at a time per profile in this process (the embedded engine's updates are not atomic; engine/capabilities.ts). */
const profileLanes = new KeyedQueue();

/** Runs `task` once every earlier task of this process over any of these profiles settled; later ones wait for it. */
export const onProfilesInTurn = <T>(profileIds: readonly string[], task: () => Promise<T>) =>
  profileLanes.runAll(profileIds, task);

/** The counted state of these profiles by profile id (one `$in` read per 500 ids); missing ones are left out. */
export const readCountedProfiles = async (
  models: Collections,
  profileIds: readonly string[],
): Promise<Map<string, CountedProfile>> =>
  new Map(
    (await retryTransient(() => findByIds(models.profiles, profileIds, COUNTED_FIELDS))).map(
      (p) => [p._id, p],
    ),
  );

/** Inserts new profiles in one unordered insert; one a concurrent request created first is left as it is. */
export const createProfiles = (models: Collections, profiles: ProfileRecord[]): Promise<void> =>
  retryTransient(() =>
    ignoreDuplicateKeys(models.profiles.insertMany(profiles, { ordered: false })),
  );

/**
 * An update of one profile's counters, with the count each counter it touches had when read (`null`: absent):
 * where the engine checks a filter atomically with its write these guard it (compare-and-set).
 */
export type CountedWrite = {
  profileId: string;
  countsRead: Record<string, number | null>;
  update: UpdateFilter<ProfileRecord>;
};

const guardOf = (countsRead: CountedWrite["countsRead"]): Filter<ProfileRecord> =>
  Object.fromEntries(
    Object.entries(countsRead).map(([key, count]) => [
      `counters.${key}.count`,
      count ?? { $exists: false },
    ]),
  );

/**
 * Applies the updates in one unordered bulk write; resolves false when a guarded write lost a race (read and
 * apply again). Where guards are not atomic (the embedded engine) the writes are keyed by `_id` alone and the
 * caller serialises them per profile ({@link onProfilesInTurn}), so they always match. There each is an
 * `updateMany` by `_id` (still one document): an `updateOne` statement stops after one row without draining its
 * SQLite rows, which FerretDB's stock build keeps, with a pooled connection, until the whole command ends, so a
 * bulk of 100 hangs it for good (decision 0007; Omnijourney's own build is patched, an external one may not
 * be). `updateMany` drains its rows. On MongoDB, `updateOne`.
 */
export const writeCountedProfiles = async (
  models: Collections,
  writes: readonly CountedWrite[],
): Promise<boolean> => {
  if (writes.length === 0) return true;
  const atomic = await guardsAreAtomic(models.raw);
  const ops: AnyBulkWriteOperation<ProfileRecord>[] = writes.map(
    ({ profileId, countsRead, update }) => {
      const filter = { _id: profileId, ...(atomic ? guardOf(countsRead) : {}) };
      return atomic ? { updateOne: { filter, update } } : { updateMany: { filter, update } };
    },
  );
  const { matchedCount } = await retryTransient(() =>
    models.profiles.bulkWrite(ops, { ordered: false }),
  );
  return matchedCount === writes.length;
};
