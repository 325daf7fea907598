import {
  MongoBulkWriteError,
  ObjectId,
  type AnyBulkWriteOperation,
  type Filter,
  type UpdateFilter,
} from "mongodb";
import {
  counterKeysFor,
  foldEvents,
  type EventFilter,
  type EventCounter,
} from "@omnijourney/shared";
import { APPLIED_MEMORY, emptyProfile, linkIdentity, profileIdsForAnonymous } from "./identity.js";
import type { Normalised } from "./normalise.js";
import {
  type Collections,
  type EventRecord,
  type ProfileRecord,
  retryTransient,
  findByIds,
  guardsAreAtomic,
  isDuplicateKey,
  KeyedQueue,
} from "@omnijourney/store";

/** How long the ingesting process owns a fresh event before the outbox loop may take it over. */
export const LEASE_MS = Number(process.env.OMNIJOURNEY_OUTBOX_LEASE_MS ?? 30_000);
const DUPLICATE_KEY = 11000;

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

/**
 * Two requests creating the same new profile race on the unique key: the loser's upsert fails with a duplicate
 * key, and the profile it wanted exists. Any other write error is real.
 */
export const ignoreDuplicateKeys = async (write: Promise<unknown>): Promise<void> => {
  try {
    await write;
  } catch (err) {
    if (err instanceof MongoBulkWriteError) {
      const writeErrors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
      if (writeErrors.length > 0 && writeErrors.every((w) => w.code === DUPLICATE_KEY)) return;
    } else if (isDuplicateKey(err)) return;
    throw err;
  }
};

/** Inserts events keyed by `messageId`; a duplicate is acknowledged without being stored twice. */
const insertEvents = async (db: Collections, docs: EventRecord[]): Promise<Set<number>> => {
  const failed = new Set<number>();
  if (docs.length === 0) return failed;
  try {
    await retryTransient(() => db.events.insertMany(docs, { ordered: false }));
  } catch (err) {
    if (!(err instanceof MongoBulkWriteError)) throw err;
    const writeErrors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
    for (const w of writeErrors) {
      if (w.code !== DUPLICATE_KEY) throw err;
      failed.add(w.index);
    }
  }
  return failed;
};

const COUNTER_ATTEMPTS = 20;

/** The ids a new profile starts with: the first userId and anonymousId among its events. */
const idsOf = (list: EventRecord[]) => ({
  userId: list.find((d) => d.userId)?.userId,
  anonymousId: list.find((d) => d.anonymousId)?.anonymousId,
});

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

/** One profile update at a time per profile in this process (the embedded engine's updates are not atomic; store's engine/capabilities.ts). */
const profileLanes = new KeyedQueue();

const COUNTED_FIELDS = { profileId: 1, counters: 1, appliedEvents: 1 } as const;

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
  const atomic = await guardsAreAtomic(db.raw);
  await profileLanes.runAll([...byProfile.keys()], async () => {
    for (let attempt = 0; attempt < COUNTER_ATTEMPTS; attempt++)
      if (await applyRound(db, byProfile, now, filters, atomic)) return;
    throw new Error(`profile counters kept changing for ${[...byProfile.keys()].join(", ")}`);
  });
};

/** One read-fold-write round over every profile; resolves false when a guarded write lost a race. */
const applyRound = async (
  db: Collections,
  byProfile: Map<string, EventRecord[]>,
  now: Date,
  filters: readonly EventFilter[],
  atomic: boolean,
): Promise<boolean> => {
  const ids = [...byProfile.keys()];
  const profiles = new Map(
    (await retryTransient(() => findByIds(db.profiles, ids, COUNTED_FIELDS))).map((p) => [
      p._id,
      p,
    ]),
  );
  const missing = ids.filter((id) => !profiles.has(id));
  if (missing.length > 0) {
    // People seen for the first time: create their profiles (a concurrent request may win), then count.
    const created = missing.map((id) => emptyProfile(id, idsOf(byProfile.get(id) ?? []), now));
    await retryTransient(() =>
      ignoreDuplicateKeys(db.profiles.insertMany(created, { ordered: false })),
    );
    for (const p of await retryTransient(() => findByIds(db.profiles, missing, COUNTED_FIELDS)))
      profiles.set(p._id, p);
  }
  const writes: ProfileWrite[] = [];
  for (const [profileId, list] of byProfile) {
    const p = profiles.get(profileId);
    if (!p) return false; // erased between its creation and now: read again
    const seen = new Set(p.appliedEvents ?? []);
    const events = list.filter((e) => !seen.has(e.messageId));
    if (events.length === 0) continue;
    const guard = atomic ? guardFor(p.counters ?? {}, events, filters) : {};
    writes.push({
      filter: { _id: p._id, ...guard },
      update: profileUpdate(p.counters ?? {}, p.appliedEvents ?? [], events, now, filters),
    });
  }
  if (writes.length === 0) return true;
  return (await retryTransient(() => matchedBy(db, writes, atomic))) === writes.length;
};

type ProfileWrite = { filter: Filter<ProfileRecord>; update: UpdateFilter<ProfileRecord> };

/**
 * Applies the updates in one unordered bulk write and counts the documents they matched. On the embedded engine each is an
 * `updateMany` by `_id` (still one document): an `updateOne` statement stops after one row without draining its
 * SQLite rows, which its stock build keeps, with a pooled connection, until the whole command ends, so a
 * bulk of 100 hangs it for good (decision 0007; Omnijourney's own build is patched, an external one may not
 * be). `updateMany` drains its rows. On MongoDB, `updateOne`.
 */
const matchedBy = async (
  db: Collections,
  writes: ProfileWrite[],
  mongodb: boolean,
): Promise<number> => {
  const ops: AnyBulkWriteOperation<ProfileRecord>[] = writes.map((w) =>
    mongodb ? { updateOne: w } : { updateMany: w },
  );
  return (await db.profiles.bulkWrite(ops, { ordered: false })).matchedCount;
};

/** Compare-and-set guard: every counter the events touch still has the count that was read. */
const guardFor = (
  counters: Record<string, EventCounter>,
  events: EventRecord[],
  filters: readonly EventFilter[],
): Filter<ProfileRecord> => {
  const guard: Record<string, unknown> = {};
  for (const e of events) {
    for (const key of counterKeysFor(counted(e), { filters })) {
      const prev = Object.prototype.hasOwnProperty.call(counters, key) ? counters[key] : undefined;
      guard[`counters.${key}.count`] = prev ? prev.count : { $exists: false };
    }
  }
  return guard;
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

/** Deletes outbox entries: their events are fanned out, or were never stored. */
export const dropOutboxEntries = async (
  db: Collections,
  entries: { _id: ObjectId }[],
): Promise<void> => {
  if (entries.length === 0) return;
  await retryTransient(() => db.outbox.deleteMany({ _id: { $in: entries.map((e) => e._id) } }));
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
  await retryTransient(() =>
    ignoreDuplicateKeys(
      db.outbox.insertMany(
        docs.map((d) => ({ _id: d._id, leaseUntil })),
        { ordered: false },
      ),
    ),
  );
  const duplicates = await insertEvents(db, docs);
  const stored = docs.filter((_, i) => !duplicates.has(i));
  await dropOutboxEntries(
    db,
    docs.filter((_, i) => duplicates.has(i)),
  );
  await applyToProfiles(db, stored, now, filters);
  return { stored, duplicates: duplicates.size };
};
