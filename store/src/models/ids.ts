import { randomBytes } from "node:crypto";

/** A short, URL-safe, sortable-enough id with a type prefix, e.g. `j_m3x9k2abcd1234ef`. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(6).toString("hex")}`;
}

/**
 * The driver's id type (messages, events and link tokens are keyed by one) and its filter and update types, for
 * callers that build documents or updates (seeds, tests, ingestion): no package but the store depends on the driver.
 */
export { ObjectId, type Filter, type UpdateFilter } from "mongodb";
