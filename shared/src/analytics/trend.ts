import type { DailyCounters, DailyPoint } from "../schemas/http/analytics.js";
import { daysBetween, type Day } from "./days.js";
import {
  byPrefix,
  ENROLLED,
  EVENTS,
  JOURNEY_CONVERTED,
  JOURNEY_REVENUE,
  messageTotal,
  sumCounts,
} from "./metrics.js";

const total = (values: Record<string, number>): number =>
  Object.values(values).reduce((a, b) => a + b, 0);

/** A trend point from one day's summed counts. */
export const pointOf = (day: Day, counts: Readonly<Record<string, number>>): DailyPoint => ({
  day,
  enrolled: counts[ENROLLED] ?? 0,
  converted: journeyLevel(counts, "converted"),
  revenue: journeyLevel(counts, "revenue"),
  sent: messageTotal(counts, "sent"),
  cost: total(byPrefix(counts, "cost")),
  events: counts[EVENTS] ?? 0,
});

/** Journey-level conversions and revenue (never added up with the per-node ones). */
const journeyLevel = (counts: Readonly<Record<string, number>>, metric: "converted" | "revenue") =>
  counts[metric === "converted" ? JOURNEY_CONVERTED : JOURNEY_REVENUE] ?? 0;

/** One point per day from `from` to `to` (days without counters read zero). */
export function dailyTrend(rows: readonly DailyCounters[], from: Day, to: Day): DailyPoint[] {
  const byDay = new Map<Day, DailyCounters[]>();
  for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  return daysBetween(from, to).map((day) => pointOf(day, sumCounts(byDay.get(day) ?? [])));
}
