import { assertNever } from "../assert.js";
import type { EventCounter } from "../schemas/profile.js";
import { counterKey, eventFiltersOf, foldEvents, type CountedEvent } from "./counters.js";
import { fieldOf } from "./fields.js";
import { conditionKind, type Condition, type EventCondition } from "./schema.js";
import { matchFound, resolvePath } from "./values.js";
import { eventWindowStart, type WindowContext } from "./window.js";

/** The profile data a condition reads: attributes, consent and counters, as stored. */
export type ConditionProfile = {
  attributes?: Record<string, unknown>;
  consent?: Partial<Record<string, { marketing?: string } | undefined>>;
  counters?: Record<string, EventCounter>;
};

/** Input of {@link evaluateCondition}. */
export type EvaluateInput = {
  profile: ConditionProfile;
  /** Events not yet in the profile's counters (e.g. in a simulation); folded in exactly as ingestion would. */
  events?: readonly CountedEvent[];
  now: Date;
  /** When the profile entered the journey (branch and exit conditions): the start of `since: "entry"` windows. */
  enteredAt?: Date;
};

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** How many events the counters prove (at least `n` events on or after `start`): the n-th newest timestamp is in the window. */
function atLeastInWindow(counter: EventCounter | undefined, n: number, start: Date): boolean {
  if (n <= 0) return true;
  const at = toDate(counter?.recent[n - 1]);
  return at !== null && at.getTime() >= start.getTime();
}

function countAtLeast(counter: EventCounter | undefined, n: number): boolean {
  return n <= 0 || (counter?.count ?? 0) >= n;
}

function evaluateEvent(
  leaf: EventCondition,
  counters: Record<string, EventCounter>,
  context: WindowContext,
): boolean {
  const key = counterKey(leaf.event, leaf.where);
  const counter = Object.prototype.hasOwnProperty.call(counters, key) ? counters[key] : undefined;
  const start = eventWindowStart(leaf, context);
  const atLeast = (n: number): boolean =>
    start ? atLeastInWindow(counter, n, start) : countAtLeast(counter, n);
  switch (leaf.op) {
    case "count_gte":
      return atLeast(leaf.value);
    case "count_lte":
      return !atLeast(leaf.value + 1);
    case "performed":
      return atLeast(1);
    case "not_performed":
      return !atLeast(1);
    default:
      return assertNever(leaf);
  }
}

function evaluate(
  condition: Condition,
  profile: ConditionProfile,
  counters: Record<string, EventCounter>,
  context: WindowContext,
): boolean {
  const { now } = context;
  const kind = conditionKind(condition);
  switch (kind) {
    case "all":
      return (
        "all" in condition && condition.all.every((c) => evaluate(c, profile, counters, context))
      );
    case "any":
      return (
        "any" in condition && condition.any.some((c) => evaluate(c, profile, counters, context))
      );
    case "not":
      return "not" in condition && !evaluate(condition.not, profile, counters, context);
    case "event":
      return "event" in condition && evaluateEvent(condition, counters, context);
    case "attribute": {
      if (!("attr" in condition)) return false;
      const field = fieldOf(condition.attr);
      if (field.kind === "consent") {
        const status = profile.consent?.[field.channel]?.marketing ?? "unknown";
        return matchFound([status], condition, now);
      }
      return matchFound(
        resolvePath({ attributes: profile.attributes ?? {} }, field.segments),
        condition,
        now,
      );
    }
    default:
      return assertNever(kind);
  }
}

/**
 * Evaluates a condition for one profile from its stored attributes, consent and event counters (the same data
 * {@link conditionToMongo} filters on, with the same semantics). Pure and deterministic: `now` is explicit.
 */
export function evaluateCondition(condition: Condition, input: EvaluateInput): boolean {
  let counters: Record<string, EventCounter> = input.profile.counters ?? {};
  if (input.events && input.events.length > 0)
    counters = foldEvents(counters, input.events, { filters: eventFiltersOf(condition) });
  return evaluate(condition, input.profile, counters, {
    now: input.now,
    enteredAt: input.enteredAt,
  });
}
