import type { TouchingMessage } from "@omnijourney/shared";
import type { Collections } from "../models/index.js";

/** A goal event as attribution reads it. */
export type GoalEvent = { profileId: string; timestamp: Date; properties: Record<string, unknown> };

/** The most goal events one report reads (newest first); a report over more says it is a sample. */
export const ATTRIBUTION_EVENT_LIMIT = 20_000;

/** Events of one name in `[since, until)`, newest first (the `event_1_timestamp_-1` index answers it). */
export const readGoalEvents = (
  models: Collections,
  goal: string,
  since: Date,
  until: Date,
): Promise<GoalEvent[]> =>
  models.events
    .find<GoalEvent>(
      { event: goal, timestamp: { $gte: since, $lt: until } },
      { projection: { _id: 0, profileId: 1, timestamp: 1, properties: 1 } },
    )
    .sort({ timestamp: -1 })
    .limit(ATTRIBUTION_EVENT_LIMIT)
    .toArray();

/** Messages sent to the profiles at or after `since` (touch candidates), the fields attribution reads. */
export const readTouchingMessages = async (
  models: Collections,
  profileIds: readonly string[],
  since: Date,
): Promise<(TouchingMessage & { profileId: string })[]> => {
  const docs = await models.messages
    .find(
      { profileId: { $in: [...profileIds] }, sentAt: { $gte: since } },
      {
        projection: {
          profileId: 1,
          channel: 1,
          journeyId: 1,
          nodeId: 1,
          cost: 1,
          sentAt: 1,
          statusHistory: 1,
        },
      },
    )
    .toArray();
  return docs.map((d) => ({
    id: String(d._id),
    profileId: d.profileId,
    channel: d.channel,
    cost: d.cost,
    sentAt: d.sentAt ?? null,
    statusHistory: d.statusHistory,
    ...(d.journeyId !== undefined ? { journeyId: d.journeyId } : {}),
    ...(d.nodeId !== undefined ? { nodeId: d.nodeId } : {}),
  }));
};
