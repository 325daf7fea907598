import type { CollectionDeclaration } from "./declaration.js";

/** The id of the one workspace settings document. */
export const WORKSPACE_SETTINGS_ID = "workspace";

/**
 * Workspace settings (the runtime's settings/workspace-settings.ts has the shape and defaults). Stored
 * loosely and normalised on read, so older documents keep working when fields are added.
 */
export type SettingsRecord = {
  _id: string;
  quietHours?: unknown;
  frequencyCap?: unknown;
  channelCosts?: unknown;
  currency?: string;
  providers?: unknown;
  /** Signs unsubscribe links; created by the API on first use. */
  trackingSecret?: string;
  createdAt?: Date;
  updatedAt?: Date;
};

export const settingsCollection: CollectionDeclaration = { name: "settings", indexes: [] };
