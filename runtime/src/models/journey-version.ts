import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/** A published, frozen version of a journey: the compiled plan that enrolments on it run. */
export const journeyVersionSchema = new Schema(
  {
    journeyId: { type: String, required: true },
    version: { type: Number, required: true },
    /** The compiled JourneyPlan (plain JSON). */
    plan: { type: Schema.Types.Mixed, required: true },
    /** The document as it was published, for read-only display. */
    document: { type: Schema.Types.Mixed, required: true },
    hash: { type: String, required: true },
    publishedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: "journey_versions", minimize: false, versionKey: false },
);
journeyVersionSchema.index({ journeyId: 1, version: 1 }, { unique: true });

export type JourneyVersionDocument = InferSchemaType<typeof journeyVersionSchema>;
export type JourneyVersionModel = Model<JourneyVersionDocument>;

export const createJourneyVersionModel = (connection: Connection): JourneyVersionModel =>
  connection.model<JourneyVersionDocument>("JourneyVersion", journeyVersionSchema);
