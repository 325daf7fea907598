import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/** A one-time token for a channel deep link (Telegram `/start <token>`) issued for one profile. */
export const linkTokenSchema = new Schema(
  {
    token: { type: String, required: true, unique: true },
    profileId: { type: String, required: true, index: true },
    channel: { type: String, required: true },
    usedAt: { type: Date },
  },
  { collection: "link_tokens", timestamps: true, minimize: false, versionKey: false },
);

export type LinkTokenDocument = InferSchemaType<typeof linkTokenSchema>;
export type LinkTokenModel = Model<LinkTokenDocument>;

export const createLinkTokenModel = (connection: Connection): LinkTokenModel =>
  connection.model<LinkTokenDocument>("LinkToken", linkTokenSchema);
