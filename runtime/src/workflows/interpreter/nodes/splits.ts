/** The split family: condition and multi-way branches, segment splits (evaluated by an activity) and experiments. */
import {
  assignVariant,
  type BranchConditionPlanNode,
  type BranchMultiPlanNode,
  type ExperimentSplitPlanNode,
  type SegmentSplitPlanNode,
} from "@omnijourney/shared/workflow";
import type { Condition } from "@omnijourney/shared";
import type { ProgressBatcher } from "../progress.js";
import { activities } from "../proxies.js";
import { nowIso, type JourneyRun } from "../run.js";

/** What a split needs of the running enrolment. */
export type SplitDeps = { run: JourneyRun; progress: ProgressBatcher };

/**
 * Evaluates conditions (the index of the first that holds, -1 when none) or segment membership (0 in,
 * -1 out) for the profile. `waitFollows`: a long wait may follow, so queued progress rides along.
 */
export async function evaluate(
  { run, progress }: SplitDeps,
  args: { conditions?: Condition[]; segmentId?: string },
  waitFollows: boolean,
): Promise<number> {
  const result = await activities.evaluate({
    enrolment: run.enrolment,
    at: nowIso(),
    ...args,
    progress: progress.due(waitFollows),
  });
  run.throwIfEnded();
  return result;
}

export async function branchCondition(
  deps: SplitDeps,
  node: BranchConditionPlanNode,
  waitFollows: boolean,
): Promise<"yes" | "no"> {
  const index = await evaluate(deps, { conditions: [node.config.condition] }, waitFollows);
  return index === 0 ? "yes" : "no";
}

export async function branchMulti(
  deps: SplitDeps,
  node: BranchMultiPlanNode,
  waitFollows: boolean,
): Promise<string> {
  const { cases } = node.config;
  const index = await evaluate(deps, { conditions: cases.map((c) => c.condition) }, waitFollows);
  return cases[index]?.id ?? "else";
}

export async function segmentSplit(
  deps: SplitDeps,
  node: SegmentSplitPlanNode,
  waitFollows: boolean,
): Promise<"in" | "out"> {
  const index = await evaluate(deps, { segmentId: node.config.segmentId }, waitFollows);
  return index === 0 ? "in" : "out";
}

/**
 * The variant for this profile: assigned once by a stable hash of (journey, node, profile) and kept, so
 * a re-entry or a loop takes the same arm. The holdout ends the path here and still counts conversions.
 */
export function experimentSplit(
  { run, progress }: SplitDeps,
  node: ExperimentSplitPlanNode,
): string {
  const { state, input } = run;
  const { variants, holdout } = node.config;
  const variant =
    state.variants[node.id] ??
    assignVariant(input.journeyId, node.id, input.profileId, variants, holdout);
  if (!state.variants[node.id]) {
    state.variants[node.id] = variant;
    progress.queue({ op: "variant", nodeId: node.id, variant });
  }
  if (variant === "holdout") state.holdout = true;
  return variant;
}
