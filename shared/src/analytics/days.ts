/** A calendar day in UTC, `YYYY-MM-DD`: the bucket of every daily counter (docs/analytics.md). */
export type Day = string;

const DAY_MS = 86_400_000;

/** The UTC day an instant falls on. */
export const dayOf = (at: Date | string | number): Day => new Date(at).toISOString().slice(0, 10);

/** Whether a string is a real `YYYY-MM-DD` day. */
export const isDay = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(`${value}T00:00:00Z`) === value;

/** The first instant of a day (UTC). */
export const dayStart = (day: Day): Date => new Date(`${day}T00:00:00.000Z`);

/** The day `n` days after `day` (before it when negative). */
export const addDays = (day: Day, n: number): Day => dayOf(dayStart(day).getTime() + n * DAY_MS);

/** Every day from `from` to `to`, both included (empty when `to` is before `from`). */
export function daysBetween(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let d = from; d <= to && days.length < 3660; d = addDays(d, 1)) days.push(d);
  return days;
}
