import type { Collections } from "../models/index.js";
import {
  MESSAGE_DEFAULTS,
  messageDocumentId,
  type MessageRecord,
  type MessageStatusChange,
} from "../models/message.js";
import { onDuplicateKey } from "../engine/retry.js";

/** A message by its idempotency key (a lookup by `_id`). */
export const findMessageByKey = (models: Collections, idempotencyKey: string) =>
  models.messages.findOne({ _id: messageDocumentId(idempotencyKey) });

/** The fields of a message a status change sets (everything but its key, history and creation time). */
export type MessageFields = Partial<
  Omit<MessageRecord, "_id" | "idempotencyKey" | "statusHistory" | "createdAt" | "updatedAt">
>;

/**
 * Upserts the message by key with `fields`, appending `change` to its history; a new one is created at
 * `change.at` with the defaults of any field not given. Two upserts of a new key that race: the loser updates
 * the winner's document. Resolves the document after the write.
 */
export const writeMessageStatus = (
  models: Collections,
  idempotencyKey: string,
  fields: MessageFields,
  change: MessageStatusChange,
) => {
  const defaults = Object.fromEntries(
    Object.entries(MESSAGE_DEFAULTS).filter(([field]) => !(field in fields)),
  );
  const attempt = () =>
    models.messages.findOneAndUpdate(
      { _id: messageDocumentId(idempotencyKey) },
      {
        $set: fields,
        $push: { statusHistory: change },
        $setOnInsert: { idempotencyKey, createdAt: change.at, ...defaults },
      },
      { upsert: true, returnDocument: "after" },
    );
  return onDuplicateKey(attempt, attempt);
};

/** A new message document with the defaults every reader expects (seeds and tests insert these). */
export const newMessage = (
  fields: Pick<MessageRecord, "idempotencyKey" | "profileId" | "channel" | "category" | "status"> &
    Partial<MessageRecord>,
): MessageRecord => {
  const now = new Date();
  return {
    _id: messageDocumentId(fields.idempotencyKey),
    statusHistory: [],
    ...MESSAGE_DEFAULTS,
    content: {},
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
};

/** What the cascade step stats read of a message. */
export type CascadeMessage = Pick<
  MessageRecord,
  "nodeId" | "cascadeStep" | "channel" | "status" | "cost"
>;

/** A journey's cascade messages (those with a `cascadeStep`), the fields the step stats fold. */
export const readCascadeMessages = (
  models: Collections,
  journeyId: string,
): Promise<CascadeMessage[]> =>
  models.messages
    .find<CascadeMessage>(
      { journeyId, cascadeStep: { $exists: true } },
      { projection: { _id: 0, nodeId: 1, cascadeStep: 1, channel: 1, status: 1, cost: 1 } },
    )
    .toArray();
