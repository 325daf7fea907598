import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/** A stored Segment-shaped call (track, identify, alias, page, screen, group). `messageId` de-duplicates. */
export const eventSchema = new Schema(
  {
    messageId: { type: String, required: true, unique: true },
    type: {
      type: String,
      required: true,
      enum: ["track", "identify", "alias", "page", "screen", "group"],
    },
    /** The profile the event was attributed to at ingestion (after identity resolution). */
    profileId: { type: String, required: true },
    event: { type: String },
    userId: { type: String },
    anonymousId: { type: String },
    previousId: { type: String },
    groupId: { type: String },
    name: { type: String },
    properties: { type: Schema.Types.Mixed, default: {} },
    traits: { type: Schema.Types.Mixed, default: {} },
    context: { type: Schema.Types.Mixed, default: {} },
    timestamp: { type: Date, required: true },
    receivedAt: { type: Date, required: true, default: () => new Date() },
    /** Segment's `sentAt` and the client's own timestamp, kept for the clock-skew correction's audit. */
    sentAt: { type: Date },
    originalTimestamp: { type: Date },
    /** Where the event came from: ingestion, api, tracking, webhook, runtime. */
    source: { type: String },
  },
  { collection: "events", minimize: false, versionKey: false },
);
eventSchema.index({ profileId: 1, timestamp: -1 });
eventSchema.index({ event: 1, timestamp: -1 });
eventSchema.index({ timestamp: -1 });

export type EventDocument = InferSchemaType<typeof eventSchema>;
export type EventModel = Model<EventDocument>;

export const createEventModel = (connection: Connection): EventModel =>
  connection.model<EventDocument>("Event", eventSchema);
