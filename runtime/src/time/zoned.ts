/**
 * Wall-clock arithmetic in IANA time zones with the platform's Intl data (DST included), for quiet
 * hours and `wait.until`. Pure functions of their inputs; the runtime calls them from activities with
 * the workflow's time, so replays and time-skipping tests see the same instants.
 */
export type LocalTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
};

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is a zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The profile's zone when valid, else the fallback (else UTC). */
export function resolveTimeZone(preferred: unknown, fallback: string): string {
  if (typeof preferred === "string" && preferred && isValidTimeZone(preferred)) return preferred;
  return isValidTimeZone(fallback) ? fallback : "UTC";
}

/** Local calendar fields of an instant in a zone (weekday 0 = Sunday). */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const weekday = WEEKDAYS.findIndex((d) => d === (parts.weekday ?? "").slice(0, 3).toLowerCase());
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday,
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const l = localTime(new Date(instant), timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant when the zone's clock shows the given local date and time. A time skipped by a DST
 * change (02:30 on a spring-forward night) resolves to the same offset as before the change, i.e.
 * one hour later on the clock; an ambiguous time (fall-back) resolves to its first occurrence.
 */
export function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  if (first === second) return new Date(first);
  // Two candidates: prefer the earlier one that still shows the requested clock time.
  const candidates = [Math.min(first, second), Math.max(first, second)];
  for (const c of candidates) {
    const l = localTime(new Date(c), timeZone);
    if (l.hour === hour && l.minute === minute) return new Date(c);
  }
  return new Date(Math.max(first, second));
}

/** Parses "HH:MM" into minutes after midnight. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The calendar date `days` after a local date (pure calendar arithmetic in UTC, no zone involved). */
function addDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * When quiet hours end, if `now` falls inside them; null otherwise. Quiet hours run from `start` to
 * `end` local time and may wrap midnight (21:00–08:00).
 */
export function quietHoursEnd(
  now: Date,
  timeZone: string,
  start: string,
  end: string,
): Date | null {
  const startMin = minutesOf(start);
  const endMin = minutesOf(end);
  if (startMin === endMin) return null;
  const l = localTime(now, timeZone);
  const nowMin = l.hour * 60 + l.minute;
  const wraps = startMin > endMin;
  const inside = wraps
    ? nowMin >= startMin || nowMin < endMin
    : nowMin >= startMin && nowMin < endMin;
  if (!inside) return null;
  // The end is today when we are before it on the clock, else tomorrow.
  const date =
    nowMin < endMin
      ? { year: l.year, month: l.month, day: l.day }
      : addDays(l.year, l.month, l.day, 1);
  return zonedInstant(
    date.year,
    date.month,
    date.day,
    Math.floor(endMin / 60),
    endMin % 60,
    timeZone,
  );
}

/**
 * The next instant inside a weekly window in the zone: `now` itself when it already is inside
 * [from, to) on an allowed day, else the next allowed day's `from` after `now`. Without `to` the
 * window is the moment `from`, so the answer is the next `from` strictly after `now`.
 */
export function nextWindowStart(
  now: Date,
  timeZone: string,
  days: readonly string[],
  from: string,
  to?: string,
): Date {
  const allowed = new Set(days.map((d) => d.toLowerCase().slice(0, 3)));
  const fromMin = minutesOf(from);
  const l = localTime(now, timeZone);
  const nowMin = l.hour * 60 + l.minute;
  const todayName = WEEKDAYS[l.weekday] ?? "sun";
  if (to !== undefined && allowed.has(todayName) && nowMin >= fromMin && nowMin < minutesOf(to))
    return now;
  for (let offset = 0; offset <= 8; offset++) {
    const date = addDays(l.year, l.month, l.day, offset);
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    if (!allowed.has(WEEKDAYS[weekday] ?? "sun")) continue;
    const candidate = zonedInstant(
      date.year,
      date.month,
      date.day,
      Math.floor(fromMin / 60),
      fromMin % 60,
      timeZone,
    );
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  // No allowed day at all: never wait forever.
  return now;
}
