import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/**
 * Who is in a segment that a `trigger.segment` journey listens to, per journey. The unique key makes
 * "entered the segment" an idempotent insert: only the write that creates the row enrols the profile.
 */
export const segmentMembershipSchema = new Schema(
  {
    journeyId: { type: String, required: true },
    segmentId: { type: String, required: true },
    profileId: { type: String, required: true, index: true },
    enteredAt: { type: Date, required: true },
  },
  { collection: "segment_memberships", minimize: false, versionKey: false },
);
segmentMembershipSchema.index({ journeyId: 1, segmentId: 1, profileId: 1 }, { unique: true });

export type SegmentMembershipDocument = InferSchemaType<typeof segmentMembershipSchema>;
export type SegmentMembershipModel = Model<SegmentMembershipDocument>;

export const createSegmentMembershipModel = (connection: Connection): SegmentMembershipModel =>
  connection.model<SegmentMembershipDocument>("SegmentMembership", segmentMembershipSchema);
