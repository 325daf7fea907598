import type { Touch } from "./models.js";

/** What attribution reads of a message: where it went, when it was sent, and when (if ever) it was clicked. */
export type TouchingMessage = {
  id?: string;
  channel: string;
  journeyId?: string;
  nodeId?: string;
  cost?: number;
  sentAt?: Date | string | null;
  statusHistory?: readonly { status: string; at: Date | string }[];
};

const STATUSES_THAT_REACHED = new Set(["sent", "delivered", "opened", "clicked", "replied"]);

/**
 * A message's attribution touches (docs/analytics.md, "Attribution"): one touch when it was sent, and one more
 * at its first click. A message that was suppressed, failed before sending, or is still queued touches nobody.
 * The send carries the message's cost; the click carries none, so cost is not counted twice.
 */
export function touchesOfMessage(message: TouchingMessage): Touch[] {
  const history = message.statusHistory ?? [];
  const sentAt = message.sentAt ?? history.find((c) => STATUSES_THAT_REACHED.has(c.status))?.at;
  if (!sentAt) return [];
  const base = {
    channel: message.channel,
    ...(message.id !== undefined ? { messageId: message.id } : {}),
    ...(message.journeyId !== undefined ? { journeyId: message.journeyId } : {}),
    ...(message.nodeId !== undefined ? { nodeId: message.nodeId } : {}),
  };
  const touches: Touch[] = [{ ...base, at: sentAt, cost: message.cost ?? 0 }];
  const click = history.find((c) => c.status === "clicked");
  if (click) touches.push({ ...base, at: click.at, cost: 0 });
  return touches;
}
