/** Activity nodes: messages, profile updates and custom types, run through their type's `run`. */
import { isCancellation } from "@temporalio/workflow";
import type { ActivityPlanNode } from "@omnijourney/shared/workflow";
import type { ProgressBatcher } from "../progress.js";
import { activities } from "../proxies.js";
import { nowIso, type JourneyRun } from "../run.js";
import type { Suspension } from "../suspension.js";

/** Most deferrals (quiet hours, caps) of one node visit before the node is given up. */
export const MAX_DEFERRALS = 50;

/** What an activity node needs of the running enrolment. */
export type ActivityDeps = {
  run: JourneyRun;
  progress: ProgressBatcher;
  suspension: Suspension;
};

/** The port of a node that failed for good: `failed` when the node has it, else the journey ends. */
const failedPort = (node: ActivityPlanNode): string | null =>
  "failed" in node.next ? "failed" : null;

/**
 * Runs the node's activity, sleeping and running it again while its send is deferred. `waitFollows`: a
 * long wait may follow the node, so queued progress rides along.
 */
export async function runActivityNode(
  { run, progress, suspension }: ActivityDeps,
  node: ActivityPlanNode,
  visit: number,
  waitFollows: boolean,
): Promise<string | null> {
  for (let attempt = 0; attempt <= MAX_DEFERRALS; attempt++) {
    let result;
    try {
      result = await activities.runNode({
        enrolment: run.enrolment,
        nodeId: node.id,
        nodeType: node.type,
        config: node.config,
        visit,
        event: run.input.event,
        at: nowIso(),
        policy: run.policy,
        progress: progress.due(waitFollows),
      });
    } catch (error) {
      if (isCancellation(error)) throw error;
      // Retries exhausted or a non-retryable error: the node failed for good.
      return failedPort(node);
    }
    run.throwIfEnded();
    if (!result.deferUntil) return result.output;
    await suspension.sleep(node.id, visit, new Date(result.deferUntil).getTime(), "deferred");
  }
  return failedPort(node);
}
