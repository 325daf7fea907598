/**
 * Whether a journey takes a new entrant now (issue 18's entry controls), decided at enrolment: its start and
 * end dates (people already in it continue), then a place in its entry rate windows, taken atomically.
 */
import type { JourneySettings } from "@omnijourney/shared";
import { claimEntrySlot, releaseEntrySlot, type Collections } from "@omnijourney/store";

/** Why the journey takes no one now, or null when it does. */
export type EntryRefusal = "not_started" | "ended" | "entry_rate";

/** The journey's dates: refused before `startsAt` and from `endsAt` on. */
export function outsideEntryDates(settings: JourneySettings, at: Date): EntryRefusal | null {
  if (settings.startsAt && at.getTime() < Date.parse(settings.startsAt)) return "not_started";
  if (settings.endsAt && at.getTime() >= Date.parse(settings.endsAt)) return "ended";
  return null;
}

/** A place taken for an entrant: give it back when the enrolment does not start after all. */
export type EntryPlace = { release(): Promise<void> };

const NOTHING_TO_RELEASE: EntryPlace = { release: async () => undefined };

/** Takes a place in the journey's entry rate windows; null when one of them is full. */
export async function takeEntryPlace(
  models: Collections,
  journeyId: string,
  settings: JourneySettings,
  at: Date,
): Promise<EntryPlace | null> {
  const rate = settings.entryRate;
  if (!rate || (rate.perHour === undefined && rate.perDay === undefined)) return NOTHING_TO_RELEASE;
  if (!(await claimEntrySlot(models, journeyId, rate, at))) return null;
  return { release: () => releaseEntrySlot(models, journeyId, rate, at) };
}
