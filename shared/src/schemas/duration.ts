import { z } from "zod";

/** Units a duration may use (DESIGN.md: second, minute, hour, day, week). */
export const DurationUnit = z.enum(["second", "minute", "hour", "day", "week"]);
/** A duration unit. */
export type DurationUnit = z.infer<typeof DurationUnit>;

/** A duration as the studio stores it: `{ amount, unit }`. Amount is a whole, non-negative number below ~10 years' worth of seconds. */
export const Duration = z.object({
  amount: z.number().int().min(0).max(315_360_000),
  unit: DurationUnit,
});
/** A duration `{ amount, unit }`. */
export type Duration = z.infer<typeof Duration>;

export { durationToMs } from "./duration-ms.js";

/** A short human phrase for a duration: "1 day", "3 hours". */
export function formatDuration(duration: Duration): string {
  return `${duration.amount} ${duration.unit}${duration.amount === 1 ? "" : "s"}`;
}
