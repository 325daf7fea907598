import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import {
  Condition,
  evaluateCondition,
  eventFiltersOf,
  matchesProperties,
  nodeTypes,
  type EventFilter,
  type JourneyEvent,
  type PropertyCondition,
} from "@omnijourney/shared";
import type { JourneyRuntimeApi } from "../runtime.js";
import { countExperimentConversions } from "../services/experiment-conversions.js";
import { applyToProfiles, eventsByProfile, LEASE_MS } from "./ingest.js";
import {
  type Collections,
  type EventRecord,
  type ProfileRecord,
  segmentMembershipId,
  type MembershipKey,
  claimLapsedEntries,
  dropOutboxEntries,
  eventsOfEntries,
  findByIds,
  enterSegment,
  existingMemberships,
  leaveSegment,
} from "@omnijourney/store";

/** The trigger of a live journey, denormalised on the journey document at publish. */
export type LiveTrigger =
  | { type: "trigger.event"; event: string; where?: PropertyCondition }
  | { type: "trigger.segment"; segmentId: string }
  | { type: "trigger.manual" };

type LiveJourney = { journeyId: string; version: number; trigger: LiveTrigger };
type SegmentJourney = LiveJourney & { condition: Condition };

const JOURNEY_CACHE_MS = 2_000;
const FILTER_CACHE_MS = 5_000;
const POLL_MS = 1_000;
const CLAIM_BATCH = 500;
const FANOUT_CONCURRENCY = 8;

/** Runs `fn` over `items` with at most `limit` in flight; rejects with the first error once all settled. */
const mapLimit = async <T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T; // why: next < length was just checked
      await fn(item).catch((err: unknown) => errors.push(err));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (errors.length > 0) throw errors[0];
};

export const journeyEventOf = (doc: EventRecord): JourneyEvent => ({
  event: doc.event,
  properties: doc.properties,
  timestamp: doc.timestamp.toISOString(),
  messageId: doc.messageId,
});

/**
 * The outbox drain. Every event gets an outbox entry (written before the event) with a lease held by the
 * process that ingested it; that process fans it out right after acknowledging. When a process dies first, its
 * lease lapses and this loop (in any API process) claims and finishes the work: profile updates if they had not
 * been applied, enrolment of matching live journeys, signals to running enrolments, then the entry is deleted.
 * Enrolment ids are deterministic per (journey, profile[, event]), so a repeat after a crash cannot enrol twice.
 */
export class Fanout {
  private journeys: { at: number; event: LiveJourney[]; segment: SegmentJourney[] } | null = null;
  private filters: { at: number; list: EventFilter[] } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly db: Collections,
    private readonly runtime: JourneyRuntimeApi,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.drainOrphans();
      } catch (err) {
        this.logger.error({ err }, "outbox drain failed");
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), POLL_MS);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Forget cached live journeys and counter filters (after publish, pause, resume, archive, segment edits). */
  invalidate(): void {
    this.journeys = null;
    this.filters = null;
  }

  /**
   * The filtered event counters ingestion keeps: one per (event, property condition) used by a segment or by a
   * condition in a live journey's plan, so "purchase where total > 100, 2 times in 30 days" reads one counter.
   */
  async counterFilters(): Promise<EventFilter[]> {
    if (this.filters && Date.now() - this.filters.at < FILTER_CACHE_MS) return this.filters.list;
    const out = new Map<string, EventFilter>();
    const add = (condition: unknown) => {
      const parsed = Condition.safeParse(condition);
      if (parsed.success)
        for (const f of eventFiltersOf(parsed.data)) out.set(JSON.stringify(f), f);
    };
    for (const s of await this.db.segments.find({}, { projection: { condition: 1 } }).toArray())
      add(s.condition);
    const live = await this.db.journeys
      .find({ status: { $in: ["live", "paused"] } }, { projection: { liveVersion: 1 } })
      .toArray();
    for (const j of live) {
      if (j.liveVersion === null) continue;
      const version = await this.db.journeyVersions.findOne(
        { journeyId: j._id, version: j.liveVersion },
        { projection: { plan: 1 } },
      );
      const plan = version?.plan;
      for (const node of Object.values(plan?.nodes ?? {})) {
        const type = nodeTypes.get(node.type);
        const config = (node.config ?? {}) as Record<string, unknown>; // why: a plan node's parsed config
        for (const field of type?.ui.conditionFields ?? []) add(config[field]);
      }
    }
    this.filters = { at: Date.now(), list: [...out.values()] };
    return this.filters.list;
  }

  /** Fan out events this process just stored and still holds the lease for; errors leave them to the loop. */
  kick(docs: EventRecord[]): void {
    if (docs.length === 0) return;
    const p = this.process(docs)
      .catch((err: unknown) =>
        this.logger.error({ err }, "fan-out failed; the outbox loop retries after the lease"),
      )
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Resolves when every kicked fan-out has finished (tests and graceful shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Claims outbox entries whose lease lapsed and finishes their events. Returns how many were processed. */
  async drainOrphans(): Promise<number> {
    const now = new Date();
    const claimed = await claimLapsedEntries(this.db, now, {
      owner: randomUUID(),
      until: new Date(now.getTime() + LEASE_MS),
      limit: CLAIM_BATCH,
    });
    if (claimed.length === 0) return 0;
    const events = await eventsOfEntries(this.db, claimed);
    // An entry without its event: the ingesting process died before storing it (its request was not acknowledged).
    const stored = new Set(events.map((e) => e._id.toHexString()));
    await dropOutboxEntries(
      this.db,
      claimed.filter((c) => !stored.has(c._id.toHexString())),
    );
    await applyToProfiles(this.db, events, new Date(), await this.counterFilters());
    await this.process(events);
    return claimed.length;
  }

  private async liveJourneys(): Promise<{ event: LiveJourney[]; segment: SegmentJourney[] }> {
    if (this.journeys && Date.now() - this.journeys.at < JOURNEY_CACHE_MS) return this.journeys;
    const docs = await this.db.journeys
      .find({ status: "live", liveVersion: { $ne: null } })
      .toArray();
    const event: LiveJourney[] = [];
    const segment: SegmentJourney[] = [];
    const segmentIds = new Set<string>();
    for (const d of docs) {
      const trigger: unknown = d.trigger;
      if (!isTrigger(trigger) || typeof d.liveVersion !== "number") continue;
      const live = { journeyId: String(d._id), version: d.liveVersion, trigger };
      if (trigger.type === "trigger.event") event.push(live);
      if (trigger.type === "trigger.segment") segmentIds.add(trigger.segmentId);
    }
    if (segmentIds.size > 0) {
      const segments = await this.db.segments.find({ _id: { $in: [...segmentIds] } }).toArray();
      const conditions = new Map(segments.map((s) => [String(s._id), s.condition as Condition])); // why: segments are validated on write
      for (const d of docs) {
        const trigger: unknown = d.trigger;
        if (
          !isTrigger(trigger) ||
          trigger.type !== "trigger.segment" ||
          typeof d.liveVersion !== "number"
        )
          continue;
        const condition = conditions.get(trigger.segmentId);
        if (condition)
          segment.push({ journeyId: String(d._id), version: d.liveVersion, trigger, condition });
      }
    }
    this.journeys = { at: Date.now(), event, segment };
    return this.journeys;
  }

  /** Enrols into matching journeys and signals running enrolments, then marks the events done. */
  async process(docs: EventRecord[]): Promise<void> {
    if (docs.length === 0) return;
    const { event: eventJourneys, segment: segmentJourneys } = await this.liveJourneys();
    const byProfile = eventsByProfile(docs);
    const profileIds = [...byProfile.keys()];
    // Every profile's running enrolments in one read; an enrolment started below joins its profile's list.
    const running = new Map(
      (await findByIds(this.db.profileJourneys, profileIds, { active: 1 })).map((r) => [
        r._id,
        [...(r.active ?? [])],
      ]),
    );
    // Profiles in parallel (bounded), each profile's events in order: a wait sees events as they happened.
    await mapLimit([...byProfile.entries()], FANOUT_CONCURRENCY, async ([profileId, events]) => {
      const active = running.get(profileId) ?? [];
      for (const doc of events) {
        const event = journeyEventOf(doc);
        // Enrolments running before the event hear it first; one it starts gets it as its trigger, not as a signal.
        if (active.length > 0) await this.runtime.signalEvent({ profileId, event, active });
        for (const j of eventJourneys) {
          if (j.trigger.type !== "trigger.event" || j.trigger.event !== doc.event) continue;
          if (j.trigger.where && !matchesProperties(j.trigger.where, doc.properties, doc.timestamp))
            continue;
          const enrolled = await this.runtime.enrol({
            journeyId: j.journeyId,
            version: j.version,
            profileId,
            event,
          });
          if (enrolled.started) active.push(enrolled.workflowId);
        }
      }
    });
    if (segmentJourneys.length > 0) await this.enterSegments(profileIds, segmentJourneys);
    await countExperimentConversions(this.db, docs);
    await dropOutboxEntries(this.db, docs);
  }

  /** Profiles changed outside ingestion (API edits): segment-triggered journeys may now apply. */
  async profilesChanged(profileIds: string[]): Promise<void> {
    const { segment } = await this.liveJourneys();
    if (segment.length > 0) await this.enterSegments(profileIds, segment);
  }

  /**
   * A profile that now matches a segment watched by a live journey enters it: the membership row is the
   * idempotency key, so only the first match enrols; a profile that no longer matches leaves the segment.
   * The rows of every (profile, journey) pair are read at once by `_id`; only changes are written.
   */
  async enterSegments(profileIds: string[], journeys: SegmentJourney[]): Promise<void> {
    const profiles = await findByIds(this.db.profiles, profileIds);
    const now = new Date();
    const pairs: {
      profile: ProfileRecord;
      journey: SegmentJourney;
      key: MembershipKey;
      rowId: string;
    }[] = [];
    for (const profile of profiles)
      for (const journey of journeys) {
        if (journey.trigger.type !== "trigger.segment") continue;
        const key = { journeyId: journey.journeyId, segmentId: journey.trigger.segmentId };
        const rowId = segmentMembershipId(key.journeyId, key.segmentId, profile.profileId);
        pairs.push({ profile, journey, key, rowId });
      }
    const members = await existingMemberships(
      this.db,
      pairs.map((p) => p.rowId),
    );
    for (const { profile, journey, key, rowId } of pairs) {
      const member = members.has(rowId);
      if (!evaluateCondition(journey.condition, { profile, now })) {
        if (member) await leaveSegment(this.db, rowId);
        continue;
      }
      if (!member && (await enterSegment(this.db, key, [profile.profileId], now)).length > 0)
        await this.runtime.enrol({
          journeyId: journey.journeyId,
          version: journey.version,
          profileId: profile.profileId,
          event: null,
        });
    }
  }
}

const isTrigger = (t: unknown): t is LiveTrigger =>
  typeof t === "object" &&
  t !== null &&
  "type" in t &&
  (t.type === "trigger.event" || t.type === "trigger.segment" || t.type === "trigger.manual");
