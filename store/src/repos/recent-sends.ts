import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import { RECENT_SENDS_MS, type RecentMarketingSend } from "../models/per-profile.js";

/** The profile's remembered marketing sends since `since`, across all journeys, oldest first. */
export const readRecentMarketingSends = async (
  models: Collections,
  profileId: string,
  since: Date,
): Promise<RecentMarketingSend[]> => {
  const doc = await models.recentSends.findOne({ _id: profileId });
  return (doc?.marketing ?? [])
    .filter((s) => s.at && s.at >= since)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
};

/**
 * Adds a marketing send to the profile's recent sends (once per message key), forgetting those older than any
 * cap window. Read, then write by `_id`: the caller runs these one at a time per profile (the embedded engine
 * loses concurrent updates of one document; engine/capabilities.ts). Two processes sending to one profile at the
 * same instant could drop one entry, which makes the cap lenient by one, never stricter.
 */
export const rememberMarketingSend = async (
  models: Collections,
  profileId: string,
  send: RecentMarketingSend,
): Promise<void> => {
  const doc = await models.recentSends.findOne({ _id: profileId });
  const kept = (doc?.marketing ?? []).filter(
    (s) => s.at && s.at.getTime() > send.at.getTime() - RECENT_SENDS_MS,
  );
  if (kept.some((s) => s.key === send.key)) return;
  await onDuplicateKey(
    () =>
      models.recentSends.updateOne(
        { _id: profileId },
        { $set: { marketing: [...kept, send] } },
        { upsert: true },
      ),
    // Another send created the document since it was read: add to it.
    () => models.recentSends.updateOne({ _id: profileId }, { $push: { marketing: send } }),
  );
};
