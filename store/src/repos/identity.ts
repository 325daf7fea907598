import { RECENT_CAP, type ChannelConsent, type EventCounter } from "@omnijourney/shared";
import { findByIds } from "../engine/capabilities.js";
import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import { APPLIED_MEMORY, type ProfileRecord } from "../models/profile.js";

const mergeCounters = (
  into: Record<string, EventCounter>,
  from: Record<string, EventCounter>,
): Record<string, EventCounter> => {
  const out: Record<string, EventCounter> = { ...into };
  for (const [key, c] of Object.entries(from)) {
    const k = out[key];
    if (!k) {
      out[key] = c;
      continue;
    }
    out[key] = {
      count: k.count + c.count,
      first: new Date(Math.min(new Date(k.first).getTime(), new Date(c.first).getTime())),
      last: new Date(Math.max(new Date(k.last).getTime(), new Date(c.last).getTime())),
      recent: [...(k.recent ?? []), ...(c.recent ?? [])]
        .map((d) => new Date(d))
        .sort((a, b) => b.getTime() - a.getTime())
        .slice(0, RECENT_CAP),
    };
  }
  return out;
};

const mergeConsent = (
  into: Record<string, ChannelConsent>,
  from: Record<string, ChannelConsent>,
): Record<string, ChannelConsent> => {
  const out: Record<string, ChannelConsent> = { ...into };
  for (const [channel, c] of Object.entries(from)) {
    const k = out[channel];
    if (!k) {
      out[channel] = c;
      continue;
    }
    // The known profile's explicit answers win; the anonymous history is kept for audit.
    out[channel] = {
      marketing: k.marketing !== "unknown" ? k.marketing : c.marketing,
      transactional: k.transactional !== "unknown" ? k.transactional : c.transactional,
      history: [...(c.history ?? []), ...(k.history ?? [])],
    };
  }
  return out;
};

/**
 * Joins the profile known as `fromId` (usually an anonymousId) to the profile `toId` (a userId): the known
 * profile gains the anonymous id, the attributes it lacks, the counters and consent; the anonymous history
 * (events, messages, enrolments) is re-keyed to it; the anonymous profile is deleted. Safe to repeat.
 */
export const linkIdentity = async (
  models: Collections,
  fromId: string,
  toId: string,
  now: Date,
): Promise<void> => {
  if (fromId === toId) return;
  const join = () =>
    models.profiles.updateOne(
      { _id: toId },
      {
        $setOnInsert: {
          profileId: toId,
          attributes: {},
          consent: {},
          counters: {},
          createdAt: now,
        },
        $set: { userId: toId, updatedAt: now },
        $addToSet: { anonymousIds: fromId },
      },
      { upsert: true },
    );
  // A concurrent request may create the profile between our lookup and insert; then the update applies to it.
  await onDuplicateKey(join, join);
  await pointAliases(models, [fromId], toId);
  const from = await models.profiles.findOne({ _id: fromId });
  if (!from) return;
  const to: ProfileRecord | null = await models.profiles.findOne({ _id: toId });
  if (!to) return;
  const attributes = { ...from.attributes, ...to.attributes };
  await models.profiles.updateOne(
    { _id: toId },
    {
      $set: {
        attributes,
        counters: mergeCounters(to.counters ?? {}, from.counters ?? {}),
        consent: mergeConsent(to.consent ?? {}, from.consent ?? {}),
        anonymousIds: [
          ...new Set([...(to.anonymousIds ?? []), ...(from.anonymousIds ?? []), fromId]),
        ],
        appliedEvents: [...(from.appliedEvents ?? []), ...(to.appliedEvents ?? [])].slice(
          -APPLIED_MEMORY,
        ),
        createdAt: new Date(
          Math.min(new Date(to.createdAt).getTime(), new Date(from.createdAt).getTime()),
        ),
        updatedAt: now,
      },
    },
  );
  // History follows the person. Each step is idempotent, so a crash mid-way is repaired by the next call.
  await models.events.updateMany({ profileId: fromId }, { $set: { profileId: toId } });
  await models.messages.updateMany({ profileId: fromId }, { $set: { profileId: toId } });
  await models.enrolments.updateMany({ profileId: fromId }, { $set: { profileId: toId } });
  await mergeProfileJourneys(models, fromId, toId);
  await mergeRecentSends(models, fromId, toId);
  await pointAliases(models, from.anonymousIds ?? [], toId);
  await models.profiles.deleteOne({ _id: fromId });
};

/** The anonymous profile's journeys (entries, running enrolments) become the known profile's. Safe to repeat. */
const mergeProfileJourneys = async (models: Collections, fromId: string, toId: string) => {
  const from = await models.profileJourneys.findOne({ _id: fromId });
  if (!from) return;
  const to = await models.profileJourneys.findOne({ _id: toId });
  const entered: Record<string, number> = { ...to?.entered };
  for (const [journeyId, count] of Object.entries(from.entered ?? {}))
    entered[journeyId] = (entered[journeyId] ?? 0) + count;
  await models.profileJourneys.updateOne(
    { _id: toId },
    { $set: { entered, active: [...new Set([...(to?.active ?? []), ...(from.active ?? [])])] } },
    { upsert: true },
  );
  await models.profileJourneys.deleteOne({ _id: fromId });
};

/** Marketing sends to the anonymous profile count towards the known profile's frequency cap. Safe to repeat. */
const mergeRecentSends = async (models: Collections, fromId: string, toId: string) => {
  const from = await models.recentSends.findOne({ _id: fromId });
  if (!from) return;
  const to = await models.recentSends.findOne({ _id: toId });
  const known = new Set((to?.marketing ?? []).map((s) => s.key));
  const marketing = [
    ...(to?.marketing ?? []),
    ...(from.marketing ?? []).filter((s) => !known.has(s.key)),
  ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  await models.recentSends.updateOne({ _id: toId }, { $set: { marketing } }, { upsert: true });
  await models.recentSends.deleteOne({ _id: fromId });
};

/** The anonymous ids now resolve to the known profile (identity_aliases, one document per anonymous id). */
export const pointAliases = async (
  models: Collections,
  anonymousIds: string[],
  profileId: string,
) => {
  await Promise.all(
    [...new Set(anonymousIds)]
      .filter((id) => id !== profileId)
      .map((id) =>
        models.identityAliases.updateOne({ _id: id }, { $set: { profileId } }, { upsert: true }),
      ),
  );
};

/** Maps anonymous ids to the profile that holds them (a merged anonymous id points at the known profile). */
export const profileIdsForAnonymous = async (
  models: Collections,
  anonymousIds: string[],
): Promise<Map<string, string>> => {
  const map = new Map<string, string>();
  if (anonymousIds.length === 0) return map;
  const unique = new Set(anonymousIds);
  // Most anonymous ids are their own profile's key; an id merged into a known profile is found by its alias.
  const own = await findByIds(models.profiles, [...unique], { profileId: 1 });
  for (const p of own) map.set(p._id, p.profileId);
  const rest = [...unique].filter((a) => !map.has(a));
  if (rest.length === 0) return map;
  for (const alias of await findByIds(models.identityAliases, rest))
    map.set(alias._id, alias.profileId);
  return map;
};
