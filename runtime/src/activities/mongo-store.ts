import {
  Condition,
  StoredProfile,
  type CountedEvent,
  type ProfileSnapshot,
} from "@omnijourney/shared";
import {
  applyEnrolmentProgress,
  changeProfileAttributes,
  CounterBatcher,
  findJourneyById,
  findMessageByKey,
  findSegmentById,
  incrementNodeStats,
  KeyedQueue,
  recordAssignment,
  profileById,
  readRecentMarketingSends,
  readWorkspaceSettings,
  rememberMarketingSend,
  snippetBodies,
  unlistRunningEnrolments,
  writeMessageStatus,
  type Collections,
  type NewAssignment,
  type RecentMarketingSend,
} from "@omnijourney/store";
import { normaliseSettings, type WorkspaceSettings } from "../settings/workspace-settings.js";
import type { ProgressBatch } from "../workflows/types.js";
import { progressEffect } from "./progress.js";
import type { MessageWrite, ProfileChanges, RuntimeStore, StoredMessage } from "./store.js";

/** How long workspace settings are reused without a read (docs/runtime.md: changes apply within it; secrets at once). */
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
  // Snippets change as rarely as settings: read again after the same short time.
  let snippetsCache: { at: number; value: Record<string, string> } | null = null;
  // Journey names (link tracking's default campaign), read again after the settings' short time.
  const journeyNames = new Map<string, { at: number; name: string | null }>();
  /**
   * Batches whose projection write landed and whose counter increments are not written yet, per enrolment. Kept
   * when the increments fail, so the retried batch (which finds its projection applied) still counts them;
   * a retry in another process cannot know and skips them (an undercount).
   */
  const uncounted = new Map<string, number>();

  /** Recent sends are read, then written: one at a time per profile in this process (recent-sends in the store). */
  const rememberSend = (profileId: string, send: RecentMarketingSend) =>
    counters.run(`recent-sends:${profileId}`, () => rememberMarketingSend(models, profileId, send));

  return {
    async getProfile(profileId: string): Promise<ProfileSnapshot | null> {
      const doc = await profileById(models, profileId);
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
      await counters.run(`profile:${profileId}`, () =>
        changeProfileAttributes(models, profileId, changes),
      );
    },

    async getSettings(options: { fresh?: boolean } = {}): Promise<WorkspaceSettings> {
      if (!options.fresh && settingsCache && Date.now() - settingsCache.at < settingsTtl)
        return settingsCache.value;
      const doc = await readWorkspaceSettings(models);
      settingsCache = { at: Date.now(), value: normaliseSettings(doc) };
      return settingsCache.value;
    },

    async getSnippets(): Promise<Record<string, string>> {
      if (snippetsCache && Date.now() - snippetsCache.at < settingsTtl) return snippetsCache.value;
      snippetsCache = { at: Date.now(), value: await snippetBodies(models) };
      return snippetsCache.value;
    },

    async getJourneyName(journeyId: string): Promise<string | null> {
      const known = journeyNames.get(journeyId);
      if (known && Date.now() - known.at < settingsTtl) return known.name;
      const name = (await findJourneyById(models, journeyId))?.name ?? null;
      journeyNames.set(journeyId, { at: Date.now(), name });
      return name;
    },

    async getSegmentCondition(segmentId: string): Promise<Condition | null> {
      const doc = await findSegmentById(models, segmentId);
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
        await rememberSend(write.profileId, {
          key: idempotencyKey,
          at: write.sentAt ?? at,
          journeyId: write.journeyId,
          channel: write.channel,
        });
      return { id: String(doc?._id ?? "") };
    },

    recentMarketingSends(profileId: string, since: Date): Promise<RecentMarketingSend[]> {
      return readRecentMarketingSends(models, profileId, since);
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
      const projection = counters.run(
        `enrolment:${enrolment.enrolmentId}`,
        async () => (await applyEnrolmentProgress(models, identity, seq, set)) < seq,
      );
      // An enrolment that ended no longer receives events: events are signalled to the running ones only.
      // Idempotent, so a retried end batch removes it again rather than never.
      const unlisted = fields.status
        ? unlistRunningEnrolments(models, enrolment.profileId, [enrolment.workflowId])
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
