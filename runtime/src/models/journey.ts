import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";
import { newId } from "./ids.js";

export const journeyStatuses = ["draft", "live", "paused", "archived"] as const;
export type JourneyStatus = (typeof journeyStatuses)[number];

/** The editable journey: its draft document (what the studio saves) and its lifecycle. */
export const journeySchema = new Schema(
  {
    _id: { type: String, default: () => newId("j") },
    name: { type: String, required: true },
    description: { type: String },
    /** The draft journey document `{ name, nodes, edges, settings }`. */
    document: { type: Schema.Types.Mixed, required: true },
    status: { type: String, required: true, enum: journeyStatuses, default: "draft" },
    /** The version new enrolments take; null until the first publish. */
    liveVersion: { type: Number, default: null },
    /** Denormalised from the live version's trigger, so ingestion finds journeys to enrol into with one query. */
    trigger: { type: Schema.Types.Mixed, default: null },
    publishedAt: { type: Date },
  },
  { collection: "journeys", timestamps: true, minimize: false, versionKey: false },
);
journeySchema.index({ status: 1 });
journeySchema.index({ updatedAt: -1 });

export type JourneyDocument = InferSchemaType<typeof journeySchema>;
export type JourneyModel = Model<JourneyDocument>;

export const createJourneyModel = (connection: Connection): JourneyModel =>
  connection.model<JourneyDocument>("Journey", journeySchema);
