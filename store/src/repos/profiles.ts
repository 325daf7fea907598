import type { Filter, UpdateFilter } from "mongodb";
import type { Condition } from "@omnijourney/shared";
import { conditionToMongo } from "../engine/filters.js";
import { findByIds, guardsAreAtomic, updateByIdStatement } from "../engine/capabilities.js";
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
 * caller serialises them per profile ({@link onProfilesInTurn}), so they always match; the statement each write
 * becomes is the engine's choice ({@link updateByIdStatement}).
 */
export const writeCountedProfiles = async (
  models: Collections,
  writes: readonly CountedWrite[],
): Promise<boolean> => {
  if (writes.length === 0) return true;
  const atomic = await guardsAreAtomic(models.raw);
  const ops = writes.map(({ profileId, countsRead, update }) =>
    updateByIdStatement<ProfileRecord>(
      atomic,
      { _id: profileId, ...(atomic ? guardOf(countsRead) : {}) },
      update,
    ),
  );
  const { matchedCount } = await retryTransient(() =>
    models.profiles.bulkWrite(ops, { ordered: false }),
  );
  return matchedCount === writes.length;
};

/** A profile by its id, or else by any of its anonymous ids; null when there is none. */
export const findProfile = async (models: Collections, id: string): Promise<ProfileRecord | null> =>
  (await models.profiles.findOne({ _id: id })) ??
  (await models.profiles.findOne({ anonymousIds: id }));

/** A profile by its profile id (`_id`); null when there is none. */
export const profileById = (models: Collections, profileId: string) =>
  models.profiles.findOne({ _id: profileId });

/** The first profile whose attribute (an address: phone, Telegram chat id) is this value, or one of these. */
export const profileByAddress = (
  models: Collections,
  attribute: string,
  value: string | readonly string[],
) =>
  models.profiles.findOne({
    [`attributes.${attribute}`]: typeof value === "string" ? value : { $in: [...value] },
  });

/** Sets and unsets fields of one profile (dotted paths), by `_id`. */
export const updateProfile = async (
  models: Collections,
  profileId: string,
  change: { set: Record<string, unknown>; unset?: Record<string, ""> },
): Promise<void> => {
  const { set, unset = {} } = change;
  await models.profiles.updateOne(
    { _id: profileId },
    Object.keys(unset).length ? { $set: set, $unset: unset } : { $set: set },
  );
};

/** A page of profiles, newest `_id` first. */
export type ProfileSearch = {
  /** A prefix of the profile id, email, phone or name (case-insensitive), or an exact anonymous id. */
  query?: string;
  /** The last `_id` of the previous page. */
  after?: string | null;
  limit: number;
  /** Only profiles this condition matches at `now` (attribute tests, segment membership). */
  conditions?: readonly Condition[];
  now?: Date;
};

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Profiles matching a search, up to `limit`, newest `_id` first. */
export const searchProfiles = (models: Collections, search: ProfileSearch) => {
  const and: Filter<ProfileRecord>[] = [];
  const q = search.query?.trim();
  if (q) {
    const prefix = { $regex: `^${escapeRegex(q)}`, $options: "i" };
    and.push({
      $or: [
        { profileId: prefix },
        { anonymousIds: q },
        { "attributes.email": prefix },
        { "attributes.phone": prefix },
        { "attributes.firstName": prefix },
        { "attributes.lastName": prefix },
      ],
    });
  }
  for (const condition of search.conditions ?? [])
    and.push(conditionToMongo(condition, { now: search.now ?? new Date() }));
  if (search.after) and.push({ _id: { $lt: search.after } });
  return models.profiles
    .find(and.length ? { $and: and } : {})
    .sort({ _id: -1 })
    .limit(search.limit)
    .toArray();
};

/** A profile's most recent events (without traits and context), messages and enrolments, each newest first. */
export const profileHistory = async (models: Collections, profileId: string, limit: number) => {
  const [events, messages, enrolments] = await Promise.all([
    models.events
      .find({ profileId }, { projection: { traits: 0, context: 0 } })
      .sort({ timestamp: -1 })
      .limit(limit)
      .toArray(),
    models.messages.find({ profileId }).sort({ createdAt: -1 }).limit(limit).toArray(),
    models.enrolments.find({ profileId }).sort({ startedAt: -1 }).limit(limit).toArray(),
  ]);
  return { events, messages, enrolments };
};
