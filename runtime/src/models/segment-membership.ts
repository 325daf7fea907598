import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/**
 * Who is in a segment that a `trigger.segment` journey listens to, per journey. The unique key makes
 * "entered the segment" an idempotent insert: only the write that creates the row enrols the profile.
 */
export const segmentMembershipSchema = new Schema(
  {
    /** `segmentMembershipId(...)`; rows written before it have an ObjectId (Mixed: filters are not cast). */
    _id: { type: Schema.Types.Mixed },
    journeyId: { type: String, required: true },
    segmentId: { type: String, required: true },
    profileId: { type: String, required: true, index: true },
    enteredAt: { type: Date, required: true },
  },
  { collection: "segment_memberships", minimize: false, versionKey: false },
);
segmentMembershipSchema.index({ journeyId: 1, segmentId: 1, profileId: 1 }, { unique: true });

/**
 * A membership row's `_id`, one per (journey, segment, profile): the fan-out reads, creates and deletes a
 * profile's rows by `_id`, which the embedded FerretDB answers from its index (decisions 0006, 0007), where a
 * filter on the three fields scanned the collection for every event.
 */
export const segmentMembershipId = (
  journeyId: string,
  segmentId: string,
  profileId: string,
): string => `journey:${journeyId}:segment:${segmentId}:profile:${profileId}`;

/** One (journey, segment) pair whose membership rows the sweep and the fan-out maintain. */
export type MembershipKey = { journeyId: string; segmentId: string };

/** The row that records a profile entering a journey's segment, keyed by `segmentMembershipId`. */
export const segmentMembershipRow = (key: MembershipKey, profileId: string, enteredAt: Date) => ({
  _id: segmentMembershipId(key.journeyId, key.segmentId, profileId),
  ...key,
  profileId,
  enteredAt,
});

export type SegmentMembershipDocument = InferSchemaType<typeof segmentMembershipSchema>;
export type SegmentMembershipModel = Model<SegmentMembershipDocument>;

export const createSegmentMembershipModel = (connection: Connection): SegmentMembershipModel =>
  connection.model<SegmentMembershipDocument>("SegmentMembership", segmentMembershipSchema);
