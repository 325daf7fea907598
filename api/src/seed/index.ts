import { foldEvents, prng, type ChannelConsent } from "@omnijourney/shared";
import type { ApiContext } from "../context.js";
import { createApiContext, type ContextOptions } from "../server.js";
import { storeEvents } from "../ingestion/ingest.js";
import { publishJourney } from "../services/journeys.js";
import { person, type Person } from "./people.js";
import { DEMO_JOURNEYS, DEMO_SEGMENTS } from "./workspace.js";
import {
  importHistory,
  insertJourneyIfAbsent,
  insertSegmentIfAbsent,
  newJourney,
  newSegment,
  ObjectId,
  type EventRecord,
  type ProfileRecord,
} from "@omnijourney/store";

const DAY = 86_400_000;
const SEED = 20_260_101;

export type SeedOptions = Omit<ContextOptions, "adminToken" | "writeKey"> & {
  adminToken?: string;
  writeKey?: string;
  /** How many people to create (default 1,200). */
  profiles?: number;
  /** Events fanned out after publishing so the journeys have running enrolments (default true). */
  liveActivity?: boolean;
};

export type SeedSummary = {
  profiles: number;
  events: number;
  segments: number;
  journeys: { id: string; version: number }[];
  liveEvents: number;
};

const profileDoc = (p: Person, events: EventRecord[], now: Date): ProfileRecord => {
  const createdAt = new Date(now.getTime() - p.createdDaysAgo * DAY);
  const consent: Record<string, ChannelConsent> = {};
  for (const [channel, c] of Object.entries(p.consent)) {
    consent[channel] = {
      ...c,
      history: [
        { category: "marketing", status: c.marketing, source: "signup-form", at: createdAt },
        {
          category: "transactional",
          status: c.transactional,
          source: "signup-form",
          at: createdAt,
        },
      ],
    };
  }
  return {
    _id: p.userId ?? p.anonymousId,
    profileId: p.userId ?? p.anonymousId,
    ...(p.userId ? { userId: p.userId } : {}),
    anonymousIds: [p.anonymousId],
    attributes: p.traits,
    consent,
    counters: foldEvents(
      {},
      events.map((e) => ({ event: e.event, timestamp: e.timestamp, properties: e.properties })),
    ),
    createdAt,
    updatedAt: now,
  };
};

/** History is stored as already processed: it is the past, not something journeys should react to now. */
const eventDocs = (
  p: Person,
  index: number,
  r: ReturnType<typeof prng>,
  now: Date,
): EventRecord[] =>
  p.events.map((e, n) => {
    const timestamp = new Date(now.getTime() - e.daysAgo * DAY - r.int(0, DAY - 1));
    return {
      _id: new ObjectId(),
      messageId: `seed-${index}-${n}`,
      type: e.type ?? "track",
      event: e.event,
      profileId: p.userId ?? p.anonymousId,
      userId: p.userId,
      anonymousId: p.anonymousId,
      properties: e.properties,
      context: { library: { name: "omnijourney-seed" } },
      timestamp,
      receivedAt: timestamp,
      source: "api",
    };
  });

/** Seeds the demo workspace into an existing context. Idempotent: fixed ids, inserts that skip what exists. */
export const seedWorkspace = async (
  ctx: ApiContext,
  options: { profiles?: number; liveActivity?: boolean } = {},
): Promise<SeedSummary> => {
  const count = options.profiles ?? 1_200;
  const now = new Date();
  const r = prng(SEED);
  let events = 0;
  for (let start = 0; start < count; start += 200) {
    const profiles: ProfileRecord[] = [];
    const batch: EventRecord[] = [];
    for (let i = start; i < Math.min(count, start + 200); i++) {
      const p = person(r, i);
      const docs = eventDocs(p, i, r, now);
      batch.push(...docs);
      const doc = profileDoc(p, docs, now);
      profiles.push(doc);
    }
    const aliases = profiles.flatMap((p) =>
      (p.anonymousIds ?? []).filter((a) => a !== p._id).map((a) => ({ _id: a, profileId: p._id })),
    );
    // Keyed by _id (= profileId): a profile that exists is skipped, never overwritten.
    await importHistory(ctx.db, { profiles, events: batch, aliases });
    events += batch.length;
  }
  for (const s of DEMO_SEGMENTS)
    await insertSegmentIfAbsent(ctx.db, newSegment({ ...s, createdAt: now, updatedAt: now }));
  ctx.fanout.invalidate();
  const journeys: SeedSummary["journeys"] = [];
  for (const j of DEMO_JOURNEYS) {
    const stored = await insertJourneyIfAbsent(
      ctx.db,
      newJourney({
        _id: j._id,
        name: j.document.name,
        description: j.document.description,
        document: j.document,
        createdAt: now,
        updatedAt: now,
      }),
    );
    // A journey someone paused or archived stays that way; the seed publishes only drafts it created.
    if (stored?.status === "draft")
      journeys.push({ id: j._id, version: (await publishJourney(ctx, j._id)).version });
    else journeys.push({ id: j._id, version: Number(stored?.liveVersion ?? 0) });
  }
  let liveEvents = 0;
  if (options.liveActivity !== false) liveEvents = await liveActivity(ctx, count);
  return { profiles: count, events, segments: DEMO_SEGMENTS.length, journeys, liveEvents };
};

/**
 * A little live traffic through the real ingestion path, so each journey has running enrolments: fixed message
 * ids make a second seed a no-op (duplicates are not fanned out again).
 */
const liveActivity = async (ctx: ApiContext, count: number): Promise<number> => {
  const r = prng(SEED + 1);
  const now = new Date();
  const items = [];
  for (let n = 0; n < 36; n++) {
    const index = r.int(0, count - 1);
    const userId = `user-demo-${index.toString().padStart(5, "0")}`;
    const kind = n % 3;
    const event = kind === 0 ? "Checkout Started" : kind === 1 ? "Webinar Registered" : "Signed Up";
    const properties =
      kind === 0
        ? { value: r.int(20, 400), currency: "EUR" }
        : kind === 1
          ? {
              webinar: "Planning your first thru-hike",
              url: "https://example.com/webinar/thru-hike",
            }
          : { source: "seed" };
    items.push({
      messageId: `seed-live-${n}`,
      type: "track" as const,
      event,
      userId,
      anonymousId: null,
      properties,
      context: {},
      timestamp: now,
      originalTimestamp: null,
      sentAt: null,
      receivedAt: now,
    });
  }
  // Only identified demo people exist under user ids; others would create new profiles, which is fine too.
  const { stored } = await storeEvents(ctx.db, items, "api", await ctx.fanout.counterFilters());
  try {
    await ctx.fanout.process(stored);
  } catch (err) {
    // The events stay pending; the API's outbox loop fans them out once the lease lapses.
    ctx.logger.warn({ err }, "seed: fan-out deferred to the outbox loop");
  }
  return stored.length;
};

/** Seeds the demo workspace (contracts.md): connects, seeds, disconnects. Safe to run on every start. */
export async function seedDemo(options: SeedOptions): Promise<SeedSummary> {
  const { ctx, close } = await createApiContext({
    ...options,
    adminToken: options.adminToken ?? "seed",
    writeKey: options.writeKey ?? "seed",
  });
  try {
    return await seedWorkspace(ctx, {
      ...(options.profiles !== undefined ? { profiles: options.profiles } : {}),
      ...(options.liveActivity !== undefined ? { liveActivity: options.liveActivity } : {}),
    });
  } finally {
    await close();
  }
}
