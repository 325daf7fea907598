/**
 * `message.cascade`: one channel at a time, escalating to the next when the profile does not respond
 * within the step's window. A carried wait resumes at its step after continue-as-new.
 */
import { contentStrings, durationToMs, type CascadePlanNode } from "@omnijourney/shared/workflow";
import type { JourneyEvent, SendOutcome } from "@omnijourney/shared";
import type { NodeBehaviour } from "../behaviour.js";
import type { Inbox } from "../inbox.js";
import { PROGRESS_LAG_MS, type ProgressBatcher } from "../progress.js";
import { activities } from "../proxies.js";
import { nowIso, type JourneyRun } from "../run.js";
import type { Suspension } from "../suspension.js";
import { MAX_DEFERRALS } from "./activity.js";

/** What a cascade needs of the running enrolment. */
type CascadeDeps = {
  run: JourneyRun;
  progress: ProgressBatcher;
  inbox: Inbox;
  suspension: Suspension;
};

/** Sends one step, sleeping and sending again while it is deferred (quiet hours, caps). */
async function sendStep(
  { run, progress, suspension }: CascadeDeps,
  node: CascadePlanNode,
  visit: number,
  stepIndex: number,
): Promise<SendOutcome | null> {
  const { config } = node;
  const step = config.steps[stepIndex];
  if (!step) return null;
  let outcome = null;
  for (let attempt = 0; attempt <= MAX_DEFERRALS; attempt++) {
    outcome = await activities.sendStep({
      enrolment: run.enrolment,
      nodeId: node.id,
      visit,
      step: stepIndex,
      channel: step.channel,
      content: contentStrings(step.channel, step.content),
      category: config.category,
      event: run.input.event,
      at: nowIso(),
      policy: run.policy,
      progress: progress.due(durationToMs(step.window) >= PROGRESS_LAG_MS),
    });
    run.throwIfEnded();
    if (outcome.status !== "deferred" || !outcome.deferUntil) break;
    await suspension.sleep(node.id, visit, new Date(outcome.deferUntil).getTime(), "deferred");
  }
  return outcome;
}

async function runCascade(
  deps: CascadeDeps,
  node: CascadePlanNode,
  visit: number,
): Promise<"responded" | "exhausted"> {
  const { run, progress, inbox, suspension } = deps;
  const { config } = node;
  const { state } = run;
  const order = await activities.cascadeOrder({
    enrolment: run.enrolment,
    order: config.order,
    channels: config.steps.map((s) => s.channel),
    progress: progress.due(false),
  });
  const carried = run.carriedWait(node.id, visit)?.step;
  const startAt = carried === undefined ? 0 : Math.max(order.indexOf(carried), 0);
  const responded = (e: JourneyEvent) => config.responseEvents.includes(e.event);
  for (let position = startAt; position < order.length; position++) {
    const stepIndex = order[position] ?? 0;
    const step = config.steps[stepIndex];
    if (!step) continue;
    if (carried !== stepIndex) {
      const outcome = await sendStep(deps, node, visit, stepIndex);
      // Skipped (no address, no consent, capped) or failed: escalate at once.
      if (!outcome || outcome.status !== "sent") continue;
      state.currentWait = {
        nodeId: node.id,
        visit,
        until: Date.now() + durationToMs(step.window),
        sinceSeq: state.eventSeq,
        step: stepIndex,
      };
    }
    const wait = state.currentWait ?? { until: Date.now(), sinceSeq: state.eventSeq };
    const result = await suspension.until(
      node.id,
      visit,
      wait.until,
      { kind: "event", events: config.responseEvents, until: new Date(wait.until).toISOString() },
      () => inbox.has(wait.sinceSeq, responded),
      stepIndex,
    );
    state.currentWait = null;
    if (result === "ready") {
      inbox.take(wait.sinceSeq, responded);
      return "responded";
    }
  }
  return "exhausted";
}

export const cascade: NodeBehaviour<CascadePlanNode> = {
  enter: (deps, node, { visit }) => runCascade(deps, node, visit),
  // A sent step waits for a response within its window.
  startsLongWait: () => true,
};
