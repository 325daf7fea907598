/** `wait.duration`: a durable timer; a timer carried over continue-as-new resumes at its instant. */
import { durationToMs, type WaitDurationPlanNode } from "@omnijourney/shared/workflow";
import type { NodeBehaviour } from "../behaviour.js";
import { PROGRESS_LAG_MS } from "../progress.js";

export const waitDuration: NodeBehaviour<WaitDurationPlanNode> = {
  async enter({ run, suspension }, node, { visit }) {
    const wait = suspension.begin(node.id, visit, Date.now() + durationToMs(node.config));
    await suspension.until(
      node.id,
      visit,
      wait.until,
      { kind: "timer", until: new Date(wait.until).toISOString(), reason: "wait" },
      () => false,
    );
    run.state.currentWait = null;
    return "next";
  },
  startsLongWait: (node) => durationToMs(node.config) >= PROGRESS_LAG_MS,
};
