import {
  channelMetric,
  eventMetric,
  eventRevenueMetric,
  EVENTS,
  eventRevenue,
  feedbackMetric,
  messageFactCounts,
} from "@omnijourney/shared";
import {
  recordDailyFacts,
  type Collections,
  type EventRecord,
  type MessageRecord,
} from "@omnijourney/store";

/**
 * Workspace daily counters of ingested events: how many, per name, and the revenue they carry (docs/analytics.md).
 * Called by the outbox drain next to the experiment conversions; a drain repeated after a crash counts again.
 */
export const countIngestedEvents = (db: Collections, docs: readonly EventRecord[]): Promise<void> =>
  recordDailyFacts(
    db,
    docs.map((d) => ({
      at: d.timestamp,
      journeyId: "",
      nodeId: "",
      counts: {
        [EVENTS]: 1,
        [eventMetric(d.event)]: 1,
        [eventRevenueMetric(d.event)]: eventRevenue(d.properties),
      },
    })),
  );

const messageNode = (message: MessageRecord) => ({
  journeyId: message.journeyId ?? "",
  nodeId: message.nodeId ?? "",
});

/** Counts feedback on a message (delivered, opened, clicked, replied, bounced) the first time it has that status. */
export const countMessageFeedback = async (
  db: Collections,
  message: MessageRecord,
  status: string,
  at: Date,
): Promise<void> => {
  // A message stored without a history (written by an older version, or partially) has had no feedback yet.
  const metric = feedbackMetric(status, message.statusHistory ?? []);
  if (!metric) return;
  await recordDailyFacts(db, [
    {
      at,
      ...messageNode(message),
      counts: messageFactCounts({ metric, channel: message.channel }),
    },
  ]);
};

/** Counts an unsubscribe from a message (once: the caller only calls for a profile still subscribed). */
export const countUnsubscribe = (
  db: Collections,
  message: MessageRecord,
  at: Date,
): Promise<void> =>
  recordDailyFacts(db, [
    {
      at,
      ...messageNode(message),
      counts: { [channelMetric("unsubscribed", message.channel)]: 1 },
    },
  ]);
