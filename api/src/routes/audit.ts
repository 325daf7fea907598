import { z } from "zod";
import { AuditPage } from "@omnijourney/shared";
import { listAudit } from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";
import { auditView } from "../services/audit.js";
import { storable } from "../schemas/common.js";

const Text = storable(z.string().trim().min(1).max(200));
const AuditQuery = z
  .object({
    actor: Text.describe("who acted (prefix of the name, any case)"),
    action: Text.describe("what was done (prefix, e.g. `journey.` or `journey.published`)"),
    objectType: Text.describe("journey, segment, settings, user, api_key, approval"),
    objectId: Text,
    since: z.iso.datetime({ offset: true }),
    until: z.iso.datetime({ offset: true }),
    limit: z.coerce.number().int().min(1).max(500),
  })
  .partial()
  .strict();

export const listAuditEntries = endpoint({
  method: "get",
  path: "/audit",
  summary: "The audit log, newest first, filtered by actor, action, object and time",
  tags: ["team"],
  auth: "bearer",
  role: "viewer",
  query: AuditQuery,
  response: AuditPage,
  handler: async ({ query }, { app }) => {
    const entries = await listAudit(
      app.db,
      {
        ...(query.actor ? { actor: query.actor } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.objectType ? { objectType: query.objectType } : {}),
        ...(query.objectId ? { objectId: query.objectId } : {}),
        ...(query.since ? { since: new Date(query.since) } : {}),
        ...(query.until ? { until: new Date(query.until) } : {}),
      },
      query.limit ?? 100,
    );
    return { entries: entries.map(auditView) };
  },
});
