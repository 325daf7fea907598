import type { ObjectId } from "mongodb";

/**
 * The shapes the API reads and writes through the native driver (hot paths and bulk operations).
 * They follow the runtime's mongoose models (one collection per model) and the stored profile shape
 * fixed in contracts.md.
 */
export type ConsentStatus = "subscribed" | "unsubscribed" | "unknown";
export type ConsentCategory = "marketing" | "transactional";
export type ConsentEntry = {
  marketing: ConsentStatus;
  transactional: ConsentStatus;
  history: { category: ConsentCategory; status: ConsentStatus; source: string; at: Date }[];
};

export type CounterEntry = { count: number; first: Date; last: Date; recent: Date[] };

export type ProfileDoc = {
  /** Equal to profileId (FerretDB looks documents up fast only by _id). */
  _id: string;
  profileId: string;
  userId?: string | null;
  anonymousIds: string[];
  attributes: Record<string, unknown>;
  consent: Record<string, ConsentEntry>;
  counters: Record<string, CounterEntry>;
  /** Ids of the most recent events already counted (see ingestion's applyToProfiles). */
  appliedEvents?: string[];
  createdAt: Date;
  updatedAt: Date;
};

export type SegmentCallType = "track" | "identify" | "alias" | "page" | "screen" | "group";

export type EventDoc = {
  _id: ObjectId;
  /** Segment's de-duplication key; unique. */
  messageId: string;
  type: SegmentCallType;
  /** Track name; page/screen/identify/alias/group get Segment's conventional names. */
  event: string;
  profileId: string;
  userId?: string | null;
  anonymousId?: string | null;
  properties: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
  timestamp: Date;
  originalTimestamp?: Date | null;
  sentAt?: Date | null;
  receivedAt: Date;
  source: "ingestion" | "api" | "tracking" | "webhook" | "runtime";
};

/**
 * An event still to fan out (the outbox): written before the event itself, deleted once the event reached its
 * profile and its journeys. Its lease belongs to the process working on it; another process takes over once it
 * lapses. A small collection of in-flight work, so the drain's scan of it stays cheap.
 */
export type OutboxDoc = {
  _id: ObjectId;
  leaseUntil: Date;
  leaseOwner?: string | null;
};

/** The runtime's ProfileJourneys document: journeys entered (journeyId -> count) and running enrolment workflows. */
export type ProfileJourneysDoc = {
  _id: string;
  entered?: Record<string, number>;
  active?: string[];
};

/** The runtime's RecentSends document: a profile's recent marketing sends, for the frequency cap. */
export type RecentSendsDoc = {
  _id: string;
  marketing?: { key: string; at: Date }[];
};

/** The runtime's IdentityAlias document: an anonymous id (`_id`) joined to a known profile. */
export type IdentityAliasDoc = { _id: string; profileId: string };

/** The runtime's SegmentMembership row: `segmentMembershipId(...)`, or an ObjectId for rows from before it. */
export type SegmentMembershipDoc = {
  _id: string | ObjectId;
  journeyId: string;
  segmentId: string;
  profileId: string;
  enteredAt: Date;
};
