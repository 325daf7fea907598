import {
  assertNever,
  endedMetric,
  ENROLLED,
  JOURNEY_CONVERTED,
  JOURNEY_REVENUE,
} from "@omnijourney/shared";
import type { DailyFact } from "@omnijourney/store";
import type { ProgressBatch } from "../workflows/types.js";

/** Outcomes that end an enrolment before it finished its path: counted as dropped at the step it stood on. */
const DROPPING = new Set(["exited", "cancelled", "failed"]);

/**
 * The daily counter facts of a progress batch (pure; docs/analytics.md, "Counters"): entered, completed and
 * dropped per step, and on the journey itself enrolments started, conversions, revenue and outcomes. A `leave`
 * carries no time, so it counts on the day of the batch's latest dated op before it (the enter, usually).
 */
export function progressDailyFacts(batch: ProgressBatch, now: Date): DailyFact[] {
  const { journeyId } = batch.enrolment;
  const facts: DailyFact[] = [];
  let at: string | Date = now;
  let standingOn: string | null = null;
  let entered = false;
  const journey = (counts: Record<string, number>, when: string | Date) =>
    facts.push({ at: when, journeyId, nodeId: "", counts });
  for (const op of batch.ops) {
    switch (op.op) {
      case "enter":
        at = op.at;
        // The first step of the first batch is the trigger: the enrolment starts there.
        if (batch.seq === 1 && !entered) journey({ [ENROLLED]: 1 }, op.at);
        entered = true;
        standingOn = op.nodeId;
        facts.push({ at, journeyId, nodeId: op.nodeId, counts: { entered: 1 } });
        break;
      case "leave":
        standingOn = null;
        facts.push({ at, journeyId, nodeId: op.nodeId, counts: { completed: 1 } });
        break;
      case "waiting":
      case "variant":
        break;
      case "convert":
        at = op.at;
        journey({ [JOURNEY_CONVERTED]: 1, [JOURNEY_REVENUE]: op.revenue }, op.at);
        for (const nodeId of op.nodes)
          facts.push({ at, journeyId, nodeId, counts: { converted: 1, revenue: op.revenue } });
        break;
      case "end":
        at = op.at;
        journey({ [endedMetric(op.status)]: 1 }, op.at);
        if (DROPPING.has(op.status))
          facts.push({ at, journeyId, nodeId: standingOn ?? "", counts: { dropped: 1 } });
        break;
      default:
        assertNever(op);
    }
  }
  return facts;
}
