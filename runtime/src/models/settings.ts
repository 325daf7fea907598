import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/** The id of the one workspace settings document. */
export const WORKSPACE_SETTINGS_ID = "workspace";

/**
 * Workspace settings (see settings/workspace-settings.ts for the shape and defaults). Stored
 * loosely and normalised on read, so older documents keep working when fields are added.
 */
export const settingsSchema = new Schema(
  {
    _id: { type: String, default: WORKSPACE_SETTINGS_ID },
    quietHours: { type: Schema.Types.Mixed, default: {} },
    frequencyCap: { type: Schema.Types.Mixed, default: {} },
    channelCosts: { type: Schema.Types.Mixed, default: {} },
    currency: { type: String, default: "USD" },
    providers: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: "settings", timestamps: true, minimize: false, versionKey: false },
);

export type SettingsDocument = InferSchemaType<typeof settingsSchema>;
export type SettingsModel = Model<SettingsDocument>;

export const createSettingsModel = (connection: Connection): SettingsModel =>
  connection.model<SettingsDocument>("Settings", settingsSchema);
