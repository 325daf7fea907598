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
  /** Editors request publication and publishers approve it (off by default). */
  approvalsRequired?: boolean;
  createdAt?: Date;
  updatedAt?: Date;
};

export const settingsCollection: CollectionDeclaration = { name: "settings", indexes: [] };

/** The workspace settings document with every section empty (normalised to the defaults on read). */
export const newSettings = (fields: Partial<SettingsRecord> = {}): SettingsRecord => {
  const now = new Date();
  return {
    _id: WORKSPACE_SETTINGS_ID,
    quietHours: {},
    frequencyCap: {},
    channelCosts: {},
    currency: "USD",
    providers: {},
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
};
