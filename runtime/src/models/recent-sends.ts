import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/** How far back a profile's marketing sends are remembered: longer than any frequency-cap window in use. */
export const RECENT_SENDS_MS = 31 * 24 * 60 * 60 * 1000;

/**
 * One document per profile (`_id` = profile id): the marketing messages sent to it recently, across all
 * journeys, for the frequency cap. Read by `_id` before each marketing send, instead of querying the
 * growing Message collection (a scan on the embedded FerretDB; decision 0006).
 */
export const recentSendsSchema = new Schema(
  {
    _id: { type: String },
    /** Sends within RECENT_SENDS_MS, oldest first; `key` is the message's idempotency key (recorded once). */
    marketing: {
      type: [new Schema({ key: String, at: Date }, { _id: false })],
      default: [],
    },
  },
  { collection: "recent_sends", minimize: false, versionKey: false },
);

export type RecentSendsDocument = InferSchemaType<typeof recentSendsSchema>;
export type RecentSendsModel = Model<RecentSendsDocument>;

export const createRecentSendsModel = (connection: Connection): RecentSendsModel =>
  connection.model<RecentSendsDocument>("RecentSends", recentSendsSchema);
