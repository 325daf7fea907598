import type { Request } from "express";
import type { AuditEntry } from "@omnijourney/shared";
import {
  appendAudit,
  type AuditRecord,
  type NewAuditEntry,
  type UserRecord,
} from "@omnijourney/store";
import { actorOf } from "../auth.js";
import type { ApiContext } from "../context.js";

/** Appends what the request's principal did (the actor comes from the request, never from the caller). */
export const recordAudit = async (
  app: ApiContext,
  req: Request,
  entry: Omit<NewAuditEntry, "actor" | "actorId" | "details"> & {
    details?: Record<string, unknown>;
  },
): Promise<void> => {
  await appendAudit(app.db, { ...actorOf(req), details: {}, ...entry });
};

/** An entry as the API shows it. */
export const auditView = (r: AuditRecord): AuditEntry => ({
  id: r._id.toHexString(),
  at: r.at.toISOString(),
  actor: r.actor,
  action: r.action,
  object: r.object,
  ...(r.before ? { before: r.before } : {}),
  ...(r.after ? { after: r.after } : {}),
  details: r.details,
});

/** Appends what a user did where no principal was resolved yet (accepting an invitation, resetting a password). */
export const recordAuditAs = async (
  app: ApiContext,
  user: UserRecord,
  entry: Omit<NewAuditEntry, "actor" | "actorId" | "details"> & {
    details?: Record<string, unknown>;
  },
): Promise<void> => {
  await appendAudit(app.db, {
    actor: `${user.name} <${user.email}>`,
    actorId: user._id,
    details: {},
    ...entry,
  });
};
