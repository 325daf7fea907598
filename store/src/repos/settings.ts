import type { Collections } from "../models/index.js";
import { WORKSPACE_SETTINGS_ID } from "../models/settings.js";

/** The workspace settings document as stored (normalise it on read), or null before the first save. */
export const readWorkspaceSettings = (models: Collections) =>
  models.settings.findOne({ _id: WORKSPACE_SETTINGS_ID });
