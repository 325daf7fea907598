import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import { RECENT_SENDS_MS } from "../models/per-profile.js";

/** When the profile's remembered marketing sends since `since` went out, oldest first. */
export const readRecentMarketingSends = async (
  models: Collections,
  profileId: string,
  since: Date,
): Promise<Date[]> => {
  const doc = await models.recentSends.findOne({ _id: profileId });
  return (doc?.marketing ?? [])
    .flatMap((s) => (s.at && s.at >= since ? [s.at] : []))
    .sort((a, b) => a.getTime() - b.getTime());
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
  key: string,
  at: Date,
): Promise<void> => {
  const doc = await models.recentSends.findOne({ _id: profileId });
  const kept = (doc?.marketing ?? []).filter(
    (s) => s.at && s.at.getTime() > at.getTime() - RECENT_SENDS_MS,
  );
  if (kept.some((s) => s.key === key)) return;
  await onDuplicateKey(
    () =>
      models.recentSends.updateOne(
        { _id: profileId },
        { $set: { marketing: [...kept, { key, at }] } },
        { upsert: true },
      ),
    // Another send created the document since it was read: add to it.
    () => models.recentSends.updateOne({ _id: profileId }, { $push: { marketing: { key, at } } }),
  );
};
