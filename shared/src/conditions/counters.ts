import { canonicalJson, sha256Hex } from "../hash.js";
import { escapeKey } from "../keys.js";
import type { EventCounter } from "../schemas/profile.js";
import { RECENT_CAP, conditionKind, type Condition, type PropertyCondition } from "./schema.js";
import { matchesProperties } from "./properties.js";
import { assertNever } from "../assert.js";

/** An event name with an optional property filter: one counter is kept per filter in use. */
export type EventFilter = { event: string; where?: PropertyCondition | undefined };

/**
 * The counter key for an event (and property filter). Plain events use the escaped name. Filtered counters append
 * "%~" and 16 hex digits of the filter's hash; escaped names never contain "%~" (every "%" becomes "%25"), so keys
 * cannot collide.
 */
export function counterKey(event: string, where?: PropertyCondition): string {
  const base = escapeKey(event);
  return where ? `${base}%~${sha256Hex(canonicalJson(where)).slice(0, 16)}` : base;
}

/** The event filters a condition needs counters for (ingestion keeps a counter for each filter in a published journey or segment). */
export function eventFiltersOf(condition: Condition): EventFilter[] {
  const out = new Map<string, EventFilter>();
  const walk = (c: Condition): void => {
    const kind = conditionKind(c);
    switch (kind) {
      case "all":
        if ("all" in c) c.all.forEach(walk);
        return;
      case "any":
        if ("any" in c) c.any.forEach(walk);
        return;
      case "not":
        if ("not" in c) walk(c.not);
        return;
      case "event":
        if ("event" in c && c.where)
          out.set(counterKey(c.event, c.where), { event: c.event, where: c.where });
        return;
      case "attribute":
        return;
      default:
        assertNever(kind);
    }
  };
  walk(condition);
  return [...out.values()];
}

/** An event as counted: its name, time and properties (for filtered counters). */
export type CountedEvent = {
  event: string;
  timestamp: Date | string;
  properties?: Record<string, unknown>;
};

/** Options shared by the counter helpers. */
export type CounterOptions = { filters?: readonly EventFilter[] };

function eventTime(event: CountedEvent): Date {
  return event.timestamp instanceof Date ? event.timestamp : new Date(event.timestamp);
}

/** Counter keys an event updates: its own, plus every filtered counter whose filter it matches. */
export function counterKeysFor(event: CountedEvent, options: CounterOptions = {}): string[] {
  const at = eventTime(event);
  const keys = new Set([counterKey(event.event)]);
  for (const f of options.filters ?? []) {
    if (
      f.event === event.event &&
      f.where &&
      matchesProperties(f.where, event.properties ?? {}, at)
    )
      keys.add(counterKey(f.event, f.where));
  }
  return [...keys];
}

function toTime(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string" || typeof value === "number") return new Date(value).getTime();
  return Number.NaN;
}

/** The counter after one more event at `at`: count +1, first/last widened, `recent` sorted newest first and capped. */
export function nextCounter(prev: EventCounter | undefined, at: Date): EventCounter {
  if (!prev) return { count: 1, first: at, last: at, recent: [at] };
  const recent = [...prev.recent.map((d) => new Date(toTime(d))), at]
    .filter((d) => !Number.isNaN(d.getTime()))
    .sort((a, b) => b.getTime() - a.getTime())
    .slice(0, RECENT_CAP);
  const first = new Date(toTime(prev.first));
  const last = new Date(toTime(prev.last));
  return {
    count: prev.count + 1,
    first: first <= at ? first : at,
    last: last >= at ? last : at,
    recent,
  };
}

/** Folds events into in-memory counters: each event through {@link nextCounter} for every key it counts under. */
export function foldEvents(
  counters: Readonly<Record<string, EventCounter>>,
  events: readonly CountedEvent[],
  options: CounterOptions = {},
): Record<string, EventCounter> {
  const next = new Map<string, EventCounter>(Object.entries(counters));
  for (const event of events) {
    const at = eventTime(event);
    for (const key of counterKeysFor(event, options)) next.set(key, nextCounter(next.get(key), at));
  }
  return Object.fromEntries(next);
}
