import { createHash } from "node:crypto";
import { Types, Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

export const messageStatuses = [
  "queued",
  "deferred",
  "sent",
  "delivered",
  "opened",
  "clicked",
  "replied",
  "failed",
  "suppressed",
] as const;
export type MessageStatus = (typeof messageStatuses)[number];

const statusChangeSchema = new Schema(
  {
    status: { type: String, required: true, enum: messageStatuses },
    at: { type: Date, required: true },
    reason: { type: String },
  },
  { _id: false },
);

/**
 * Every message the runtime attempted, one document per (enrolment, node, visit, step): the unique
 * `idempotencyKey` is what makes a retried or replayed send a no-op (no transactions needed).
 */
export const messageSchema = new Schema(
  {
    idempotencyKey: { type: String, required: true, unique: true },
    journeyId: { type: String, index: true },
    version: { type: Number },
    nodeId: { type: String },
    workflowId: { type: String },
    profileId: { type: String, required: true, index: true },
    channel: { type: String, required: true },
    category: { type: String, required: true, enum: ["marketing", "transactional"] },
    provider: { type: String },
    status: { type: String, required: true, enum: messageStatuses },
    reason: { type: String },
    statusHistory: { type: [statusChangeSchema], default: [] },
    /** The rendered fields (subject, body, text, ...). */
    content: { type: Schema.Types.Mixed, default: {} },
    to: { type: String },
    cost: { type: Number, default: 0 },
    currency: { type: String, default: "USD" },
    providerMessageId: { type: String },
    /**
     * The hand-over journal of the worker making the current attempt (host and file). A retry on the
     * same host reads it to know whether the interrupted attempt delivered (handover-journal.ts).
     */
    attemptJournal: { type: String },
    /** Set when the provider accepted the message; the frequency cap counts these. */
    sentAt: { type: Date },
    /** Position inside a message.cascade (0-based), absent for single sends. */
    cascadeStep: { type: Number },
  },
  { collection: "messages", timestamps: true, minimize: false, versionKey: false },
);
messageSchema.index({ journeyId: 1, nodeId: 1 });
messageSchema.index({ profileId: 1, sentAt: -1 });
messageSchema.index({ providerMessageId: 1 });
messageSchema.index({ createdAt: -1 });

export type MessageDocument = InferSchemaType<typeof messageSchema>;
export type MessageModel = Model<MessageDocument>;

export const createMessageModel = (connection: Connection): MessageModel =>
  connection.model<MessageDocument>("Message", messageSchema);

/**
 * A message's `_id`, derived from its idempotency key: every write and retry of a send finds its
 * document by `_id`, the one filter the embedded FerretDB answers without scanning the collection.
 * Not time-ordered: lists order messages by `createdAt`.
 */
export const messageDocumentId = (idempotencyKey: string): Types.ObjectId =>
  new Types.ObjectId(createHash("sha256").update(idempotencyKey).digest().subarray(0, 12));
