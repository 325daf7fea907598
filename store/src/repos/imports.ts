import { ignoreDuplicateKeys } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import type { EventRecord } from "../models/event.js";
import type { IdentityAliasRecord } from "../models/per-profile.js";
import type { ProfileRecord } from "../models/profile.js";

/** People and their past, written as already processed (nothing reacts to it): the demo seed's import. */
export type HistoryImport = {
  profiles: ProfileRecord[];
  events: EventRecord[];
  aliases: IdentityAliasRecord[];
};

/**
 * Inserts profiles, their events and their anonymous ids' aliases, each in one unordered insert keyed by
 * `_id`: a document that exists already is skipped, never overwritten, so importing again is a no-op.
 */
export const importHistory = async (models: Collections, history: HistoryImport): Promise<void> => {
  if (history.profiles.length > 0)
    await ignoreDuplicateKeys(models.profiles.insertMany(history.profiles, { ordered: false }));
  if (history.events.length > 0)
    await ignoreDuplicateKeys(models.events.insertMany(history.events, { ordered: false }));
  if (history.aliases.length > 0)
    await ignoreDuplicateKeys(
      models.identityAliases.insertMany(history.aliases, { ordered: false }),
    );
};
