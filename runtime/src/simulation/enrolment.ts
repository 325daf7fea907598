import type { JourneyEvent, JourneyPlan } from "@omnijourney/shared";
import type { SimulateInput } from "./simulator.js";

type TimedEvent = { atSeconds: number; event: JourneyEvent };

/**
 * Splits a simulation's hypothetical events into the one that enrols the profile and those delivered
 * later. As live, the enrolling event is the first one at offset 0 named by the journey's event
 * trigger: the journey starts with it (so `{{ event.* }}` renders) instead of receiving it as a signal.
 */
export function splitEnrolment(
  plan: JourneyPlan,
  input: Pick<SimulateInput, "events" | "enrolEvent">,
  startAt: Date,
): { enrolEvent: JourneyEvent | null; later: TimedEvent[] } {
  const timestamp = startAt.toISOString();
  const events: TimedEvent[] = (input.events ?? []).map((e) => ({
    atSeconds: Math.max(0, e.atSeconds),
    event: { event: e.event, properties: e.properties ?? {}, timestamp },
  }));
  if (input.enrolEvent !== undefined) return { enrolEvent: input.enrolEvent, later: events };
  const trigger = plan.nodes[plan.triggerNodeId];
  const name =
    trigger && trigger.execution === "workflow" && trigger.type === "trigger.event"
      ? trigger.config.event
      : null;
  const at =
    name === null ? -1 : events.findIndex((e) => e.atSeconds === 0 && e.event.event === name);
  if (at < 0) return { enrolEvent: null, later: events };
  return {
    enrolEvent: events[at]?.event ?? null,
    later: events.filter((_, i) => i !== at),
  };
}
