import type { UpdateFilter } from "mongodb";
import type { Collections } from "../models/index.js";
import type { ProfileRecord } from "../models/profile.js";

/** Attribute changes of one profile: paths are attribute paths ("plan", "address.city"). */
export type AttributeChanges = {
  set: Record<string, unknown>;
  unset: readonly string[];
  inc: Record<string, number>;
};

const under = <T>(entries: [string, T][]): Record<string, T> =>
  Object.fromEntries(entries.map(([path, value]) => [`attributes.${path}`, value]));

/**
 * Sets, unsets and increments a profile's attributes in one write by `_id` (`updatedAt` moves too); nothing is
 * written when there is no change. A journey's `profile.update` step writes through this.
 */
export const changeProfileAttributes = async (
  models: Collections,
  profileId: string,
  changes: AttributeChanges,
): Promise<void> => {
  const set = Object.entries(changes.set);
  const inc = Object.entries(changes.inc);
  if (set.length === 0 && changes.unset.length === 0 && inc.length === 0) return;
  const update: UpdateFilter<ProfileRecord> = { $set: { ...under(set), updatedAt: new Date() } };
  if (changes.unset.length) update.$unset = under(changes.unset.map((path) => [path, ""]));
  if (inc.length) update.$inc = under(inc);
  await models.profiles.updateOne({ _id: profileId }, update);
};
