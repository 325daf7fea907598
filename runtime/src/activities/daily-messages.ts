import { messageFactCounts, type MessageFact, type MessageStatus } from "@omnijourney/shared";
import type { DailyFact } from "@omnijourney/store";
import type { MessageWrite } from "./store.js";

/** The send path writes these outcomes; feedback statuses arrive through the API (services/feedback.ts). */
const sendOutcome = (status: MessageStatus): MessageFact["metric"] =>
  status === "sent" || status === "failed" || status === "suppressed" ? status : "queued";

/** The daily counter fact of a send outcome written to the message log (queued and deferred count nothing). */
export const messageDailyFacts = (write: MessageWrite): DailyFact[] => [
  {
    at: write.sentAt ?? write.at,
    journeyId: write.journeyId,
    nodeId: write.nodeId,
    counts: messageFactCounts({
      metric: sendOutcome(write.status),
      channel: write.channel,
      ...(write.cost !== undefined ? { cost: write.cost } : {}),
      ...(write.reason !== undefined ? { reason: write.reason } : {}),
    }),
  },
];
