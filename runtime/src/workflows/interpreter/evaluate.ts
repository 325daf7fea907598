import type { Condition } from "@omnijourney/shared";
import type { ProgressBatcher } from "./progress.js";
import { activities } from "./proxies.js";
import { nowIso, type JourneyRun } from "./run.js";

/**
 * Evaluates conditions (the index of the first that holds, -1 when none) or segment membership (0 in,
 * -1 out) for the profile, by activity. `waitFollows`: a long wait may follow, so queued progress rides along.
 */
export async function evaluate(
  { run, progress }: { run: JourneyRun; progress: ProgressBatcher },
  args: { conditions?: Condition[]; segmentId?: string },
  waitFollows: boolean,
): Promise<number> {
  const result = await activities.evaluate({
    enrolment: run.enrolment,
    at: nowIso(),
    ...args,
    // Activity input only (no command changes): conditions may count events since the enrolment started.
    ...(args.conditions ? { enteredAt: run.state.startedAt } : {}),
    progress: progress.due(waitFollows),
  });
  run.throwIfEnded();
  return result;
}
