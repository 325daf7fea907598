import { randomBytes } from "node:crypto";

/** A short, URL-safe, sortable-enough id with a type prefix, e.g. `j_m3x9k2abcd1234ef`. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(6).toString("hex")}`;
}

/** The driver's id type (messages, events and link tokens are keyed by one), for seeds and tests that build documents. */
export { ObjectId } from "mongodb";
