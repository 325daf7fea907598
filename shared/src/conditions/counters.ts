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

/** Input of {@link counterUpdate}: the event as stored. */
export type CountedEvent = {
  event: string;
  timestamp: Date | string;
  properties?: Record<string, unknown>;
};

/** A MongoDB update document for the `profiles` collection. */
export type CounterUpdateDoc = { $set: Record<string, number | Date | Date[]> };

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

function own(
  counters: Readonly<Record<string, EventCounter>> | undefined,
  key: string,
): EventCounter | undefined {
  return counters && Object.prototype.hasOwnProperty.call(counters, key)
    ? counters[key]
    : undefined;
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

/**
 * The update that records one event in a profile's counters, computed from the counters as read (`current`):
 * `count` +1, `first`/`last` widened, `recent` re-sorted newest first and capped at {@link RECENT_CAP}.
 *
 * Why read-then-write: FerretDB 1.24 silently ignores `$push` modifiers (`$sort`, `$slice`, `$position`), so a
 * sorted, capped array cannot be kept with one blind update on both engines. Apply it guarded by
 * {@link counterGuard} (compare-and-set on `count`) and retry when nothing matched; {@link recordEventCounters}
 * does exactly that.
 */
export function counterUpdate(
  event: CountedEvent,
  current: Readonly<Record<string, EventCounter>> | undefined,
  options: CounterOptions = {},
): CounterUpdateDoc {
  const at = eventTime(event);
  const $set: CounterUpdateDoc["$set"] = {};
  for (const key of counterKeysFor(event, options)) {
    const next = nextCounter(own(current, key), at);
    $set[`counters.${key}.count`] = next.count;
    $set[`counters.${key}.first`] = next.first;
    $set[`counters.${key}.last`] = next.last;
    $set[`counters.${key}.recent`] = next.recent;
  }
  return { $set };
}

/** The filter part that makes {@link counterUpdate} a compare-and-set: every touched counter still has the count that was read. */
export function counterGuard(
  event: CountedEvent,
  current: Readonly<Record<string, EventCounter>> | undefined,
  options: CounterOptions = {},
): Record<string, unknown> {
  const guard: Record<string, unknown> = {};
  for (const key of counterKeysFor(event, options)) {
    const prev = own(current, key);
    guard[`counters.${key}.count`] = prev ? prev.count : { $exists: false };
  }
  return guard;
}

/** Storage callbacks for {@link recordEventCounters} (shared does no I/O itself). */
export type CounterStore = {
  /** Reads the profile's `counters` (undefined when the profile has none yet). */
  read(): Promise<Readonly<Record<string, EventCounter>> | undefined>;
  /** Applies `update` to the profile only if it also matches `guard`; resolves true when a document was updated. */
  write(guard: Record<string, unknown>, update: CounterUpdateDoc): Promise<boolean>;
};

/** Records one event in a profile's counters with compare-and-set retries. Throws after `attempts` lost races. */
export async function recordEventCounters(
  store: CounterStore,
  event: CountedEvent,
  options: CounterOptions = {},
  attempts = 20,
): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const current = await store.read();
    if (
      await store.write(
        counterGuard(event, current, options),
        counterUpdate(event, current, options),
      )
    )
      return;
  }
  throw new Error(`Could not record ${event.event}: counters kept changing (${attempts} attempts)`);
}

/** Folds events into in-memory counters exactly as {@link recordEventCounters} would in the database. */
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
