import type { CollectionDeclaration } from "./declaration.js";

/** The roles as stored (the shared `Role` schema parses them at the API's edge). */
export type StoredRole = "viewer" | "editor" | "publisher" | "admin";

/** A member of the workspace. `passwordHash` is an argon2id PHC string; an invited user has none yet. */
export type UserRecord = {
  _id: string;
  /** Lower-cased, unique. */
  email: string;
  name: string;
  role: StoredRole;
  passwordHash?: string;
  createdAt: Date;
  updatedAt: Date;
};

/** A one-time link (invitation or password reset), stored by the sha256 of its token only. */
export type UserLinkRecord = {
  _id: string;
  tokenHash: string;
  userId: string;
  purpose: "invite" | "reset";
  expiresAt: Date;
  usedAt?: Date;
  createdAt: Date;
};

/** A studio session, keyed by the sha256 of the cookie's value; `csrfToken` is what unsafe requests repeat. */
export type SessionRecord = {
  _id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  createdAt: Date;
  revokedAt?: Date;
};

/** An API key, stored by the sha256 of the key (a 256-bit random key needs no slow hash). */
export type ApiKeyRecord = {
  _id: string;
  name: string;
  kind: "write" | "bearer";
  role?: StoredRole;
  keyHash: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  revokedAt?: Date;
};

/** A request to publish a journey's draft, with the document it was asked for. */
export type ApprovalRecord = {
  _id: string;
  journeyId: string;
  journeyName: string;
  status: "pending" | "approved" | "rejected" | "withdrawn";
  note: string;
  /** The draft as requested (a later edit makes the request stale). */
  document: Record<string, unknown>;
  requestedBy: string;
  requestedById?: string;
  requestedAt: Date;
  decidedBy?: string;
  decidedAt?: Date;
  decisionNote?: string;
  version?: number;
};

export const userCollection: CollectionDeclaration = {
  name: "users",
  indexes: [{ key: { email: 1 }, name: "email_1", unique: true }],
};

export const userLinkCollection: CollectionDeclaration = {
  name: "user_links",
  indexes: [{ key: { tokenHash: 1 }, name: "tokenHash_1", unique: true }],
};

export const sessionCollection: CollectionDeclaration = {
  name: "sessions",
  indexes: [{ key: { userId: 1 }, name: "userId_1" }],
};

export const apiKeyCollection: CollectionDeclaration = {
  name: "api_keys",
  indexes: [{ key: { keyHash: 1 }, name: "keyHash_1", unique: true }],
};

export const approvalCollection: CollectionDeclaration = {
  name: "approvals",
  indexes: [
    { key: { journeyId: 1, requestedAt: -1 }, name: "journeyId_1_requestedAt_-1" },
    { key: { status: 1, requestedAt: -1 }, name: "status_1_requestedAt_-1" },
  ],
};
