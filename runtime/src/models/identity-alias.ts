import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/**
 * An anonymous id that belongs to a known profile (`_id` = the anonymous id), written when identify or alias
 * joins them. Ingestion resolves an event's anonymous id with two `_id` lookups (the profile, else its alias)
 * instead of querying profiles by their `anonymousIds` (a scan on the embedded FerretDB; decision 0006).
 */
export const identityAliasSchema = new Schema(
  {
    _id: { type: String },
    profileId: { type: String, required: true },
  },
  { collection: "identity_aliases", versionKey: false },
);

export type IdentityAliasDocument = InferSchemaType<typeof identityAliasSchema>;
export type IdentityAliasModel = Model<IdentityAliasDocument>;

export const createIdentityAliasModel = (connection: Connection): IdentityAliasModel =>
  connection.model<IdentityAliasDocument>("IdentityAlias", identityAliasSchema);
