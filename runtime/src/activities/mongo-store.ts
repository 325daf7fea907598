import {
  Condition,
  StoredProfile,
  type CountedEvent,
  type ProfileSnapshot,
} from "@omnijourney/shared";
import {
  applyEnrolmentProgress,
  CounterBatcher,
  findMessageByKey,
  incrementNodeStats,
  KeyedQueue,
  onDuplicateKey,
  recordAssignment,
  RECENT_SENDS_MS,
  WORKSPACE_SETTINGS_ID,
  writeMessageStatus,
  type Collections,
  type NewAssignment,
} from "@omnijourney/store";
import { normaliseSettings, type WorkspaceSettings } from "../settings/workspace-settings.js";
import type { ProgressBatch } from "../workflows/types.js";
import { progressEffect } from "./progress.js";
import type { MessageWrite, ProfileChanges, RuntimeStore, StoredMessage } from "./store.js";

const SETTINGS_TTL_MS = 2_000;
const UNCOUNTED_CAPACITY = 10_000;

/** The live store: profiles, settings, segments, messages, enrolments and node counters in MongoDB. */
export function createMongoStore(
  models: Collections,
  options: { settingsTtlMs?: number } = {},
): RuntimeStore {
  const settingsTtl = options.settingsTtlMs ?? SETTINGS_TTL_MS;
  const counters = new KeyedQueue();
  const nodeStats = new CounterBatcher(async (key, inc) => {
    const [journeyId = "", nodeId = ""] = key.split("\u0000");
    await incrementNodeStats(models, journeyId, nodeId, inc);
  });
  let settingsCache: { at: number; value: WorkspaceSettings } | null = null;
  /**
   * Batches whose projection write landed and whose counter increments are not written yet, per enrolment. Kept
   * when the increments fail, so the retried batch (which finds its projection applied) still counts them;
   * a retry in another process cannot know and skips them (an undercount).
   */
  const uncounted = new Map<string, number>();

  /**
   * Adds a marketing send to the profile's recent sends (once per message), forgetting those older than any cap
   * window. Read, then write by `_id`, one at a time per profile in this process (the embedded engine loses
   * concurrent updates of one document; 0003, engine/capabilities.ts in the store): two worker processes sending to one profile at the same instant could drop
   * one entry, which makes the cap lenient by one, never stricter.
   */
  const rememberMarketingSend = (profileId: string, key: string, at: Date) =>
    counters.run(`recent-sends:${profileId}`, async () => {
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
        () =>
          models.recentSends.updateOne({ _id: profileId }, { $push: { marketing: { key, at } } }),
      );
    });

  return {
    async getProfile(profileId: string): Promise<ProfileSnapshot | null> {
      const doc = await models.profiles.findOne({ _id: profileId });
      if (!doc) return null;
      // Documents written by older versions may lack the timestamps.
      const parsed = StoredProfile.safeParse({
        ...doc,
        createdAt: doc.createdAt ?? new Date(0),
        updatedAt: doc.updatedAt ?? new Date(0),
      });
      return parsed.success ? parsed.data : null;
    },

    async pendingEvents(): Promise<CountedEvent[]> {
      return [];
    },

    async updateProfile(profileId: string, changes: ProfileChanges): Promise<void> {
      const update: Record<string, Record<string, unknown>> = {};
      const set = Object.entries(changes.set);
      const inc = Object.entries(changes.inc);
      if (set.length)
        update.$set = Object.fromEntries(set.map(([path, v]) => [`attributes.${path}`, v]));
      if (changes.unset.length)
        update.$unset = Object.fromEntries(changes.unset.map((path) => [`attributes.${path}`, ""]));
      if (inc.length)
        update.$inc = Object.fromEntries(inc.map(([path, v]) => [`attributes.${path}`, v]));
      if (Object.keys(update).length === 0) return;
      update.$set = { ...update.$set, updatedAt: new Date() };
      await counters.run(`profile:${profileId}`, () =>
        models.profiles.updateOne({ _id: profileId }, update),
      );
    },

    async getSettings(): Promise<WorkspaceSettings> {
      if (settingsCache && Date.now() - settingsCache.at < settingsTtl) return settingsCache.value;
      const doc = await models.settings.findOne({ _id: WORKSPACE_SETTINGS_ID });
      settingsCache = { at: Date.now(), value: normaliseSettings(doc) };
      return settingsCache.value;
    },

    async getSegmentCondition(segmentId: string): Promise<Condition | null> {
      const doc = await models.segments.findOne({ _id: segmentId });
      if (!doc) return null;
      const parsed = Condition.safeParse(doc.condition);
      return parsed.success ? parsed.data : null;
    },

    async findMessage(idempotencyKey: string): Promise<StoredMessage | null> {
      const doc = await findMessageByKey(models, idempotencyKey);
      if (!doc) return null;
      return {
        idempotencyKey,
        status: doc.status,
        reason: doc.reason ?? null,
        providerMessageId: doc.providerMessageId ?? null,
        cost: doc.cost ?? null,
        attemptJournal: doc.attemptJournal ?? null,
      };
    },

    async writeMessage(write: MessageWrite): Promise<{ id: string }> {
      const { idempotencyKey, at, status, reason, ...rest } = write;
      const doc = await writeMessageStatus(
        models,
        idempotencyKey,
        { status, ...rest, ...(reason !== undefined ? { reason } : {}) },
        { status, at, ...(reason !== undefined ? { reason } : {}) },
      );
      if (status === "sent" && write.category === "marketing")
        await rememberMarketingSend(write.profileId, idempotencyKey, write.sentAt ?? at);
      return { id: String(doc?._id ?? "") };
    },

    async recentMarketingSends(profileId: string, since: Date): Promise<Date[]> {
      const doc = await models.recentSends.findOne({ _id: profileId });
      return (doc?.marketing ?? [])
        .flatMap((s) => (s.at && s.at >= since ? [s.at] : []))
        .sort((a, b) => a.getTime() - b.getTime());
    },

    async recordProgress(batch: ProgressBatch): Promise<void> {
      const { enrolment, seq } = batch;
      const { fields, increments } = progressEffect(batch);
      const set: Record<string, unknown> = {};
      if (fields.currentNodeId !== undefined) set.currentNodeId = fields.currentNodeId;
      if (fields.waitingFor !== undefined) set.waitingFor = fields.waitingFor;
      if (fields.status) set.status = fields.status;
      if (fields.reason) set.reason = fields.reason;
      if (fields.endedAt) set.endedAt = fields.endedAt;
      if (fields.revenue !== undefined) set.revenue = fields.revenue;
      for (const [nodeId, variant] of Object.entries(fields.variants))
        set[`variants.${nodeId}`] = variant;
      const identity = {
        enrolmentId: enrolment.enrolmentId,
        workflowId: enrolment.workflowId,
        journeyId: enrolment.journeyId,
        version: enrolment.version,
        profileId: enrolment.profileId,
        startedAt: new Date(batch.startedAt),
      };
      const write = () => applyEnrolmentProgress(models, identity, seq, set);
      const projection = counters.run(`enrolment:${enrolment.enrolmentId}`, async () => {
        // The API's enrol created the document at the same instant (two upserts raced): update it.
        const before = await onDuplicateKey(write, write);
        return before < seq;
      });
      // An enrolment that ended no longer receives events: events are signalled to the running ones only.
      // Idempotent, so a retried end batch removes it again rather than never.
      const unlisted = fields.status
        ? models.profileJourneys.updateOne(
            { _id: enrolment.profileId },
            { $pull: { active: enrolment.workflowId } },
          )
        : null;
      const [applied] = await Promise.all([projection, unlisted]);
      // A retry of a batch whose projection this process wrote but whose counters failed counts them now.
      if (!applied && uncounted.get(enrolment.enrolmentId) !== seq) return;
      uncounted.delete(enrolment.enrolmentId);
      if (uncounted.size >= UNCOUNTED_CAPACITY)
        uncounted.delete(uncounted.keys().next().value ?? "");
      uncounted.set(enrolment.enrolmentId, seq);
      await Promise.all(
        [...increments].map(([nodeId, inc]) =>
          nodeStats.add(`${enrolment.journeyId}\u0000${nodeId}`, inc),
        ),
      );
      uncounted.delete(enrolment.enrolmentId);
    },

    async recordAssignment(assignment: NewAssignment): Promise<void> {
      await recordAssignment(models, assignment);
    },
  };
}
