import type { Duration, DurationUnit } from "./duration.js";

// Kept apart from the zod schemas in duration.ts: workflow code uses it, and the workflow bundle
// stays free of zod (see workflow.ts).
const UNIT_MS: Record<DurationUnit, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

/** Milliseconds in a duration (days are 24 h; calendar-aware waits live in `wait.until`). */
export function durationToMs(duration: Duration): number {
  return duration.amount * UNIT_MS[duration.unit];
}
