/** `wait.until`: a timer to an instant resolved (by activity) in the profile's time zone. */
import type { WaitUntilPlanNode } from "@omnijourney/shared/workflow";
import type { NodeBehaviour } from "../behaviour.js";
import { activities } from "../proxies.js";
import { nowIso } from "../run.js";

export const waitUntil: NodeBehaviour<WaitUntilPlanNode> = {
  async enter({ run, progress, suspension }, node, { visit }) {
    const until =
      run.carriedWait(node.id, visit)?.until ??
      new Date(
        await activities.resolveWaitUntil({
          enrolment: run.enrolment,
          at: nowIso(),
          config: node.config,
          progress: progress.due(true),
        }),
      ).getTime();
    run.throwIfEnded();
    if (until > Date.now()) await suspension.sleep(node.id, visit, until, "wait");
    run.state.currentWait = null;
    return "next";
  },
  startsLongWait: () => true,
};
