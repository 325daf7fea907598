import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";
import { newId } from "./ids.js";

/** A named condition over profiles (evaluated per profile, or translated to a MongoDB filter). */
export const segmentSchema = new Schema(
  {
    _id: { type: String, default: () => newId("s") },
    name: { type: String, required: true },
    description: { type: String },
    condition: { type: Schema.Types.Mixed, required: true },
  },
  { collection: "segments", timestamps: true, minimize: false, versionKey: false },
);
segmentSchema.index({ name: 1 });

export type SegmentDocument = InferSchemaType<typeof segmentSchema>;
export type SegmentModel = Model<SegmentDocument>;

export const createSegmentModel = (connection: Connection): SegmentModel =>
  connection.model<SegmentDocument>("Segment", segmentSchema);
