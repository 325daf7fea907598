import type { ChannelConsent, StoredProfile } from "@omnijourney/shared";
import type { CollectionDeclaration } from "./declaration.js";

/**
 * A stored profile (shared's `StoredProfile`, contracts.md "The stored profile shape") keyed by `_id` =
 * `profileId`: per-profile reads and writes are then lookups on every engine (see engine/capabilities.ts).
 */
export type ProfileRecord = Omit<StoredProfile, "consent"> & {
  _id: string;
  /** Shared's `ProfileConsent`, keyed by channel name as written (routes take the channel from the path). */
  consent: Record<string, ChannelConsent>;
  /** Ids of the most recent events already counted (see ingestion's applyToProfiles). */
  appliedEvents?: string[];
};

export const profileCollection: CollectionDeclaration = {
  name: "profiles",
  indexes: [
    { key: { profileId: 1 }, name: "profileId_1", unique: true },
    { key: { userId: 1 }, name: "userId_1" },
    { key: { anonymousIds: 1 }, name: "anonymousIds_1" },
    { key: { updatedAt: -1 }, name: "updatedAt_-1" },
  ],
};

/** A new profile document with the defaults every reader expects (empty maps, both timestamps now). */
export const newProfile = (
  fields: Pick<StoredProfile, "profileId"> & Partial<Omit<ProfileRecord, "profileId">>,
): ProfileRecord => {
  const now = new Date();
  return {
    _id: fields.profileId,
    anonymousIds: [],
    attributes: {},
    consent: {},
    counters: {},
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
};

/**
 * How many recent event ids a profile remembers as counted (`appliedEvents`). Written in the same update as the
 * counters, it makes re-applying an event (after a crash, or a lapsed lease) a no-op.
 */
export const APPLIED_MEMORY = 500;
