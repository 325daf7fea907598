import type { ApiContext } from "../context.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Erases a person: running enrolments are cancelled first (so no workflow writes about them afterwards),
 * then every document that names the profile or one of its ids goes, in every collection the API knows.
 */
export const eraseProfile = async (ctx: ApiContext, profileId: string, anonymousIds: string[]): Promise<Record<string, number>> => {
  const ids = [profileId, ...anonymousIds];
  const active = await ctx.db.enrolments.find({ profileId: { $in: ids }, status: "active" }, { projection: { workflowId: 1 } }).toArray();
  // A workflow that already ended cannot be cancelled; that is fine, it writes nothing more.
  await Promise.allSettled([...new Set(active.map((e) => String(e.workflowId)))].map((id) => ctx.temporal.workflow.getHandle(id).cancel()));
  // Cancellation is asynchronous; give the workflows a moment to record their end before the rows go.
  for (let i = 0; i < 50; i++) {
    const still = await ctx.db.enrolments.countDocuments({ profileId: { $in: ids }, status: "active" });
    if (still === 0) break;
    await sleep(100);
  }
  const removed: Record<string, number> = {};
  const del = async (name: string, p: Promise<{ deletedCount: number }>) => {
    removed[name] = (await p).deletedCount;
  };
  await del("events", ctx.db.events.deleteMany({ $or: [{ profileId: { $in: ids } }, { userId: { $in: ids } }, { anonymousId: { $in: ids } }] }));
  await del("messages", ctx.db.messages.deleteMany({ profileId: { $in: ids } }));
  await del("enrolments", ctx.db.enrolments.deleteMany({ profileId: { $in: ids } }));
  await del("segmentMemberships", ctx.db.segmentMemberships.deleteMany({ profileId: { $in: ids } }));
  await del("linkTokens", ctx.db.linkTokens.deleteMany({ profileId: { $in: ids } }));
  await del("profiles", ctx.db.profiles.deleteMany({ $or: [{ _id: { $in: ids } }, { profileId: { $in: ids } }] }));
  return removed;
};
