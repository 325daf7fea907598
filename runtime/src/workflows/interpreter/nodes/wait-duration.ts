/**
 * `wait.duration`: a durable timer; a timer carried over continue-as-new resumes at its instant. With `atTime`
 * the wait goes on to the next such time on the profile's clock after the duration (resolved by the
 * `resolveWaitUntil` activity, DST-correct); without it the commands are those of a plain timer, as before.
 */
import { durationToMs, type WaitDurationPlanNode } from "@omnijourney/shared/workflow";
import type { WaitUntilConfig } from "@omnijourney/shared";
import type { NodeBehaviour } from "../behaviour.js";
import { PROGRESS_LAG_MS } from "../progress.js";
import { activities } from "../proxies.js";

const EVERY_DAY: Extract<WaitUntilConfig, { mode: "window" }>["days"] = [
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
];

export const waitDuration: NodeBehaviour<WaitDurationPlanNode> = {
  async enter({ run, progress, suspension }, node, { visit }) {
    const { config } = node;
    let untilMs = Date.now() + durationToMs(config);
    if (config.atTime !== undefined && !run.carriedWait(node.id, visit)) {
      const resolved = await activities.resolveWaitUntil({
        enrolment: run.enrolment,
        at: new Date(untilMs).toISOString(),
        config: {
          mode: "window",
          days: EVERY_DAY,
          from: config.atTime,
          fallbackTimezone: config.fallbackTimezone ?? "UTC",
        },
        progress: progress.due(true),
      });
      run.throwIfEnded();
      untilMs = new Date(resolved).getTime();
    }
    const wait = suspension.begin(node.id, visit, untilMs);
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
  startsLongWait: (node) =>
    node.config.atTime !== undefined || durationToMs(node.config) >= PROGRESS_LAG_MS,
};
