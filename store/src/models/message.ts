import { createHash } from "node:crypto";
import { ObjectId } from "mongodb";
import type { MessageStatus } from "@omnijourney/shared";
import type { CollectionDeclaration } from "./declaration.js";

/** One status change in a message's history. */
export type MessageStatusChange = { status: MessageStatus; at: Date; reason?: string };

/**
 * Every message the runtime attempted, one document per (enrolment, node, visit, step): the unique
 * `idempotencyKey` is what makes a retried or replayed send a no-op (no transactions needed).
 */
export type MessageRecord = {
  /** `messageDocumentId(idempotencyKey)`. */
  _id: ObjectId;
  idempotencyKey: string;
  journeyId?: string;
  version?: number;
  nodeId?: string;
  workflowId?: string;
  profileId: string;
  channel: string;
  category: "marketing" | "transactional";
  provider?: string;
  status: MessageStatus;
  reason?: string;
  statusHistory: MessageStatusChange[];
  /** The rendered fields (subject, body, text, ...). */
  content: Record<string, unknown>;
  to?: string;
  cost: number;
  currency: string;
  providerMessageId?: string;
  /**
   * The hand-over journal of the worker making the current attempt (host and file). A retry on the
   * same host reads it to know whether the interrupted attempt delivered (handover-journal.ts).
   */
  attemptJournal?: string;
  /** Set when the provider accepted the message; the frequency cap counts these. */
  sentAt?: Date;
  /** Position inside a message.cascade (0-based), absent for single sends. */
  cascadeStep?: number;
  createdAt: Date;
  updatedAt?: Date;
};

/** What a new message holds when its first write does not say (mongoose's schema defaults, kept). */
export const MESSAGE_DEFAULTS = { content: {}, cost: 0, currency: "USD" } as const;

export const messageCollection: CollectionDeclaration = {
  name: "messages",
  indexes: [
    { key: { idempotencyKey: 1 }, name: "idempotencyKey_1", unique: true },
    { key: { journeyId: 1 }, name: "journeyId_1" },
    { key: { profileId: 1 }, name: "profileId_1" },
    { key: { journeyId: 1, nodeId: 1 }, name: "journeyId_1_nodeId_1" },
    { key: { profileId: 1, sentAt: -1 }, name: "profileId_1_sentAt_-1" },
    { key: { providerMessageId: 1 }, name: "providerMessageId_1" },
    { key: { createdAt: -1 }, name: "createdAt_-1" },
  ],
};

/**
 * A message's `_id`, derived from its idempotency key: every write and retry of a send finds its
 * document by `_id`, the one filter every engine answers without scanning (engine/capabilities.ts).
 * Not time-ordered: lists order messages by `createdAt`.
 */
export const messageDocumentId = (idempotencyKey: string): ObjectId =>
  new ObjectId(createHash("sha256").update(idempotencyKey).digest().subarray(0, 12));

/** Whether a string is a message's `_id` as the API shows it (24 hex digits); anything else names no message. */
export const isMessageId = (value: string): boolean => /^[0-9a-f]{24}$/i.test(value);

/** The `_id` of a message from its public id (check it with `isMessageId` first). */
export const messageIdOf = (value: string): ObjectId => new ObjectId(value);
