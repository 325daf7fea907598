import type { Condition, CountedEvent, ProfileSnapshot } from "@omnijourney/shared";
import type { WorkspaceSettings } from "../settings/workspace-settings.js";
import type { MessageStatus } from "@omnijourney/shared";
import type { NewAssignment, RecentMarketingSend } from "@omnijourney/store";
import type { ProgressBatch } from "../workflows/types.js";

/** A message as the send path needs to see it again (idempotency). */
export type StoredMessage = {
  idempotencyKey: string;
  status: MessageStatus;
  reason?: string | null;
  providerMessageId?: string | null;
  cost?: number | null;
  /** The hand-over journal of the last attempt's worker (see handover-journal.ts). */
  attemptJournal?: string | null;
};

/** Fields written with a message status change. */
export type MessageWrite = {
  idempotencyKey: string;
  status: MessageStatus;
  reason?: string;
  at: Date;
  journeyId: string;
  version: number;
  nodeId: string;
  workflowId: string;
  profileId: string;
  channel: string;
  category: "marketing" | "transactional";
  content?: Record<string, string>;
  to?: string;
  provider?: string;
  cost?: number;
  currency?: string;
  providerMessageId?: string;
  sentAt?: Date;
  cascadeStep?: number;
  /** Written with the "queued" claim: which worker's hand-over journal the attempt records into. */
  attemptJournal?: string;
};

/** Attribute changes already rendered: paths are attribute paths ("plan", "address.city"). */
export type ProfileChanges = {
  set: Record<string, unknown>;
  unset: string[];
  inc: Record<string, number>;
};

/**
 * Everything the activities read and write. The live worker uses MongoDB (mongo-store.ts); a
 * simulation uses an in-memory store seeded with a hypothetical profile (memory-store.ts).
 */
export interface RuntimeStore {
  getProfile(profileId: string): Promise<ProfileSnapshot | null>;
  /** Events not yet in the profile's counters (simulation); folded in by the condition evaluator. */
  pendingEvents(profileId: string): Promise<CountedEvent[]>;
  updateProfile(profileId: string, changes: ProfileChanges): Promise<void>;
  /**
   * The workspace settings, through a cache of a couple of seconds (quiet hours, caps, providers, costs);
   * `fresh` reads them now (one indexed read), for values that must apply at once (plugin secrets).
   */
  getSettings(options?: { fresh?: boolean }): Promise<WorkspaceSettings>;
  getSegmentCondition(segmentId: string): Promise<Condition | null>;
  /** The workspace's snippets by name, as templates read them (`{{ snippets.<name> }}`). */
  getSnippets(): Promise<Record<string, string>>;
  /** A journey's name (link tracking's default campaign), or null when unknown. */
  getJourneyName(journeyId: string): Promise<string | null>;
  findMessage(idempotencyKey: string): Promise<StoredMessage | null>;
  /** Upserts the message by key and appends the status change to its history. */
  writeMessage(write: MessageWrite): Promise<{ id: string }>;
  /** Marketing messages sent to the profile at or after `since`, across all journeys, oldest first. */
  recentMarketingSends(profileId: string, since: Date): Promise<RecentMarketingSend[]>;
  recordProgress(batch: ProgressBatch): Promise<void>;
  /** Records an experiment assignment once (a repeat changes nothing). */
  recordAssignment(assignment: NewAssignment): Promise<void>;
}
