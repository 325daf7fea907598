import { ObjectId } from "mongodb";
import type { Collections } from "../models/index.js";
import type { AuditRecord } from "../models/audit.js";

/** An audit entry to append (`at` defaults to now). */
export type NewAuditEntry = Omit<AuditRecord, "_id" | "at"> & { at?: Date };

/** Appends one entry to the audit log; the log has no update or delete. */
export const appendAudit = async (
  models: Collections,
  entry: NewAuditEntry,
): Promise<AuditRecord> => {
  const record: AuditRecord = { _id: new ObjectId(), ...entry, at: entry.at ?? new Date() };
  await models.audit.insertOne(record);
  return record;
};

/** An object's audit entries, newest first (at most `limit`, default 100). */
export const auditOf = (
  models: Collections,
  object: AuditRecord["object"],
  limit = 100,
): Promise<AuditRecord[]> =>
  models.audit
    .find({ "object.type": object.type, "object.id": object.id })
    .sort({ at: -1 })
    .limit(limit)
    .toArray();

/** What `listAudit` filters on; every field optional. */
export type AuditFilter = {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  since?: Date;
  until?: Date;
};

/** Audit entries matching the filter, newest first (at most `limit`). Actor and action match as prefixes. */
export const listAudit = (
  models: Collections,
  filter: AuditFilter,
  limit = 100,
): Promise<AuditRecord[]> => {
  const at: Record<string, Date> = {};
  if (filter.since) at.$gte = filter.since;
  if (filter.until) at.$lte = filter.until;
  return models.audit
    .find({
      ...(filter.actor
        ? { actor: { $regex: `^${escapeRegex(filter.actor)}`, $options: "i" } }
        : {}),
      ...(filter.action ? { action: { $regex: `^${escapeRegex(filter.action)}` } } : {}),
      ...(filter.objectType ? { "object.type": filter.objectType } : {}),
      ...(filter.objectId ? { "object.id": filter.objectId } : {}),
      ...(Object.keys(at).length > 0 ? { at } : {}),
    })
    .sort({ at: -1 })
    .limit(limit)
    .toArray();
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
