import { z } from "zod";
import { defineNodeType } from "../../registry.js";

/** Days of the week, Monday first. */
export const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
/** A local time of day, "HH:MM" (24 h). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:30");

/**
 * `wait.until`: waits until a date-time, or until the next window of days and time of day in the profile's
 * time zone (`timezone` trait; `fallbackTimezone` when unknown).
 */
export const WaitUntilConfig = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("datetime"), at: z.iso.datetime({ offset: true }) }),
  z.object({
    mode: z.literal("window"),
    days: z.array(Weekday).min(1).max(7).default(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
    from: TimeOfDay,
    to: TimeOfDay.optional(),
    fallbackTimezone: z.string().min(1).max(100).default("UTC"),
  }),
]);
/** wait.until config. */
export type WaitUntilConfig = z.infer<typeof WaitUntilConfig>;

/** `wait.until` node type. */
export const waitUntil = defineNodeType({
  type: "wait.until",
  title: "Wait until",
  description:
    "Pause until a date, or until the next chosen time of day in the customer's time zone.",
  category: "timing",
  icon: "calendar-clock",
  version: 1,
  config: WaitUntilConfig,
  outputs: ["next"],
  execution: "workflow",
  waits: true,
  ui: {
    labels: {
      at: "Date and time",
      days: "Days",
      from: "From",
      to: "Until",
      fallbackTimezone: "Time zone when unknown",
    },
  },
  check: (c) =>
    c.mode === "window" && c.to !== undefined && c.to <= c.from
      ? [{ code: "invalid_config", path: ["to"], message: "the window must end after it starts" }]
      : [],
  summary: (c) => (c.mode === "datetime" ? `Wait until ${c.at}` : `Wait until ${c.from}`),
});
