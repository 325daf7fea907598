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
