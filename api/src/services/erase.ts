import type { ApiContext } from "../context.js";
import {
  activeEnrolmentWorkflows,
  eraseLateWrites,
  eraseProfileRecords,
  type ErasedCounts,
} from "@omnijourney/store";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Erases a person: running enrolments are cancelled first (so no workflow writes about them afterwards),
 * then every document that names the profile or one of its ids goes, in every collection.
 */
export const eraseProfile = async (
  ctx: ApiContext,
  profileId: string,
  anonymousIds: string[],
): Promise<ErasedCounts> => {
  const ids = [profileId, ...anonymousIds];
  const workflowIds = await activeEnrolmentWorkflows(ctx.db, { profileIds: ids });
  // A workflow that already ended cannot be cancelled; that is fine, it writes nothing more.
  await Promise.allSettled(workflowIds.map((id) => ctx.temporal.workflow.getHandle(id).cancel()));
  // Wait until every cancelled workflow has closed: a closed workflow writes nothing more about the person.
  const deadline = Date.now() + 30_000;
  for (const id of workflowIds) {
    while (Date.now() < deadline) {
      const status = await ctx.temporal.workflow
        .getHandle(id)
        .describe()
        .then((d) => d.status.name)
        .catch(() => "GONE");
      if (status !== "RUNNING") break;
      await sleep(100);
    }
  }
  const removed = await eraseProfileRecords(ctx.db, ids);
  // An activity that was in flight when its workflow closed may still have finished its write; sweep once more.
  await sleep(500);
  await eraseLateWrites(ctx.db, ids);
  return removed;
};
