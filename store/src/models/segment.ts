import type { ObjectId } from "mongodb";
import type { CollectionDeclaration } from "./declaration.js";
import { newId } from "./ids.js";

/** A named condition over profiles (evaluated per profile, or translated to a filter by engine/filters.ts). */
export type SegmentRecord = {
  /** `newId("s")`. */
  _id: string;
  name: string;
  description?: string;
  /** A shared `Condition`, validated when written. */
  condition: unknown;
  createdAt: Date;
  updatedAt: Date;
};

export const segmentCollection: CollectionDeclaration = {
  name: "segments",
  indexes: [{ key: { name: 1 }, name: "name_1" }],
};

/** A current membership row's key: one (journey, segment) pair whose rows the sweep and the fan-out maintain. */
export type MembershipKey = { journeyId: string; segmentId: string };

/**
 * Who is in a segment that a `trigger.segment` journey listens to, per journey. The unique key makes
 * "entered the segment" an idempotent insert: only the write that creates the row enrols the profile.
 */
export type SegmentMembershipRecord = {
  /** `segmentMembershipId(...)`; rows written before it have an ObjectId. */
  _id: string | ObjectId;
  journeyId: string;
  segmentId: string;
  profileId: string;
  enteredAt: Date;
};

export const segmentMembershipCollection: CollectionDeclaration = {
  name: "segment_memberships",
  indexes: [
    { key: { profileId: 1 }, name: "profileId_1" },
    {
      key: { journeyId: 1, segmentId: 1, profileId: 1 },
      name: "journeyId_1_segmentId_1_profileId_1",
      unique: true,
    },
  ],
};

/**
 * A membership row's `_id`, one per (journey, segment, profile): the fan-out reads, creates and deletes a
 * profile's rows by `_id`, a lookup on every engine (decisions 0006, 0007), where a filter on the three fields
 * scanned the collection for every event on the embedded engine (engine/capabilities.ts).
 */
export const segmentMembershipId = (
  journeyId: string,
  segmentId: string,
  profileId: string,
): string => `journey:${journeyId}:segment:${segmentId}:profile:${profileId}`;

/** The row that records a profile entering a journey's segment, keyed by `segmentMembershipId`. */
export const segmentMembershipRow = (
  key: MembershipKey,
  profileId: string,
  enteredAt: Date,
): SegmentMembershipRecord & { _id: string } => ({
  _id: segmentMembershipId(key.journeyId, key.segmentId, profileId),
  ...key,
  profileId,
  enteredAt,
});

/**
 * What the sweep remembers per (journey, segment): when it recorded the segment's members at publish as a
 * baseline. A journey published without `enrolExisting` must not enrol the people who were already in its
 * segment; the first sweep records them as members (without enrolling) and this row says that happened.
 * Holds no profile data.
 */
export type SegmentSweepStateRecord = {
  /** `sweepStateId(journeyId, segmentId)`: one row per pair, looked up by `_id`. */
  _id: string;
  journeyId: string;
  segmentId: string;
  /** When the baseline was recorded (absent until then). */
  baselineAt?: Date;
  /** The instant the baseline's members were computed at (the journey's publish time). */
  baselineAsOf?: Date;
  lastSweptAt?: Date;
};

export const segmentSweepStateCollection: CollectionDeclaration = {
  name: "segment_sweeps",
  indexes: [],
};

/** The state row's id for a journey and segment. */
export const sweepStateId = (journeyId: string, segmentId: string): string =>
  `${journeyId}/${segmentId}`;

/** A new segment (`_id` from `newId("s")` unless given, both timestamps now). */
export const newSegment = (
  fields: Pick<SegmentRecord, "name" | "condition"> & Partial<SegmentRecord>,
): SegmentRecord => {
  const now = new Date();
  return { _id: newId("s"), createdAt: now, updatedAt: now, ...fields };
};
