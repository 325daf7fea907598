import type { Collections } from "../models/index.js";

/** How many documents an erasure removed, per collection. */
export type ErasedCounts = Record<string, number>;

/**
 * Deletes every document that names the person (the profile id or one of its anonymous ids), in every
 * collection: events, messages, enrolments, segment memberships, the per-profile documents, aliases, link tokens
 * and the profile last. Cancel the person's running enrolments first, or their workflows write again.
 */
export const eraseProfileRecords = async (
  models: Collections,
  ids: readonly string[],
): Promise<ErasedCounts> => {
  const $in = [...ids];
  const removed: ErasedCounts = {};
  const del = async (name: string, p: Promise<{ deletedCount: number }>) => {
    removed[name] = (await p).deletedCount;
  };
  await del(
    "events",
    models.events.deleteMany({
      $or: [{ profileId: { $in } }, { userId: { $in } }, { anonymousId: { $in } }],
    }),
  );
  await del("messages", models.messages.deleteMany({ profileId: { $in } }));
  await del("enrolments", models.enrolments.deleteMany({ profileId: { $in } }));
  await del("segmentMemberships", models.segmentMemberships.deleteMany({ profileId: { $in } }));
  await del("profileJourneys", models.profileJourneys.deleteMany({ _id: { $in } }));
  await del("recentSends", models.recentSends.deleteMany({ _id: { $in } }));
  await del(
    "identityAliases",
    models.identityAliases.deleteMany({ $or: [{ _id: { $in } }, { profileId: { $in } }] }),
  );
  await del("linkTokens", models.linkTokens.deleteMany({ profileId: { $in } }));
  await del(
    "profiles",
    models.profiles.deleteMany({ $or: [{ _id: { $in } }, { profileId: { $in } }] }),
  );
  return removed;
};

/**
 * Deletes again what a workflow's last activity may have written about the person after the erasure (an
 * activity in flight when its workflow closed): messages, enrolments and the per-profile documents.
 */
export const eraseLateWrites = async (
  models: Collections,
  ids: readonly string[],
): Promise<void> => {
  const $in = [...ids];
  await models.enrolments.deleteMany({ profileId: { $in } });
  await models.messages.deleteMany({ profileId: { $in } });
  await models.profileJourneys.deleteMany({ _id: { $in } });
  await models.recentSends.deleteMany({ _id: { $in } });
};
