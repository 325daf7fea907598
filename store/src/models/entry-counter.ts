import type { CollectionDeclaration } from "./declaration.js";

/**
 * How many people entered a journey in one window of its entry rate limit: `_id` =
 * `<journeyId>:<hour|day>:<window start, ISO>`, claimed with one conditional `$inc` per enrolment
 * (repos/entry-counters.ts). Old windows are never read again.
 */
export type EntryCounterRecord = { _id: string; journeyId: string; n: number };

export const entryCounterCollection: CollectionDeclaration = {
  name: "entry_counters",
  indexes: [],
};
