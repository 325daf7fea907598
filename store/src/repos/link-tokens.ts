import type { Collections } from "../models/index.js";
import type { LinkTokenRecord } from "../models/link-token.js";

/** Stores a one-time channel link token issued for a profile. */
export const issueLinkToken = async (
  models: Collections,
  token: Pick<LinkTokenRecord, "token" | "profileId" | "channel">,
): Promise<void> => {
  await models.linkTokens.insertOne({ ...token, createdAt: new Date() });
};

/** Marks a channel's link token used and resolves it as it was, or null when no such token was issued. */
export const redeemLinkToken = (
  models: Collections,
  token: string,
  channel: string,
): Promise<LinkTokenRecord | null> =>
  models.linkTokens.findOneAndUpdate({ token, channel }, { $set: { usedAt: new Date() } });
