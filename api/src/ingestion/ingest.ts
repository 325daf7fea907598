import {
  counterKeysFor,
  foldEvents,
  type EventFilter,
  type EventCounter,
} from "@omnijourney/shared";
import type { Normalised } from "./normalise.js";
import {
  APPLIED_MEMORY,
  createProfiles,
  dropOutboxEntries,
  insertEvents,
  insertOutboxEntries,
  linkIdentity,
  newProfile,
  ObjectId,
  onProfilesInTurn,
  profileIdsForAnonymous,
  readCountedProfiles,
  writeCountedProfiles,
  type Collections,
  type CountedWrite,
  type EventRecord,
  type ProfileRecord,
  type UpdateFilter,
} from "@omnijourney/store";

/** How long the ingesting process owns a fresh event before the outbox loop may take it over. */
export const LEASE_MS = Number(process.env.OMNIJOURNEY_OUTBOX_LEASE_MS ?? 30_000);

export type Stored = { stored: EventRecord[]; duplicates: number };

/**
 * Resolves each event's profile, joining identities first (identify with both ids, alias), so the
 * anonymous history is already re-keyed when the new events land.
 */
const resolveProfiles = async (
  db: Collections,
  items: Normalised[],
  now: Date,
): Promise<string[]> => {
  const links = new Map<string, string>();
  for (const item of items) {
    if (item.type === "alias" && item.previousId && item.userId)
      links.set(`${item.previousId}\u0000${item.userId}`, item.userId);
    else if (item.userId && item.anonymousId)
      links.set(`${item.anonymousId}\u0000${item.userId}`, item.userId);
  }
  for (const key of links.keys()) {
    const [from = "", to = ""] = key.split("\u0000");
    await linkIdentity(db, from, to, now);
  }
  const anonymous = items.filter((i) => !i.userId && i.anonymousId).map((i) => i.anonymousId ?? "");
  const byAnonymous = await profileIdsForAnonymous(db, anonymous);
  return items.map(
    (i) => i.profileId ?? i.userId ?? byAnonymous.get(i.anonymousId ?? "") ?? i.anonymousId ?? "",
  );
};

const COUNTER_ATTEMPTS = 20;

/** A new profile with the ids it starts with: the first userId and anonymousId among its events. */
const firstProfile = (profileId: string, list: EventRecord[], now: Date): ProfileRecord => {
  const userId = list.find((d) => d.userId)?.userId;
  const anonymousId = list.find((d) => d.anonymousId)?.anonymousId;
  return newProfile({
    profileId,
    ...(userId ? { userId } : {}),
    anonymousIds: anonymousId ? [anonymousId] : [],
    createdAt: now,
    updatedAt: now,
  });
};

/** Events grouped by their profile, each profile's in the order given. */
export const eventsByProfile = (docs: readonly EventRecord[]): Map<string, EventRecord[]> => {
  const byProfile = new Map<string, EventRecord[]>();
  for (const d of docs) {
    const list = byProfile.get(d.profileId);
    if (list) list.push(d);
    else byProfile.set(d.profileId, [d]);
  }
  return byProfile;
};

/**
 * Applies counters and traits of stored events to their profiles, with a fixed number of round trips per call
 * whatever the number of people: one read of every profile (`$in`), one insert of the new ones, one bulk write.
 * Counters are read, folded with shared's `foldEvents` and written back (the embedded engine ignores `$push` modifiers, so a
 * blind sorted/capped push is not an option). Where the engine checks a filter atomically (MongoDB), each write
 * is guarded by the counts read (compare-and-set) and a round whose writes did not all match is read and applied
 * again; on the embedded engine the writes of a profile are serialised in this process instead and keyed by `_id` alone.
 * Events the profile already counted (`appliedEvents`: a crash before the outbox entry was deleted, or a write of
 * this round that did match) are skipped, so applying twice is harmless.
 */
export const applyToProfiles = async (
  db: Collections,
  docs: EventRecord[],
  now: Date,
  filters: readonly EventFilter[] = [],
): Promise<void> => {
  if (docs.length === 0) return;
  const byProfile = eventsByProfile(docs);
  await onProfilesInTurn([...byProfile.keys()], async () => {
    for (let attempt = 0; attempt < COUNTER_ATTEMPTS; attempt++)
      if (await applyRound(db, byProfile, now, filters)) return;
    throw new Error(`profile counters kept changing for ${[...byProfile.keys()].join(", ")}`);
  });
};

/** One read-fold-write round over every profile; resolves false when a guarded write lost a race. */
const applyRound = async (
  db: Collections,
  byProfile: Map<string, EventRecord[]>,
  now: Date,
  filters: readonly EventFilter[],
): Promise<boolean> => {
  const ids = [...byProfile.keys()];
  const profiles = await readCountedProfiles(db, ids);
  const missing = ids.filter((id) => !profiles.has(id));
  if (missing.length > 0) {
    // People seen for the first time: create their profiles (a concurrent request may win), then count.
    await createProfiles(
      db,
      missing.map((id) => firstProfile(id, byProfile.get(id) ?? [], now)),
    );
    for (const [id, p] of await readCountedProfiles(db, missing)) profiles.set(id, p);
  }
  const writes: CountedWrite[] = [];
  for (const [profileId, list] of byProfile) {
    const p = profiles.get(profileId);
    if (!p) return false; // erased between its creation and now: read again
    const seen = new Set(p.appliedEvents ?? []);
    const events = list.filter((e) => !seen.has(e.messageId));
    if (events.length === 0) continue;
    writes.push({
      profileId: p._id,
      countsRead: countsRead(p.counters ?? {}, events, filters),
      update: profileUpdate(p.counters ?? {}, p.appliedEvents ?? [], events, now, filters),
    });
  }
  return writeCountedProfiles(db, writes);
};

/** The count every counter the events touch had when read (`null`: the profile had none). */
const countsRead = (
  counters: Record<string, EventCounter>,
  events: EventRecord[],
  filters: readonly EventFilter[],
): CountedWrite["countsRead"] => {
  const read: CountedWrite["countsRead"] = {};
  for (const e of events) {
    for (const key of counterKeysFor(counted(e), { filters })) {
      const prev = Object.prototype.hasOwnProperty.call(counters, key) ? counters[key] : undefined;
      read[key] = prev ? prev.count : null;
    }
  }
  return read;
};

const counted = (e: EventRecord) => ({
  event: e.event,
  timestamp: e.timestamp,
  properties: e.properties,
});

/** The profile side of a profile's events: folded counters, identify traits, ids seen. */
const profileUpdate = (
  counters: Record<string, EventCounter>,
  applied: string[],
  events: EventRecord[],
  now: Date,
  filters: readonly EventFilter[],
): UpdateFilter<ProfileRecord> => {
  const next = foldEvents(counters, events.map(counted), { filters });
  const set: Record<string, unknown> = {
    updatedAt: now,
    appliedEvents: [...applied, ...events.map((e) => e.messageId)].slice(-APPLIED_MEMORY),
  };
  const touched = new Set(events.flatMap((e) => counterKeysFor(counted(e), { filters })));
  for (const key of touched) set[`counters.${key}`] = next[key];
  for (const e of events) {
    if (e.type === "identify" && e.traits)
      for (const [k, v] of Object.entries(e.traits)) set[`attributes.${k}`] = v;
    if (e.userId) set.userId = e.userId;
  }
  const anonymousIds = [
    ...new Set(events.map((e) => e.anonymousId).filter((a): a is string => Boolean(a))),
  ];
  return anonymousIds.length > 0
    ? { $set: set, $addToSet: { anonymousIds: { $each: anonymousIds } } }
    : { $set: set };
};

/**
 * Stores a request's events durably: identities joined, outbox entries written, events inserted, profiles
 * updated. The outbox entry goes first, so an event is never stored without one; an entry whose event never
 * got stored (a crash in between, or a duplicate `messageId`) is dropped. Returns what was new.
 */
export const storeEvents = async (
  db: Collections,
  items: Normalised[],
  source: EventRecord["source"],
  filters: readonly EventFilter[] = [],
): Promise<Stored> => {
  const now = new Date();
  const profileIds = await resolveProfiles(db, items, now);
  const docs: EventRecord[] = items.map((item, i) => {
    const { previousId, profileId: _known, ...rest } = item;
    return {
      ...rest,
      ...(previousId ? { properties: { ...rest.properties, previousId } } : {}),
      _id: new ObjectId(),
      profileId: profileIds[i] ?? "",
      source,
    };
  });
  if (docs.length === 0) return { stored: [], duplicates: 0 };
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  await insertOutboxEntries(
    db,
    docs.map((d) => d._id),
    leaseUntil,
  );
  const inserted = new Set(await insertEvents(db, docs));
  const stored = docs.filter((_, i) => inserted.has(i));
  await dropOutboxEntries(
    db,
    docs.filter((_, i) => !inserted.has(i)),
  );
  await applyToProfiles(db, stored, now, filters);
  return { stored, duplicates: docs.length - stored.length };
};
