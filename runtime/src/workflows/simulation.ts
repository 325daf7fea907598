import { proxyActivities, sleep, startChild, workflowInfo } from "@temporalio/workflow";
import type { JourneyEvent } from "@omnijourney/shared";
import { journeyWorkflow } from "./journey.js";
import { eventSignal } from "./signals.js";
import type { JourneyResult, JourneyWorkflowInput } from "./types.js";

/** Activities only the simulation worker provides. */
export interface SimulationActivities {
  /** Folds a hypothetical event into the simulated profile (its counters), as ingestion would. */
  ingestSimulatedEvent(input: { simulationId: string; event: JourneyEvent }): Promise<void>;
}

// A regular activity: the time-skipping server cannot see local activities and would skip time during them.
const { ingestSimulatedEvent } = proxyActivities<SimulationActivities>({
  startToCloseTimeout: "10 seconds",
});

export type SimulationWorkflowInput = {
  journey: Omit<JourneyWorkflowInput, "mode" | "carried">;
  /** Hypothetical events at offsets from the enrolment (seconds), sorted or not. */
  events: { atSeconds: number; event: JourneyEvent }[];
  /** When the journey starts (ISO); the workflow sleeps until then, which the time-skipping server skips. */
  startAt?: string;
};

/**
 * Runs the real journey workflow as a child and delivers hypothetical events at their offsets. On the
 * time-skipping server the timers of both skip, so weeks of journey take seconds.
 */
export async function simulationWorkflow(input: SimulationWorkflowInput): Promise<JourneyResult> {
  const simulationId = workflowInfo().workflowId;
  const startAtMs = input.startAt ? Date.parse(input.startAt) : Date.now();
  if (startAtMs > Date.now()) await sleep(startAtMs - Date.now());
  const child = await startChild(journeyWorkflow, {
    workflowId: `${simulationId}:journey`,
    args: [{ ...input.journey, mode: "simulation", progressVia: "activity" }],
  });
  const startedAt = Date.now();
  const events = [...input.events].sort((a, b) => a.atSeconds - b.atSeconds);
  const delivery = (async () => {
    for (const { atSeconds, event } of events) {
      const due = startedAt + atSeconds * 1000 - Date.now();
      if (due > 0) await sleep(due);
      await ingestSimulatedEvent({
        simulationId: child.workflowId,
        event: { ...event, timestamp: new Date().toISOString() },
      });
      try {
        await child.signal(eventSignal, { ...event, timestamp: new Date().toISOString() });
      } catch {
        // The journey already ended; later events have nobody to reach.
        return;
      }
    }
  })();
  const result = await child.result();
  void delivery;
  return result;
}
