/** `wait.event`: `received` when a matching event arrives before the timeout, else `timeout`. */
import { durationToMs, type WaitEventPlanNode } from "@omnijourney/shared/workflow";
import type { NodeBehaviour } from "../behaviour.js";
import { eventMatcher } from "../inbox.js";
import { PROGRESS_LAG_MS } from "../progress.js";

export const waitEvent: NodeBehaviour<WaitEventPlanNode> = {
  async enter({ run, inbox, suspension }, node, { visit }) {
    const { config } = node;
    const wait = suspension.begin(node.id, visit, Date.now() + durationToMs(config.timeout));
    const matches = eventMatcher(config);
    const result = await suspension.until(
      node.id,
      visit,
      wait.until,
      { kind: "event", events: [config.event], until: new Date(wait.until).toISOString() },
      () => inbox.has(wait.sinceSeq, matches),
    );
    if (result === "ready") inbox.take(wait.sinceSeq, matches);
    run.state.currentWait = null;
    return result === "ready" ? "received" : "timeout";
  },
  startsLongWait: (node) => durationToMs(node.config.timeout) >= PROGRESS_LAG_MS,
};
