/** Activity nodes: messages, profile updates and custom types, run through their type's `run`. */
import { ActivityFailure, isCancellation, patched } from "@temporalio/workflow";
import { stepFailureReason, type ActivityPlanNode } from "@omnijourney/shared/workflow";
import type { NodeBehaviour } from "../behaviour.js";
import type { ProgressBatcher } from "../progress.js";
import { activities, activitiesUnder } from "../proxies.js";
import { Ended, nowIso, type JourneyRun } from "../run.js";
import type { Suspension } from "../suspension.js";

/** Most deferrals (quiet hours, caps) of one node visit before the node is given up. */
export const MAX_DEFERRALS = 50;

/** What an activity node needs of the running enrolment. */
type ActivityDeps = {
  run: JourneyRun;
  progress: ProgressBatcher;
  suspension: Suspension;
};

/** The port of a node that failed for good: `failed` when the node has it, else the journey ends. */
const failedPort = (node: ActivityPlanNode): string | null =>
  "failed" in node.next ? "failed" : null;

/**
 * Before this patch a node that failed for good without a `failed` port ended the enrolment as "completed";
 * now the enrolment fails with the reason.
 */
const FAILED_RUN_FAILS_ENROLMENT = "failed-run-fails-enrolment";

const failureReason = (node: ActivityPlanNode, error: unknown): string => {
  const cause = error instanceof ActivityFailure && error.cause ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return stepFailureReason(node.id, node.type, message);
};

/**
 * Runs the node's activity, sleeping and running it again while its send is deferred. `waitFollows`: a
 * long wait may follow the node, so queued progress rides along.
 */
async function runActivityNode(
  { run, progress, suspension }: ActivityDeps,
  node: ActivityPlanNode,
  visit: number,
  waitFollows: boolean,
): Promise<string | null> {
  // Plans without a policy (older ones, most types) keep the shared proxy and its defaults.
  const { runNode } = node.policy ? activitiesUnder(node.policy) : activities;
  for (let attempt = 0; attempt <= MAX_DEFERRALS; attempt++) {
    let result;
    try {
      result = await runNode({
        enrolment: run.enrolment,
        nodeId: node.id,
        nodeType: node.type,
        config: node.config,
        typeVersion: node.typeVersion,
        visit,
        event: run.input.event,
        at: nowIso(),
        policy: run.policy,
        progress: progress.due(waitFollows),
      });
    } catch (error) {
      if (isCancellation(error)) throw error;
      // Retries exhausted or a non-retryable error: the node failed for good.
      const port = failedPort(node);
      if (port === null && patched(FAILED_RUN_FAILS_ENROLMENT)) {
        run.terminal = { status: "failed", reason: failureReason(node, error) };
        throw new Ended();
      }
      return port;
    }
    run.throwIfEnded();
    if (!result.deferUntil) return result.output;
    await suspension.sleep(node.id, visit, new Date(result.deferUntil).getTime(), "deferred");
  }
  return failedPort(node);
}

/** Every activity type: messages, profile updates and plugins alike, run by their type's `run` in an activity. */
export const activityNode: NodeBehaviour<ActivityPlanNode> = {
  enter: (deps, node, entry) => runActivityNode(deps, node, entry.visit, entry.waitFollows()),
  startsLongWait: () => false,
};
