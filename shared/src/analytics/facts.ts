import {
  channelMetric,
  costMetric,
  suppressedReasonMetric,
  type MessageMetric,
} from "./metrics.js";

/** A message fact to count: a send outcome (sent, failed, suppressed) or feedback on a sent message. */
export type MessageFact = {
  metric: MessageMetric | "queued" | "deferred";
  channel: string;
  cost?: number;
  reason?: string;
};

/**
 * The daily counter increments of one message fact (docs/analytics.md): the metric on its channel, the cost of a
 * send on its channel, a suppression's reason. Queued and deferred are passing states and count nothing.
 */
export function messageFactCounts(fact: MessageFact): Record<string, number> {
  switch (fact.metric) {
    case "queued":
    case "deferred":
      return {};
    case "sent":
      return {
        [channelMetric("sent", fact.channel)]: 1,
        [costMetric(fact.channel)]: fact.cost ?? 0,
      };
    case "suppressed":
      return {
        [channelMetric("suppressed", fact.channel)]: 1,
        [suppressedReasonMetric(fact.reason ?? "unknown")]: 1,
      };
    default:
      return { [channelMetric(fact.metric, fact.channel)]: 1 };
  }
}

/**
 * The message metric of feedback that moved a message to `status`: a failure reported after the message went out
 * is a bounce; repeated feedback of a status the message already had counts nothing (null).
 */
export function feedbackMetric(
  status: string,
  history: readonly { status: string }[],
): MessageMetric | null {
  if (history.some((change) => change.status === status)) return null;
  switch (status) {
    case "delivered":
    case "opened":
    case "clicked":
    case "replied":
      return status;
    case "failed":
      return "bounced";
    default:
      return null;
  }
}

/** The event properties read, in this order, for the revenue an event carries (the first finite number wins). */
export const REVENUE_PROPERTIES = ["revenue", "value", "total", "amount"] as const;

/** The revenue an event carries in the workspace trend and attribution (0 when none of the properties is a number). */
export function eventRevenue(properties: Readonly<Record<string, unknown>>): number {
  for (const name of REVENUE_PROPERTIES) {
    const raw = properties[name];
    if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  }
  return 0;
}
