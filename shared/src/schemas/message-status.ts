import { z } from "zod";

/**
 * Where a message stands. A send moves it from `queued` (or `deferred`, waiting for quiet hours or a cap)
 * to `sent`, `failed` or `suppressed`; provider feedback then moves a sent message forward through
 * `delivered`, `opened`, `clicked` and `replied`.
 */
export const MessageStatus = z.enum([
  "queued",
  "deferred",
  "sent",
  "delivered",
  "opened",
  "clicked",
  "replied",
  "failed",
  "suppressed",
]);
/** A message status. */
export type MessageStatus = z.infer<typeof MessageStatus>;

/**
 * The order of the statuses a message moves through, so late or repeated feedback (a delivery receipt
 * after the open) never moves it back. `failed` and `suppressed` are outside the order (null).
 */
export const MESSAGE_STATUS_RANK: Readonly<Record<MessageStatus, number | null>> = {
  queued: 0,
  deferred: 0,
  sent: 1,
  delivered: 2,
  opened: 3,
  clicked: 4,
  replied: 5,
  failed: null,
  suppressed: null,
};

const rankOf = (status: string): number => {
  const parsed = MessageStatus.safeParse(status);
  return (parsed.success ? MESSAGE_STATUS_RANK[parsed.data] : null) ?? -1;
};

/**
 * Whether feedback reporting `next` moves a message that is `current`: a failure always does,
 * anything else only forward in `MESSAGE_STATUS_RANK`.
 */
export const messageStatusAdvances = (current: string, next: string): boolean =>
  next === "failed" || rankOf(next) > rankOf(current);

const statusSet = (statuses: readonly MessageStatus[]): ReadonlySet<string> => new Set(statuses);

/** Every status past the send attempt: a message in one of these is never sent again. */
export const FINAL_MESSAGE_STATUSES: ReadonlySet<string> = statusSet(
  MessageStatus.options.filter((status) => status !== "queued" && status !== "deferred"),
);

/** Statuses that count as sent: the provider accepted the message (and may have reported more since). */
export const SENT_MESSAGE_STATUSES: ReadonlySet<string> = statusSet([
  "sent",
  "delivered",
  "opened",
  "clicked",
  "replied",
]);

/** Statuses that count as a response: the person opened, clicked or replied (a cascade's default response events). */
export const RESPONDED_MESSAGE_STATUSES: ReadonlySet<string> = statusSet([
  "opened",
  "clicked",
  "replied",
]);
