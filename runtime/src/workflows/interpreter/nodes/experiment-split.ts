/**
 * `experiment.split`: the variant for this profile, assigned once by a stable hash of (journey, node,
 * profile) and kept, so a re-entry or a loop takes the same arm. The first entry is recorded with the
 * workflow time, which opens the arm's conversion window (docs/runtime.md, "Experiment accounting"). The
 * holdout ends the path here and still counts conversions.
 */
import { patched } from "@temporalio/workflow";
import { assignVariant, type ExperimentSplitPlanNode } from "@omnijourney/shared/workflow";
import { never, type NodeBehaviour } from "../behaviour.js";
import { activities } from "../proxies.js";
import { nowIso } from "../run.js";

/**
 * Before this patch an arm was known only to its workflow, whose conversions counted while it ran; now the
 * first entry into an arm is recorded durably and conversions are counted on that record at ingestion.
 */
const ASSIGNMENT_RECORDED = "experiment-assignment-recorded";

export const experimentSplit: NodeBehaviour<ExperimentSplitPlanNode> = {
  async enter({ run, progress }, node, entry) {
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
        progress: progress.due(entry.waitFollows()),
      });
      run.throwIfEnded();
    }
    return variant;
  },
  startsLongWait: never,
};
