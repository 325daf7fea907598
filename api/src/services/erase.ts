import type { ApiContext } from "../context.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Erases a person: running enrolments are cancelled first (so no workflow writes about them afterwards),
 * then every document that names the profile or one of its ids goes, in every collection the API knows.
 */
export const eraseProfile = async (
  ctx: ApiContext,
  profileId: string,
  anonymousIds: string[],
): Promise<Record<string, number>> => {
  const ids = [profileId, ...anonymousIds];
  const active = await ctx.db.enrolments
    .find({ profileId: { $in: ids }, status: "active" }, { projection: { workflowId: 1 } })
    .toArray();
  const workflowIds = [...new Set(active.map((e) => String(e.workflowId)))];
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
  const removed: Record<string, number> = {};
  const del = async (name: string, p: Promise<{ deletedCount: number }>) => {
    removed[name] = (await p).deletedCount;
  };
  await del(
    "events",
    ctx.db.events.deleteMany({
      $or: [{ profileId: { $in: ids } }, { userId: { $in: ids } }, { anonymousId: { $in: ids } }],
    }),
  );
  await del("messages", ctx.db.messages.deleteMany({ profileId: { $in: ids } }));
  await del("enrolments", ctx.db.enrolments.deleteMany({ profileId: { $in: ids } }));
  await del(
    "segmentMemberships",
    ctx.db.segmentMemberships.deleteMany({ profileId: { $in: ids } }),
  );
  await del("profileJourneys", ctx.db.profileJourneys.deleteMany({ _id: { $in: ids } }));
  await del("recentSends", ctx.db.recentSends.deleteMany({ _id: { $in: ids } }));
  await del(
    "identityAliases",
    ctx.db.identityAliases.deleteMany({
      $or: [{ _id: { $in: ids } }, { profileId: { $in: ids } }],
    }),
  );
  await del("linkTokens", ctx.db.linkTokens.deleteMany({ profileId: { $in: ids } }));
  await del(
    "profiles",
    ctx.db.profiles.deleteMany({ $or: [{ _id: { $in: ids } }, { profileId: { $in: ids } }] }),
  );
  // An activity that was in flight when its workflow closed may still have finished its write; sweep once more.
  await sleep(500);
  await ctx.db.enrolments.deleteMany({ profileId: { $in: ids } });
  await ctx.db.messages.deleteMany({ profileId: { $in: ids } });
  await ctx.db.profileJourneys.deleteMany({ _id: { $in: ids } });
  await ctx.db.recentSends.deleteMany({ _id: { $in: ids } });
  return removed;
};
