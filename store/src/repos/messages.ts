import type { Filter } from "mongodb";
import type { Collections } from "../models/index.js";
import {
  isMessageId,
  MESSAGE_DEFAULTS,
  messageDocumentId,
  messageIdOf,
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

/** A message by its public id (the `_id` as 24 hex digits); null for anything else or when there is none. */
export const findMessageById = (models: Collections, id: string): Promise<MessageRecord | null> =>
  isMessageId(id) ? models.messages.findOne({ _id: messageIdOf(id) }) : Promise.resolve(null);

/** A message by the id its provider gave it (delivery callbacks name it), or null. */
export const findMessageByProviderId = (models: Collections, providerMessageId: string) =>
  models.messages.findOne({ providerMessageId });

/**
 * Appends a status change that came back from the outside (a delivery callback, an open, a click) to a message's
 * history; the status itself moves only when `advance` says the change is a step forward.
 */
export const appendMessageStatus = async (
  models: Collections,
  messageId: MessageRecord["_id"],
  change: MessageStatusChange,
  advance: boolean,
): Promise<void> => {
  const push = { $push: { statusHistory: change } };
  await models.messages.updateOne(
    { _id: messageId },
    advance ? { ...push, $set: { status: change.status, updatedAt: change.at } } : push,
  );
};

/** What a message list may filter on, each an exact match. */
export type MessageQuery = Partial<
  Pick<MessageRecord, "profileId" | "journeyId" | "nodeId" | "channel" | "status">
>;

/** Where a page of messages ends: the last one's creation time and public id. */
export type MessagePosition = { at: Date; id: string };

/**
 * Messages matching `query`, newest `createdAt` first (the `_id` breaks ties: ids derive from idempotency keys
 * and are not time-ordered), after `before` when given, at most `limit`.
 */
export const listMessagePage = (
  models: Collections,
  query: MessageQuery,
  before: MessagePosition | null,
  limit: number,
): Promise<MessageRecord[]> => {
  const filter: Filter<MessageRecord> = Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  );
  const older: Filter<MessageRecord> | null = before
    ? {
        $or: [
          { createdAt: { $lt: before.at } },
          { createdAt: before.at, _id: { $lt: messageIdOf(before.id) } },
        ],
      }
    : null;
  return models.messages
    .find(older ? { $and: [filter, older] } : filter)
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .toArray();
};
