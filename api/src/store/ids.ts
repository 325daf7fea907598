import { ObjectId } from "mongodb";
import { randomBytes } from "node:crypto";
import { AppError } from "../errors.js";

/** Same shape as the runtime's ids: a type prefix, time and randomness (`j_m3x9k2abcd1234ef`). */
export const newId = (prefix: string): string =>
  `${prefix}_${Date.now().toString(36)}${randomBytes(6).toString("hex")}`;

/** Parses a 24-hex ObjectId from a path or cursor; anything else is the caller's error, never a 500. */
export const objectId = (value: string, field: string): ObjectId => {
  if (!/^[0-9a-f]{24}$/i.test(value))
    throw new AppError(400, "invalid_request", `${field} is not a valid id`, { fields: [field] });
  return new ObjectId(value);
};
