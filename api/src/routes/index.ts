import type { Endpoint } from "../http/endpoint.js";
import { analyticsEndpoints } from "./analytics.js";
import { listEventNames } from "./events.js";
import { health, healthDetails } from "./health.js";
import { journeyEndpoints } from "./journeys/index.js";
import { createLinkToken } from "./link-tokens.js";
import { me } from "./me.js";
import { previewMessageEndpoint } from "./message-preview.js";
import { messageEndpoints } from "./messages.js";
import { listNodeTypes } from "./node-types.js";
import { profileEndpoints } from "./profiles.js";
import { segmentEndpoints } from "./segments.js";
import { settingsEndpoints } from "./settings.js";
import { trackingEndpoints } from "./tracking.js";
import { unsubscribeEndpoints } from "./unsubscribe.js";
import { webhookEndpoints } from "./webhooks.js";
import { sendTests } from "./test-messages.js";
import { sessionEndpoints } from "./sessions.js";
import { userEndpoints } from "./users.js";
import { apiKeyEndpoints } from "./api-keys.js";
import { listAuditEntries } from "./audit.js";
import { approvalEndpoints } from "./approvals.js";
import { templateEndpoints } from "./templates.js";
import { snippetEndpoints } from "./snippets.js";
import { exportEndpoints } from "./exports.js";

/**
 * Everything under /api (bearer token or session; sign-in itself is `role: "public"`). Order matters where paths
 * overlap: `/journeys/validate` before `/journeys/:id`, `/approvals/settings` before `/approvals/:id/…`.
 */
export const apiEndpoints: Endpoint[] = [
  ...sessionEndpoints,
  me,
  healthDetails,
  listNodeTypes,
  listEventNames,
  ...journeyEndpoints,
  sendTests,
  ...profileEndpoints,
  createLinkToken,
  ...segmentEndpoints,
  previewMessageEndpoint,
  ...messageEndpoints,
  ...settingsEndpoints,
  ...analyticsEndpoints,
  ...userEndpoints,
  ...apiKeyEndpoints,
  listAuditEntries,
  ...approvalEndpoints,
  ...templateEndpoints,
  ...snippetEndpoints,
  ...exportEndpoints,
];

/** Answer without the bearer token: health, tracking, unsubscribe, provider webhooks (verified by their own secrets). */
export const publicEndpoints: Endpoint[] = [
  health,
  ...trackingEndpoints,
  ...unsubscribeEndpoints,
  ...webhookEndpoints,
];
