import type { Collections } from "../models/index.js";
import type { ApiKeyRecord } from "../models/team.js";
import { newId } from "../models/ids.js";

export const insertApiKey = async (
  models: Collections,
  fields: Omit<ApiKeyRecord, "_id" | "createdAt">,
): Promise<ApiKeyRecord> => {
  const key: ApiKeyRecord = { _id: newId("k"), ...fields, createdAt: new Date() };
  await models.apiKeys.insertOne(key);
  return key;
};

/** Every key, newest first, revoked ones included. */
export const listApiKeys = (models: Collections) =>
  models.apiKeys.find({}).sort({ createdAt: -1 }).toArray();

/** The unrevoked key of that kind with this hash, or null; read on every request, so a revocation is at once. */
export const findActiveApiKey = (
  models: Collections,
  keyHash: string,
  kind: ApiKeyRecord["kind"],
) => models.apiKeys.findOne({ keyHash, kind, revokedAt: { $exists: false } });

/** Revokes a key; the key as it was before, or null when there is no unrevoked key with that id. */
export const revokeApiKey = (models: Collections, id: string) =>
  models.apiKeys.findOneAndUpdate(
    { _id: id, revokedAt: { $exists: false } },
    { $set: { revokedAt: new Date() } },
    { returnDocument: "after" },
  );
