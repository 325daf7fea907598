import type { ApiContext } from "../context.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Erases a person: running enrolments are cancelled first (so no workflow writes about them afterwards),
 * then every document that names the profile or one of its ids goes, in every collection the API knows.
 */
export const eraseProfile = async (ctx: ApiContext, profileId: string, anonymousIds: string[]): Promise<Record<string, number>> => {
  await ctx.runtime.cancelEnrolments({ profileId });
  // Cancellation is asynchronous; give the workflows a moment to record their end before the rows go.
  for (let i = 0; i < 50; i++) {
    const active = await ctx.db.enrolments.countDocuments({ profileId, status: "active" });
    if (active === 0) break;
    await sleep(100);
  }
  const ids = [profileId, ...anonymousIds];
  const removed: Record<string, number> = {};
  const del = async (name: string, p: Promise<{ deletedCount: number }>) => {
    removed[name] = (await p).deletedCount;
  };
  await del("events", ctx.db.events.deleteMany({ $or: [{ profileId: { $in: ids } }, { userId: { $in: ids } }, { anonymousId: { $in: ids } }] }));
  await del("messages", ctx.db.messages.deleteMany({ profileId: { $in: ids } }));
  await del("enrolments", ctx.db.enrolments.deleteMany({ profileId: { $in: ids } }));
  await del("segmentMemberships", ctx.db.segmentMemberships.deleteMany({ profileId: { $in: ids } }));
  await del("linkTokens", ctx.db.linkTokens.deleteMany({ profileId: { $in: ids } }));
  await del("profiles", ctx.db.profiles.deleteMany({ profileId: { $in: ids } }));
  return removed;
};
