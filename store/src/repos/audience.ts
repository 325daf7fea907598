import type { Condition } from "@omnijourney/shared";
import { findByIds } from "../engine/capabilities.js";
import { conditionToMongo } from "../engine/filters.js";
import type { Collections } from "../models/index.js";
import type { ProfileRecord } from "../models/profile.js";

/** How many profiles a condition matches at `now`, with the newest `sampleSize` of them. */
export const previewAudience = async (
  models: Collections,
  condition: Condition,
  now: Date,
  sampleSize: number,
): Promise<{ count: number; sample: ProfileRecord[] }> => {
  const filter = conditionToMongo(condition, { now });
  const [count, sample] = await Promise.all([
    models.profiles.countDocuments(filter),
    models.profiles.find(filter).sort({ _id: -1 }).limit(sampleSize).toArray(),
  ]);
  return { count, sample };
};

/** The ids of the profiles a condition matches at `now`, streamed. */
export async function* matchingProfileIds(
  models: Collections,
  condition: Condition,
  now: Date,
): AsyncGenerator<string> {
  const cursor = models.profiles.find(conditionToMongo(condition, { now }), {
    projection: { profileId: 1, _id: 0 },
    batchSize: 1_000,
  });
  for await (const doc of cursor) if (typeof doc.profileId === "string") yield doc.profileId;
}

/** These profiles by id (one `$in` read per 500 ids); unknown ids are left out. */
export const profilesByIds = (
  models: Collections,
  profileIds: readonly string[],
): Promise<ProfileRecord[]> => findByIds(models.profiles, profileIds);
