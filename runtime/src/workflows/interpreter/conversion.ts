import { durationToMs, goalRevenue, type GoalPlanNode } from "@omnijourney/shared/workflow";
import type { JourneyEvent, JourneyGoal } from "@omnijourney/shared";
import { eventMatcher, type Inbox } from "./inbox.js";
import type { ProgressBatcher } from "./progress.js";
import type { JourneyRun } from "./run.js";

/**
 * Goal tracking: the journey's goal (settings) and goal nodes convert an enrolment at most once,
 * crediting every node visited and port taken so far.
 */
export class Conversion {
  readonly goal: JourneyGoal | undefined;
  /** Epoch ms after which the journey's goal no longer converts (0 without a goal). */
  readonly deadline: number;

  constructor(
    private readonly run: JourneyRun,
    private readonly progress: ProgressBatcher,
  ) {
    this.goal = run.plan.settings.goal;
    const startedAtMs = new Date(run.state.startedAt).getTime();
    this.deadline = this.goal ? startedAtMs + durationToMs(this.goal.within) : 0;
  }

  get converted(): boolean {
    return this.run.state.converted !== null;
  }

  convert(event: JourneyEvent, revenueProperty: string | undefined): void {
    const { state } = this.run;
    if (state.converted) return;
    const revenue = goalRevenue(event.properties, revenueProperty);
    state.converted = { at: new Date().toISOString(), revenue };
    this.progress.queue({
      op: "convert",
      at: state.converted.at,
      revenue,
      nodes: [...state.visited],
      ports: state.portsTaken.map((key) => {
        const [nodeId = "", port = ""] = key.split("\u0000");
        return { nodeId, port };
      }),
    });
  }
}

/** A goal node converts when its goal event is in the inbox or is the event that enrolled the profile. */
export function reachGoal(
  run: JourneyRun,
  inbox: Inbox,
  conversion: Conversion,
  node: GoalPlanNode,
): "next" {
  const matches = eventMatcher(node.config);
  const { event } = run.input;
  const performed = inbox.take(0, matches) ?? (event && matches(event) ? event : null);
  if (performed) conversion.convert(performed, node.config.revenueProperty);
  return "next";
}
