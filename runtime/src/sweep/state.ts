import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/**
 * What the sweep remembers per (journey, segment): when it recorded the segment's members at publish as a
 * baseline. A journey published without `enrolExisting` must not enrol the people who were already in its
 * segment; the first sweep records them as members (without enrolling) and this row says that happened.
 * Holds no profile data.
 */
export const segmentSweepStateSchema = new Schema(
  {
    /** `<journeyId>/<segmentId>`: one row per pair, looked up by `_id` (FerretDB pushes down only `_id` filters). */
    _id: { type: String, required: true },
    journeyId: { type: String, required: true },
    segmentId: { type: String, required: true },
    /** When the baseline was recorded (absent until then). */
    baselineAt: { type: Date },
    /** The instant the baseline's members were computed at (the journey's publish time). */
    baselineAsOf: { type: Date },
    lastSweptAt: { type: Date },
  },
  { collection: "segment_sweeps", minimize: false, versionKey: false },
);

export type SegmentSweepStateDocument = InferSchemaType<typeof segmentSweepStateSchema>;
export type SegmentSweepStateModel = Model<SegmentSweepStateDocument>;

/** The sweep-state model on a connection (created once per connection). */
export function segmentSweepStateModel(connection: Connection): SegmentSweepStateModel {
  const existing = connection.models.SegmentSweepState;
  if (existing) return existing as SegmentSweepStateModel; // why: registered below with exactly this schema
  return connection.model<SegmentSweepStateDocument>("SegmentSweepState", segmentSweepStateSchema);
}

/** The state row's id for a journey and segment. */
export const sweepStateId = (journeyId: string, segmentId: string): string =>
  `${journeyId}/${segmentId}`;
