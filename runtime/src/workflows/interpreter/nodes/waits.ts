/** The wait family: `wait.duration`, `wait.until` and `wait.event`, each a durable timer. */
import {
  durationToMs,
  type WaitDurationPlanNode,
  type WaitEventPlanNode,
  type WaitUntilPlanNode,
} from "@omnijourney/shared/workflow";
import { eventMatcher, type Inbox } from "../inbox.js";
import { PROGRESS_LAG_MS, type ProgressBatcher } from "../progress.js";
import { activities } from "../proxies.js";
import { nowIso, type JourneyRun } from "../run.js";
import type { Suspension } from "../suspension.js";

/** What a wait node needs of the running enrolment. */
export type WaitDeps = {
  run: JourneyRun;
  progress: ProgressBatcher;
  inbox: Inbox;
  suspension: Suspension;
};

export async function waitDuration(
  { run, suspension }: WaitDeps,
  node: WaitDurationPlanNode,
  visit: number,
): Promise<"next"> {
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
}

export async function waitUntil(
  { run, progress, suspension }: WaitDeps,
  node: WaitUntilPlanNode,
  visit: number,
): Promise<"next"> {
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
}

export async function waitEvent(
  { run, inbox, suspension }: WaitDeps,
  node: WaitEventPlanNode,
  visit: number,
): Promise<"received" | "timeout"> {
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
}

/** Whether entering the wait may suspend for at least the progress lag (so queued progress rides along). */
export function waitIsLong(
  node: WaitDurationPlanNode | WaitEventPlanNode | WaitUntilPlanNode,
): boolean {
  switch (node.type) {
    case "wait.duration":
      return durationToMs(node.config) >= PROGRESS_LAG_MS;
    case "wait.event":
      return durationToMs(node.config.timeout) >= PROGRESS_LAG_MS;
    case "wait.until":
      return true;
  }
}
