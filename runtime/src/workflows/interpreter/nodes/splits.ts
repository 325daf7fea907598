/** The split family: condition and multi-way branches, segment splits (evaluated by an activity) and experiments. */
import { patched } from "@temporalio/workflow";
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
 * Before this patch an arm was known only to its workflow, whose conversions counted while it ran; now the
 * first entry into an arm is recorded durably and conversions are counted on that record at ingestion.
 */
const ASSIGNMENT_RECORDED = "experiment-assignment-recorded";

/**
 * The variant for this profile: assigned once by a stable hash of (journey, node, profile) and kept, so
 * a re-entry or a loop takes the same arm. The first entry is recorded with the workflow time, which opens the
 * arm's conversion window (docs/runtime.md, "Experiment accounting"). The holdout ends the path here and still
 * counts conversions.
 */
export async function experimentSplit(
  { run, progress }: SplitDeps,
  node: ExperimentSplitPlanNode,
  waitFollows: boolean,
): Promise<string> {
  const { state, input, plan } = run;
  const { variants, holdout } = node.config;
  const known = state.variants[node.id];
  const variant =
    known ?? assignVariant(input.journeyId, node.id, input.profileId, variants, holdout);
  if (variant === "holdout") state.holdout = true;
  if (known) return variant;
  state.variants[node.id] = variant;
  progress.queue({ op: "variant", nodeId: node.id, variant });
  if (patched(ASSIGNMENT_RECORDED)) {
    const { goal } = plan.settings;
    await activities.recordAssignment({
      enrolment: run.enrolment,
      nodeId: node.id,
      arm: variant,
      at: nowIso(),
      ...(goal ? { goal } : {}),
      progress: progress.due(waitFollows),
    });
    run.throwIfEnded();
  }
  return variant;
}
