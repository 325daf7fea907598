import type { ObjectId } from "mongodb";
import type { CollectionDeclaration } from "./declaration.js";

/**
 * One entry of the append-only audit log: who did what to which object, when, with the state before and after
 * where it has one and what the decision rested on (`details`). Entries are inserted, never updated or deleted.
 */
export type AuditRecord = {
  _id: ObjectId;
  at: Date;
  /** Who acted, by name: "admin token", a user's name and email, or an API key's name. */
  actor: string;
  /** The acting user's or key's id (absent for the admin token). */
  actorId?: string;
  /** What was done, `<object>.<verb>` (e.g. "experiment.winner_declared"). */
  action: string;
  object: { type: string; id: string; name?: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  details: Record<string, unknown>;
};

export const auditCollection: CollectionDeclaration = {
  name: "audit_log",
  indexes: [
    { key: { "object.type": 1, "object.id": 1, at: -1 }, name: "object.type_1_object.id_1_at_-1" },
    { key: { at: -1 }, name: "at_-1" },
  ],
};
