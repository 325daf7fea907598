import { ignoreDuplicateKeys } from "../engine/retry.js";
import type { DailyCounterRecord } from "../models/daily-counter.js";
import type { EventRecord } from "../models/event.js";
import type { ExperimentArmStatRecord } from "../models/experiment.js";
import type { Collections } from "../models/index.js";
import type { MessageRecord } from "../models/message.js";

/** Past activity with the counters it implies, written as already processed: the demo seed's analytics history. */
export type AnalyticsHistory = {
  events: EventRecord[];
  messages: MessageRecord[];
  dailyCounters: DailyCounterRecord[];
  armStats: ExperimentArmStatRecord[];
};

const CHUNK = 2_000;

const insertAll = async <T extends { _id: unknown }>(
  insert: (docs: T[]) => Promise<unknown>,
  docs: readonly T[],
): Promise<void> => {
  for (let i = 0; i < docs.length; i += CHUNK)
    await ignoreDuplicateKeys(insert(docs.slice(i, i + CHUNK)));
};

/**
 * Inserts the history in unordered batches keyed by `_id`: a document that exists is skipped, never overwritten,
 * so importing again is a no-op (counters included: they are inserted whole, not incremented).
 */
export const importAnalyticsHistory = async (
  models: Collections,
  history: AnalyticsHistory,
): Promise<void> => {
  await insertAll((d) => models.events.insertMany(d, { ordered: false }), history.events);
  await insertAll((d) => models.messages.insertMany(d, { ordered: false }), history.messages);
  await insertAll(
    (d) => models.dailyCounters.insertMany(d, { ordered: false }),
    history.dailyCounters,
  );
  await insertAll(
    (d) => models.experimentArmStats.insertMany(d, { ordered: false }),
    history.armStats,
  );
};
