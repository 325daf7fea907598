import type { Collections } from "../models/index.js";
import type { SessionRecord } from "../models/team.js";

/** Stores a session under the hash of its cookie value. */
export const insertSession = async (
  models: Collections,
  session: Omit<SessionRecord, "createdAt">,
): Promise<void> => {
  await models.sessions.insertOne({ ...session, createdAt: new Date() });
};

/** A session that is neither revoked nor expired, or null (expiry is checked here: no TTL index in the subset). */
export const findLiveSession = (models: Collections, idHash: string, now = new Date()) =>
  models.sessions.findOne({ _id: idHash, revokedAt: { $exists: false }, expiresAt: { $gt: now } });

export const revokeSession = async (models: Collections, idHash: string): Promise<void> => {
  await models.sessions.updateOne({ _id: idHash }, { $set: { revokedAt: new Date() } });
};

/** Ends every session of a user (password reset, removal, role change). */
export const revokeUserSessions = async (models: Collections, userId: string): Promise<void> => {
  await models.sessions.updateMany(
    { userId, revokedAt: { $exists: false } },
    { $set: { revokedAt: new Date() } },
  );
};
