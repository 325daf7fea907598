import type { Collections } from "../models/index.js";
import { WORKSPACE_SETTINGS_ID } from "../models/settings.js";

/** The workspace settings document as stored (normalise it on read), or null before the first save. */
export const readWorkspaceSettings = (models: Collections) =>
  models.settings.findOne({ _id: WORKSPACE_SETTINGS_ID });

/** Sets fields of the workspace settings document (dotted paths allowed), creating it on the first save. */
export const updateWorkspaceSettings = async (
  models: Collections,
  set: Record<string, unknown>,
): Promise<void> => {
  await models.settings.updateOne({ _id: WORKSPACE_SETTINGS_ID }, { $set: set }, { upsert: true });
};

/**
 * The workspace's tracking secret (it signs unsubscribe links), stored as `trackingSecret` on the settings
 * document: the stored one, or else `candidate`, stored unless another process stored its own first (then that
 * one is answered, so every process signs with the same secret).
 */
export const ensureTrackingSecret = async (
  models: Collections,
  candidate: () => string,
): Promise<string> => {
  const existing = await readWorkspaceSettings(models);
  if (typeof existing?.trackingSecret === "string") return existing.trackingSecret;
  const secret = candidate();
  await models.settings
    .updateOne(
      { _id: WORKSPACE_SETTINGS_ID, trackingSecret: { $exists: false } },
      { $set: { trackingSecret: secret } },
      { upsert: true },
    )
    // A concurrent first use created the document: its secret is read below.
    .catch(() => undefined);
  const stored = await readWorkspaceSettings(models);
  return typeof stored?.trackingSecret === "string" ? stored.trackingSecret : secret;
};
