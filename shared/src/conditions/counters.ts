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
        if ("event" in c && c.where) out.set(counterKey(c.event, c.where), { event: c.event, where: c.where });
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
export type CountedEvent = { event: string; timestamp: Date | string; properties?: Record<string, unknown> };

/** A MongoDB update document for the `profiles` collection. */
export type CounterUpdateDoc = {
  $inc: Record<string, number>;
  $min: Record<string, Date>;
  $max: Record<string, Date>;
  $push: Record<string, { $each: Date[]; $sort: -1; $slice: number }>;
};

/**
 * The update that records one event in a profile's counters: `count` +1, `first`/`last` widened, the timestamp
 * pushed into `recent` kept sorted newest first and capped at {@link RECENT_CAP}. Also updates the counter of every
 * `filters` entry whose event and property condition match. Apply with `updateOne({ profileId }, update)`.
 */
export function counterUpdate(event: CountedEvent, options: { filters?: readonly EventFilter[] } = {}): CounterUpdateDoc {
  const at = event.timestamp instanceof Date ? event.timestamp : new Date(event.timestamp);
  const keys = [counterKey(event.event)];
  for (const f of options.filters ?? []) {
    if (f.event === event.event && f.where && matchesProperties(f.where, event.properties ?? {}, at)) keys.push(counterKey(f.event, f.where));
  }
  const update: CounterUpdateDoc = { $inc: {}, $min: {}, $max: {}, $push: {} };
  for (const key of new Set(keys)) {
    update.$inc[`counters.${key}.count`] = 1;
    update.$min[`counters.${key}.first`] = at;
    update.$max[`counters.${key}.last`] = at;
    update.$push[`counters.${key}.recent`] = { $each: [at], $sort: -1, $slice: RECENT_CAP };
  }
  return update;
}

/** Applies {@link counterUpdate} to in-memory counters (same semantics as MongoDB applying the update). Returns new counters. */
export function applyCounterUpdate(counters: Readonly<Record<string, EventCounter>>, update: CounterUpdateDoc): Record<string, EventCounter> {
  const next: Record<string, EventCounter> = Object.create(null) as Record<string, EventCounter>; // cast: a prototype-less map keyed by escaped counter keys
  for (const [k, v] of Object.entries(counters)) next[k] = { ...v, recent: [...v.recent] };
  for (const path of Object.keys(update.$inc)) {
    const key = path.slice("counters.".length, -".count".length);
    const at = update.$max[`counters.${key}.last`];
    if (!at) continue;
    const prev = next[key];
    if (!prev) next[key] = { count: 1, first: at, last: at, recent: [at] };
    else {
      const recent = [...prev.recent, at].sort((a, b) => b.getTime() - a.getTime()).slice(0, RECENT_CAP);
      next[key] = {
        count: prev.count + 1,
        first: prev.first <= at ? prev.first : at,
        last: prev.last >= at ? prev.last : at,
        recent,
      };
    }
  }
  return { ...next };
}
