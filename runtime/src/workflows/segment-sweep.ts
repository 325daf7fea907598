import { proxyActivities } from "@temporalio/workflow";

/** What one sweep did, summed over the journeys it looked at. */
export type SegmentSweepResult = {
  /** Live `trigger.segment` journeys whose segment condition depends on time (the ones swept). */
  journeys: number;
  /** Profiles that entered a swept segment (a membership row was created). */
  entered: number;
  /** Of those, how many enrolments started (re-entry rules and entry limits may refuse some). */
  enrolled: number;
  /** Profiles recorded as members without enrolment: current members when the journey was published without `enrolExisting`. */
  baseline: number;
  /** Profiles that no longer match and lost their membership row (they may enter again later). */
  left: number;
};

/** Activities only the segment sweep uses (implemented in `sweep/activity.ts`). */
export interface SegmentSweepActivities {
  sweepSegmentTriggers(): Promise<SegmentSweepResult>;
}

// One sweep walks every matching profile of every time-based segment: on a large workspace, or an engine that
// answers such queries by scanning, that can take minutes.
// Heartbeats come every few seconds, so a dead worker is noticed after the heartbeat timeout, not the hour.
const { sweepSegmentTriggers } = proxyActivities<SegmentSweepActivities>({
  startToCloseTimeout: "1 hour",
  heartbeatTimeout: "1 minute",
  retry: {
    initialInterval: "10 seconds",
    backoffCoefficient: 2,
    maximumInterval: "5 minutes",
    // The next scheduled sweep starts from scratch anyway; a sweep that keeps failing should not pile up.
    maximumAttempts: 5,
  },
});

/**
 * Started by the Temporal Schedule `omnijourney-segment-sweep`: enrols profiles that entered a `trigger.segment`
 * journey's segment only because time passed ("no purchase within 30 days"), which no event or profile write reveals.
 */
export async function segmentSweepWorkflow(): Promise<SegmentSweepResult> {
  return sweepSegmentTriggers();
}
