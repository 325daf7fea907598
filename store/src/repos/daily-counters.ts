import { dayOf, type DailyCounters } from "@omnijourney/shared";
import { CounterBatcher } from "../engine/counter-batcher.js";
import { onDuplicateKey, retryTransient } from "../engine/retry.js";
import { dailyCounterId } from "../models/daily-counter.js";
import type { Collections } from "../models/index.js";

/** A fact to count: at an instant, on a journey's node (`nodeId` "" for the journey, `journeyId` "" for the workspace). */
export type DailyFact = {
  at: Date | string | number;
  journeyId: string;
  nodeId: string;
  counts: Readonly<Record<string, number>>;
};

const batchers = new WeakMap<Collections, CounterBatcher>();

/** One group-committing writer per database and process: increments of one document in flight are merged. */
const batcherOf = (models: Collections): CounterBatcher => {
  let known = batchers.get(models);
  if (!known) {
    known = new CounterBatcher(async (id, inc) => {
      const [day = "", journeyId = "", nodeId = ""] = id.split("|");
      const $inc = Object.fromEntries(Object.entries(inc).map(([k, v]) => [`counts.${k}`, v]));
      const filter = { _id: id };
      // A duplicate key: another process created the document between our lookup and insert; increment it.
      await retryTransient(() =>
        onDuplicateKey(
          () =>
            models.dailyCounters.updateOne(
              filter,
              { $inc, $setOnInsert: { day, journeyId, nodeId } },
              { upsert: true },
            ),
          () => models.dailyCounters.updateOne(filter, { $inc }),
        ),
      );
    });
    batchers.set(models, known);
  }
  return known;
};

/**
 * Counts facts into their daily counters (`$inc`, merged per document while a write is in flight). Resolves when
 * every increment is written. Counts that are zero are skipped, and a fact with nothing to count writes nothing.
 */
export const recordDailyFacts = async (
  models: Collections,
  facts: readonly DailyFact[],
): Promise<void> => {
  const batcher = batcherOf(models);
  await Promise.all(
    facts.map((fact) => {
      const inc = Object.fromEntries(Object.entries(fact.counts).filter(([, v]) => v !== 0));
      if (Object.keys(inc).length === 0) return Promise.resolve();
      return batcher.add(dailyCounterId(dayOf(fact.at), fact.journeyId, fact.nodeId), inc);
    }),
  );
};

/** The range of days to read, both included (`YYYY-MM-DD`). */
export type DayRange = { from: string; to: string };

const PROJECTION = { projection: { _id: 0, day: 1, journeyId: 1, nodeId: 1, counts: 1 } };

/** A journey's counter documents in a range (its nodes and the journey itself). */
export const readJourneyDailyCounters = (
  models: Collections,
  journeyId: string,
  range: DayRange,
): Promise<DailyCounters[]> =>
  models.dailyCounters
    .find<DailyCounters>({ journeyId, day: { $gte: range.from, $lte: range.to } }, PROJECTION)
    .toArray();

/** Every counter document in a range (all journeys and the workspace). */
export const readWorkspaceDailyCounters = (
  models: Collections,
  range: DayRange,
): Promise<DailyCounters[]> =>
  models.dailyCounters
    .find<DailyCounters>({ day: { $gte: range.from, $lte: range.to } }, PROJECTION)
    .toArray();

/** The first and last day that has any counter, or null when nothing was counted yet. */
export const dailyCounterSpan = async (models: Collections): Promise<DayRange | null> => {
  const [first] = await models.dailyCounters
    .find({}, { projection: { day: 1 } })
    .sort({ day: 1 })
    .limit(1)
    .toArray();
  const [last] = await models.dailyCounters
    .find({}, { projection: { day: 1 } })
    .sort({ day: -1 })
    .limit(1)
    .toArray();
  return first && last ? { from: first.day, to: last.day } : null;
};
