import {
  Condition,
  StoredProfile,
  type CountedEvent,
  type ProfileSnapshot,
} from "@omnijourney/shared";
import type { Models } from "../models/index.js";
import { messageDocumentId } from "../models/message.js";
import { RECENT_SENDS_MS } from "../models/recent-sends.js";
import { WORKSPACE_SETTINGS_ID } from "../models/settings.js";
import { normaliseSettings, type WorkspaceSettings } from "../settings/workspace-settings.js";
import type { ProgressBatch } from "../workflows/types.js";
import { CounterBatcher } from "./counter-batcher.js";
import { KeyedQueue } from "./keyed-queue.js";
import { progressEffect } from "./progress.js";
import type { MessageWrite, ProfileChanges, RuntimeStore, StoredMessage } from "./store.js";
import { onDuplicateKey } from "../retry.js";

const SETTINGS_TTL_MS = 2_000;
const WRITTEN_SEQ_CAPACITY = 20_000;

/** The live store: profiles, settings, segments, messages, enrolments and node counters in MongoDB. */
export function createMongoStore(
  models: Models,
  options: { settingsTtlMs?: number } = {},
): RuntimeStore {
  const settingsTtl = options.settingsTtlMs ?? SETTINGS_TTL_MS;
  const counters = new KeyedQueue();
  const nodeStats = new CounterBatcher(async (key, inc) => {
    const [journeyId = "", nodeId = ""] = key.split("\u0000");
    const byNode = { journeyId, nodeId };
    // Keyed by `_id` (journey and node): an upsert the embedded FerretDB answers from its index. The driver's
    // collection, because the model's `_id` is an ObjectId for counters written before. A duplicate key: the
    // node's counters exist under an older id, or another process created them first; increment those.
    await onDuplicateKey(
      () =>
        models.NodeStat.collection.updateOne(
          { _id: `${journeyId}:${nodeId}` as never }, // why: string ids on a collection typed with ObjectId ids
          { $inc: inc, $setOnInsert: byNode },
          { upsert: true },
        ),
      () => models.NodeStat.updateOne(byNode, { $inc: inc }),
    );
  });
  let settingsCache: { at: number; value: WorkspaceSettings } | null = null;
  /** The last progress batch this process wrote per running enrolment (bounded; forgotten when it ends). */
  const writtenSeq = new Map<string, number>();
  const rememberWritten = (enrolmentId: string, seq: number | null) => {
    writtenSeq.delete(enrolmentId);
    if (seq === null) return;
    if (writtenSeq.size >= WRITTEN_SEQ_CAPACITY)
      writtenSeq.delete(writtenSeq.keys().next().value ?? "");
    writtenSeq.set(enrolmentId, seq);
  };

  /**
   * Adds a marketing send to the profile's recent sends (once per message), forgetting those older than any cap
   * window. Read, then write by `_id`, one at a time per profile in this process (FerretDB loses concurrent
   * updates of one document; 0003): two worker processes sending to one profile at the same instant could drop
   * one entry, which makes the cap lenient by one, never stricter.
   */
  const rememberMarketingSend = (profileId: string, key: string, at: Date) =>
    counters.run(`recent-sends:${profileId}`, async () => {
      const doc = await models.RecentSends.findById(profileId).lean();
      const kept = (doc?.marketing ?? []).filter(
        (s) => s.at && s.at.getTime() > at.getTime() - RECENT_SENDS_MS,
      );
      if (kept.some((s) => s.key === key)) return;
      await onDuplicateKey(
        () =>
          models.RecentSends.updateOne(
            { _id: profileId },
            { $set: { marketing: [...kept, { key, at }] } },
            { upsert: true },
          ),
        // Another send created the document since it was read: add to it.
        () =>
          models.RecentSends.updateOne({ _id: profileId }, { $push: { marketing: { key, at } } }),
      );
    });

  return {
    async getProfile(profileId: string): Promise<ProfileSnapshot | null> {
      const doc = await models.Profile.findById(profileId).lean();
      if (!doc) return null;
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
      await counters.run(`profile:${profileId}`, () =>
        models.Profile.updateOne({ _id: profileId }, update),
      );
    },

    async getSettings(): Promise<WorkspaceSettings> {
      if (settingsCache && Date.now() - settingsCache.at < settingsTtl) return settingsCache.value;
      const doc = await models.Settings.findById(WORKSPACE_SETTINGS_ID).lean();
      settingsCache = { at: Date.now(), value: normaliseSettings(doc) };
      return settingsCache.value;
    },

    async getSegmentCondition(segmentId: string): Promise<Condition | null> {
      const doc = await models.Segment.findById(segmentId).lean();
      if (!doc) return null;
      const parsed = Condition.safeParse(doc.condition);
      return parsed.success ? parsed.data : null;
    },

    async findMessage(idempotencyKey: string): Promise<StoredMessage | null> {
      const doc = await models.Message.findById(messageDocumentId(idempotencyKey)).lean();
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
      const set: Record<string, unknown> = { status, ...rest };
      if (reason !== undefined) set.reason = reason;
      const change = { status, at, ...(reason !== undefined ? { reason } : {}) };
      const attempt = () =>
        models.Message.findOneAndUpdate(
          { _id: messageDocumentId(idempotencyKey) },
          {
            $set: set,
            $push: { statusHistory: change },
            $setOnInsert: { idempotencyKey, createdAt: at },
          },
          { upsert: true, returnDocument: "after", timestamps: false },
        ).lean();
      // Two upserts of a new key raced: the loser updates the winner's document.
      const doc = await onDuplicateKey(attempt, attempt);
      if (status === "sent" && write.category === "marketing")
        await rememberMarketingSend(write.profileId, idempotencyKey, write.sentAt ?? at);
      return { id: String(doc?._id ?? "") };
    },

    async recentMarketingSends(profileId: string, since: Date): Promise<Date[]> {
      const doc = await models.RecentSends.findById(profileId).lean();
      return (doc?.marketing ?? [])
        .flatMap((s) => (s.at && s.at >= since ? [s.at] : []))
        .sort((a, b) => a.getTime() - b.getTime());
    },

    async recordProgress(batch: ProgressBatch): Promise<void> {
      const { enrolment, seq } = batch;
      const { fields, increments } = progressEffect(batch);
      const set: Record<string, unknown> = { progressSeq: seq };
      if (fields.currentNodeId !== undefined) set.currentNodeId = fields.currentNodeId;
      if (fields.waitingFor !== undefined) set.waitingFor = fields.waitingFor;
      if (fields.status) set.status = fields.status;
      if (fields.reason) set.reason = fields.reason;
      if (fields.endedAt) set.endedAt = fields.endedAt;
      if (fields.revenue !== undefined) set.revenue = fields.revenue;
      for (const [nodeId, variant] of Object.entries(fields.variants))
        set[`variants.${nodeId}`] = variant;
      const applied = await counters.run(`enrolment:${enrolment.enrolmentId}`, async () => {
        // Read, then write by `_id` alone: the embedded FerretDB scans the collection for any other filter
        // (a `progressSeq` guard in the update's filter would). Writes of one enrolment are queued here, and
        // its workflow runs one progress activity at a time.
        // The batch after the one this process wrote last needs no read: the projection is at seq - 1.
        const known = writtenSeq.get(enrolment.enrolmentId);
        const recorded =
          known === seq - 1
            ? known
            : ((await models.Enrolment.findById(enrolment.enrolmentId, { progressSeq: 1 }).lean())
                ?.progressSeq ?? 0);
        // This batch (or a later one) is applied already: a retry, nothing to do.
        if (recorded >= seq) return false;
        await onDuplicateKey(
          () =>
            models.Enrolment.updateOne(
              { _id: enrolment.enrolmentId },
              {
                $set: set,
                $setOnInsert: {
                  enrolmentId: enrolment.enrolmentId,
                  workflowId: enrolment.workflowId,
                  journeyId: enrolment.journeyId,
                  version: enrolment.version,
                  profileId: enrolment.profileId,
                  startedAt: new Date(batch.startedAt),
                  ...(fields.status ? {} : { status: "active" }),
                },
              },
              { upsert: true },
            ),
          // The API's enrol created the document between our read and write: apply the update to it.
          () => models.Enrolment.updateOne({ _id: enrolment.enrolmentId }, { $set: set }),
        );
        rememberWritten(enrolment.enrolmentId, fields.status ? null : seq);
        return true;
      });
      if (!applied) return;
      // An enrolment that ended no longer receives events: events are signalled to the running ones only.
      if (fields.status)
        await models.ProfileJourneys.updateOne(
          { _id: enrolment.profileId },
          { $pull: { active: enrolment.workflowId } },
        );
      await Promise.all(
        [...increments].map(([nodeId, inc]) =>
          nodeStats.add(`${enrolment.journeyId}\u0000${nodeId}`, inc),
        ),
      );
    },
  };
}
