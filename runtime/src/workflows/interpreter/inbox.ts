import { matchesProperties } from "@omnijourney/shared/workflow";
import type { JourneyEvent, PropertyCondition } from "@omnijourney/shared";
import type { Conversion } from "./conversion.js";
import type { JourneyRun } from "./run.js";

/** Most events kept for waits; older unconsumed events are dropped (they can no longer match a wait). */
const INBOX_LIMIT = 200;

/** An event name with an optional property condition (wait.event, goals, exit events). */
type EventCriterion = { event: string; where?: PropertyCondition | undefined };

function propertiesMatch(
  where: PropertyCondition | undefined,
  properties: Record<string, unknown>,
): boolean {
  if (where === undefined) return true;
  return matchesProperties(where, properties, new Date());
}

/** Whether an event meets a criterion. */
export const meets = (criterion: EventCriterion, event: JourneyEvent): boolean =>
  criterion.event === event.event && propertiesMatch(criterion.where, event.properties);

/** A predicate for one criterion (built once per wait, not per event). */
export const eventMatcher =
  (criterion: EventCriterion) =>
  (event: JourneyEvent): boolean =>
    meets(criterion, event);

/**
 * The events signalled to the enrolment: the goal and exit events act on arrival, at any node; the rest
 * are buffered in the carried state (bounded) for the waits that consume them.
 */
export class Inbox {
  private readonly exitEvents: EventCriterion[];

  constructor(
    private readonly run: JourneyRun,
    private readonly conversion: Conversion,
  ) {
    this.exitEvents = run.plan.settings.exitOn.flatMap((c) => ("event" in c ? [c] : []));
  }

  receive(event: JourneyEvent): void {
    const { run, conversion } = this;
    if (run.terminal) return;
    for (const criterion of this.exitEvents) {
      if (meets(criterion, event)) {
        run.terminal = {
          status: conversion.converted ? "converted" : "exited",
          reason: `exit event ${event.event}`,
        };
        return;
      }
    }
    const { goal } = conversion;
    if (goal && !conversion.converted && Date.now() <= conversion.deadline && meets(goal, event)) {
      conversion.convert(event, goal.revenueProperty);
      run.terminal = { status: "converted", reason: `goal ${goal.event}` };
      return;
    }
    const { state } = run;
    state.eventSeq += 1;
    state.inbox.push({ seq: state.eventSeq, event });
    if (state.inbox.length > INBOX_LIMIT) state.inbox.splice(0, state.inbox.length - INBOX_LIMIT);
  }

  /** Whether an event after `sinceSeq` matches. */
  has(sinceSeq: number, matches: (e: JourneyEvent) => boolean): boolean {
    return this.run.state.inbox.some((entry) => entry.seq > sinceSeq && matches(entry.event));
  }

  /** The first event after `sinceSeq` that matches, consumed. */
  take(sinceSeq: number, matches: (e: JourneyEvent) => boolean): JourneyEvent | null {
    const { inbox } = this.run.state;
    const index = inbox.findIndex((entry) => entry.seq > sinceSeq && matches(entry.event));
    if (index < 0) return null;
    const [entry] = inbox.splice(index, 1);
    return entry?.event ?? null;
  }
}
