import type { Condition } from "@omnijourney/shared";
import type { Filter } from "mongodb";
import { conditionToMongo } from "../engine/filters.js";
import type { Collections } from "../models/index.js";
import type { MessageRecord } from "../models/message.js";
import type { ProfileRecord } from "../models/profile.js";
import type { MessageQuery } from "./messages.js";

/** The most rows one export streams: a bound on the time and memory one request may take. */
export const EXPORT_LIMIT = 100_000;

/** Rows fetched per round trip while streaming. */
const BATCH = 1_000;

/** The profiles a condition matches at `now`, newest first, streamed in batches (at most `limit`). */
export const streamMatchingProfiles = (
  models: Collections,
  condition: Condition,
  now: Date,
  limit = EXPORT_LIMIT,
): AsyncIterable<ProfileRecord> =>
  models.profiles
    .find(conditionToMongo(condition, { now }))
    .sort({ _id: -1 })
    .limit(limit)
    .batchSize(BATCH);

/** Messages matching `query`, newest first, streamed in batches (at most `limit`); rendered content left out. */
export const streamMessages = (
  models: Collections,
  query: MessageQuery,
  limit = EXPORT_LIMIT,
): AsyncIterable<Omit<MessageRecord, "content" | "statusHistory">> => {
  const filter: Filter<MessageRecord> = Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  );
  return models.messages
    .find(filter, { projection: { content: 0, statusHistory: 0 } })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .batchSize(BATCH);
};
