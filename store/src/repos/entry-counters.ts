import type { EntryRate } from "@omnijourney/shared";
import { KeyedQueue } from "../engine/keyed-queue.js";
import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** One window of an entry rate limit: its counter document and its limit. */
type EntryWindow = { id: string; limit: number };

/**
 * Claims on one counter document run one at a time in this process: MongoDB applies the conditional `$inc`
 * atomically, the embedded engine does not (engine/capabilities.ts, decision 0003).
 */
const claims = new KeyedQueue();

/** The windows `at` falls in, for the limits that are set (clock hours and days in UTC). */
export function entryWindows(journeyId: string, rate: EntryRate, at: Date): EntryWindow[] {
  const start = (size: number) => new Date(Math.floor(at.getTime() / size) * size).toISOString();
  const windows: EntryWindow[] = [];
  if (rate.perDay !== undefined)
    windows.push({ id: `${journeyId}:day:${start(DAY_MS)}`, limit: rate.perDay });
  if (rate.perHour !== undefined)
    windows.push({ id: `${journeyId}:hour:${start(HOUR_MS)}`, limit: rate.perHour });
  return windows;
}

/**
 * One more entrant in a window while it is below its limit: one conditional update (an upsert creates the
 * window's document; when two create it at once, the loser's update runs on the document that now exists).
 */
async function claimWindow(
  models: Collections,
  journeyId: string,
  window: EntryWindow,
): Promise<boolean> {
  const key = `${models.raw.databaseName}:${window.id}`;
  return claims.run(key, async () => {
    const below = { _id: window.id, n: { $lt: window.limit } };
    const result = await onDuplicateKey(
      () =>
        models.entryCounters.updateOne(
          below,
          { $inc: { n: 1 }, $setOnInsert: { journeyId } },
          { upsert: true },
        ),
      // The document exists and is full (the filter did not match, so the upsert collided on `_id`), or it
      // was created meanwhile: the plain conditional update decides.
      () => models.entryCounters.updateOne(below, { $inc: { n: 1 } }),
    );
    return result.modifiedCount + result.upsertedCount > 0;
  });
}

async function releaseWindow(models: Collections, window: EntryWindow): Promise<void> {
  const key = `${models.raw.databaseName}:${window.id}`;
  await claims.run(key, () =>
    models.entryCounters.updateOne({ _id: window.id, n: { $gt: 0 } }, { $inc: { n: -1 } }),
  );
}

/**
 * Takes a place for one entrant in every window of the journey's entry rate limit, or none: true when all had
 * room. A window that was full gives back the places taken in the others.
 */
export async function claimEntrySlot(
  models: Collections,
  journeyId: string,
  rate: EntryRate,
  at: Date,
): Promise<boolean> {
  const windows = entryWindows(journeyId, rate, at);
  const taken: EntryWindow[] = [];
  for (const window of windows) {
    if (!(await claimWindow(models, journeyId, window))) {
      for (const claimed of taken) await releaseWindow(models, claimed);
      return false;
    }
    taken.push(window);
  }
  return true;
}

/** Gives back a place taken by `claimEntrySlot` (the enrolment did not start after all). */
export async function releaseEntrySlot(
  models: Collections,
  journeyId: string,
  rate: EntryRate,
  at: Date,
): Promise<void> {
  for (const window of entryWindows(journeyId, rate, at)) await releaseWindow(models, window);
}
