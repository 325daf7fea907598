import { durationToMs } from "../schemas/duration-ms.js";
import type { EventCondition } from "./schema.js";

/** When the profile entered the journey whose branch or exit condition is being evaluated (absent elsewhere). */
export type WindowContext = { now: Date; enteredAt?: Date | undefined };

/**
 * Where an event test's time window starts, or null when it counts every event: `since: "entry"` counts the
 * events since the profile entered the journey (from `now` where there is no enrolment, as in a segment, so
 * nothing before counts), `within` the events of the last duration.
 */
export function eventWindowStart(leaf: EventCondition, context: WindowContext): Date | null {
  if (leaf.since === "entry") return context.enteredAt ?? context.now;
  if (leaf.within) return new Date(context.now.getTime() - durationToMs(leaf.within));
  return null;
}
