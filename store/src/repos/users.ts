import type { Collections } from "../models/index.js";
import type { StoredRole, UserLinkRecord, UserRecord } from "../models/team.js";
import { newId } from "../models/ids.js";

/** Adds an invited user (no password yet); null when the email is taken. */
export const insertInvitedUser = async (
  models: Collections,
  fields: { email: string; name: string; role: StoredRole },
): Promise<UserRecord | null> => {
  const now = new Date();
  const user: UserRecord = {
    _id: newId("u"),
    ...fields,
    email: fields.email.toLowerCase(),
    createdAt: now,
    updatedAt: now,
  };
  try {
    await models.users.insertOne(user);
    return user;
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
};

const isDuplicateKey = (err: unknown): boolean =>
  typeof err === "object" && err !== null && "code" in err && err.code === 11000;

export const findUserById = (models: Collections, id: string) => models.users.findOne({ _id: id });

export const findUserByEmail = (models: Collections, email: string) =>
  models.users.findOne({ email: email.toLowerCase() });

/** Every member, oldest first. */
export const listUsers = (models: Collections) =>
  models.users.find({}).sort({ createdAt: 1 }).toArray();

/** Changes fields of a user; the user as it is afterwards, or null when there is none. */
export const updateUser = (
  models: Collections,
  id: string,
  fields: Partial<Pick<UserRecord, "role" | "name" | "passwordHash">>,
) =>
  models.users.findOneAndUpdate(
    { _id: id },
    { $set: { ...fields, updatedAt: new Date() } },
    { returnDocument: "after" },
  );

export const deleteUserById = async (models: Collections, id: string): Promise<boolean> =>
  (await models.users.deleteOne({ _id: id })).deletedCount === 1;

/** Stores a one-time link by its token's hash. */
export const issueUserLink = async (
  models: Collections,
  link: Pick<UserLinkRecord, "tokenHash" | "userId" | "purpose" | "expiresAt">,
): Promise<void> => {
  await models.userLinks.insertOne({ _id: newId("ul"), ...link, createdAt: new Date() });
};

/**
 * Uses a one-time link: marks it used and returns it, or null when it is unknown, used, expired or for
 * another purpose. The update is conditional on `usedAt` being absent, so two uses race to one winner.
 */
export const redeemUserLink = (
  models: Collections,
  tokenHash: string,
  purpose: UserLinkRecord["purpose"],
  now = new Date(),
): Promise<UserLinkRecord | null> =>
  models.userLinks.findOneAndUpdate(
    { tokenHash, purpose, usedAt: { $exists: false }, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
  );

/** A link that can still be used (for showing the invitation page), or null. */
export const findUsableUserLink = (
  models: Collections,
  tokenHash: string,
  purpose: UserLinkRecord["purpose"],
  now = new Date(),
) =>
  models.userLinks.findOne({
    tokenHash,
    purpose,
    usedAt: { $exists: false },
    expiresAt: { $gt: now },
  });
