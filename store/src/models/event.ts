import type { ObjectId } from "mongodb";
import type { CollectionDeclaration } from "./declaration.js";

export const segmentCallTypes = ["track", "identify", "alias", "page", "screen", "group"] as const;
/** The kind of a Segment-shaped call. */
export type SegmentCallType = (typeof segmentCallTypes)[number];

/** A stored Segment-shaped call (track, identify, alias, page, screen, group). `messageId` de-duplicates. */
export type EventRecord = {
  _id: ObjectId;
  /** Segment's de-duplication key; unique. */
  messageId: string;
  type: SegmentCallType;
  /** Track name; page/screen/identify/alias/group get Segment's conventional names. */
  event: string;
  /** The profile the event was attributed to at ingestion (after identity resolution). */
  profileId: string;
  userId?: string | null;
  anonymousId?: string | null;
  previousId?: string | null;
  groupId?: string | null;
  name?: string | null;
  properties: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
  timestamp: Date;
  /** Segment's `sentAt` and the client's own timestamp, kept for the clock-skew correction's audit. */
  originalTimestamp?: Date | null;
  sentAt?: Date | null;
  receivedAt: Date;
  /** Where the event came from. */
  source: "ingestion" | "api" | "tracking" | "webhook" | "runtime";
};

export const eventCollection: CollectionDeclaration = {
  name: "events",
  indexes: [
    { key: { messageId: 1 }, name: "messageId_1", unique: true },
    { key: { profileId: 1, timestamp: -1 }, name: "profileId_1_timestamp_-1" },
    { key: { event: 1, timestamp: -1 }, name: "event_1_timestamp_-1" },
    { key: { timestamp: -1 }, name: "timestamp_-1" },
  ],
};

/**
 * An event still to fan out (the outbox): written before the event itself, deleted once the event reached its
 * profile and its journeys. Its lease belongs to the process working on it; another process takes over once it
 * lapses. A small collection of in-flight work, so the drain's scan of it stays cheap.
 */
export type OutboxRecord = {
  _id: ObjectId;
  leaseUntil: Date;
  leaseOwner?: string | null;
};

export const outboxCollection: CollectionDeclaration = { name: "event_outbox", indexes: [] };
