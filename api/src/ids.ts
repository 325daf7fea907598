import { ObjectId } from "mongodb";
import { AppError } from "./errors.js";

/** Parses a 24-hex ObjectId from a path or cursor; anything else is the caller's error, never a 500. */
export const objectId = (value: string, field: string): ObjectId => {
  if (!/^[0-9a-f]{24}$/i.test(value))
    throw new AppError(400, "invalid_request", `${field} is not a valid id`, { fields: [field] });
  return new ObjectId(value);
};
