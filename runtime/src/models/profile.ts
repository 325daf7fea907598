import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/**
 * One document per person (contracts.md, "The stored profile shape"). `attributes`, `consent` and
 * `counters` are open maps whose keys are escaped by the writer (no "." or "$"), so they are Mixed.
 */
export const profileSchema = new Schema(
  {
    /**
     * Equal to `profileId`: FerretDB pushes only `_id` filters down to its storage, so keying profiles by `_id`
     * turns per-profile reads and writes from collection scans into lookups (set by the API's writers).
     */
    _id: { type: String },
    profileId: { type: String, required: true, unique: true },
    userId: { type: String, index: true },
    anonymousIds: { type: [String], default: [], index: true },
    attributes: { type: Schema.Types.Mixed, default: {} },
    consent: { type: Schema.Types.Mixed, default: {} },
    counters: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: "profiles", timestamps: true, minimize: false, versionKey: false },
);
profileSchema.index({ updatedAt: -1 });
profileSchema.pre("validate", function () {
  if (this._id === undefined || this._id === null) this._id = this.profileId;
});

export type ProfileDocument = InferSchemaType<typeof profileSchema>;
export type ProfileModel = Model<ProfileDocument>;

export const createProfileModel = (connection: Connection): ProfileModel =>
  connection.model<ProfileDocument>("Profile", profileSchema);
