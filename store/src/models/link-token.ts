import type { ObjectId } from "mongodb";
import type { CollectionDeclaration } from "./declaration.js";

/** A one-time token for a channel deep link (Telegram `/start <token>`) issued for one profile. */
export type LinkTokenRecord = {
  _id?: ObjectId;
  token: string;
  profileId: string;
  channel: string;
  usedAt?: Date;
  createdAt?: Date;
  updatedAt?: Date;
};

export const linkTokenCollection: CollectionDeclaration = {
  name: "link_tokens",
  indexes: [
    { key: { token: 1 }, name: "token_1", unique: true },
    { key: { profileId: 1 }, name: "profileId_1" },
  ],
};
