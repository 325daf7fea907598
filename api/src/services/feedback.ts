import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { randomUUID } from "node:crypto";
import { messageStatusAdvances, type MessageStatus } from "@omnijourney/shared";
import {
  appendMessageStatus,
  ensureTrackingSecret,
  findMessageById,
  type MessageRecord,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { storeEvents } from "../ingestion/ingest.js";

/**
 * The workspace secret that signs unsubscribe links (and anything else sent out that must not be forged).
 * Stored on the settings document as `trackingSecret`, created on first use; the runtime reads the same field.
 */
export const trackingSecret = (ctx: ApiContext): Promise<string> =>
  ensureTrackingSecret(ctx.db, () => randomBytes(32).toString("base64url"));

/** `<messageId>.<signature>`: the unsubscribe token placed in List-Unsubscribe headers and footers. */
export const unsubscribeToken = (secret: string, messageId: string): string =>
  `${messageId}.${createHmac("sha256", secret).update(`unsubscribe:${messageId}`).digest("base64url").slice(0, 32)}`;

/** The URLs the API answers for a sent message: one-click unsubscribe, open pixel, click redirect. */
export type TrackingLinks = {
  unsubscribeUrl(input: { messageId: string }): string;
  openPixelUrl(messageId: string): string;
  clickUrl(messageId: string, url: string): string;
};

export const trackingLinks = (publicUrl: string, secret: string): TrackingLinks => ({
  unsubscribeUrl: ({ messageId }) =>
    `${publicUrl}/unsubscribe/${unsubscribeToken(secret, messageId)}`,
  openPixelUrl: (messageId) => `${publicUrl}/t/o/${messageId}.gif`,
  clickUrl: (messageId, url) => `${publicUrl}/t/c/${messageId}?url=${encodeURIComponent(url)}`,
});

export const verifyUnsubscribeToken = (secret: string, token: string): string | null => {
  const [messageId = "", sig = ""] = token.split(".");
  const expected = unsubscribeToken(secret, messageId).split(".")[1] ?? "";
  const a = Buffer.from(sig);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? messageId : null;
};

/** A message by its public id; null for an id that names none. */
export const findMessage = (ctx: ApiContext, id: string): Promise<MessageRecord | null> =>
  findMessageById(ctx.db, id);

/** Message statuses only move forward (an open after a click does not demote it); the history keeps every change. */
export const advanceMessage = async (
  ctx: ApiContext,
  message: MessageRecord,
  status: MessageStatus,
  reason?: string,
): Promise<void> => {
  const change = { status, at: new Date(), ...(reason ? { reason } : {}) };
  await appendMessageStatus(
    ctx.db,
    message._id,
    change,
    messageStatusAdvances(message.status, status),
  );
};

/** Stores a feedback event (open, click, reply, delivery, unsubscribe) on a known profile and fans it out like any other. */
export const recordEvent = async (
  ctx: ApiContext,
  input: {
    profileId: string;
    event: string;
    properties: Record<string, unknown>;
    messageId?: string;
    source: "tracking" | "webhook" | "api";
  },
): Promise<void> => {
  const now = new Date();
  const { stored } = await storeEvents(
    ctx.db,
    [
      {
        messageId: input.messageId ?? `${input.source}-${randomUUID()}`,
        type: "track",
        event: input.event,
        profileId: input.profileId,
        userId: null,
        anonymousId: null,
        properties: input.properties,
        context: {},
        timestamp: now,
        originalTimestamp: null,
        sentAt: null,
        receivedAt: now,
      },
    ],
    input.source,
    await ctx.fanout.counterFilters(),
  );
  ctx.fanout.kick(stored);
};

/** The properties every message feedback event carries. */
export const messageProperties = (m: MessageRecord): Record<string, unknown> => ({
  messageId: String(m._id),
  channel: m.channel ?? null,
  journeyId: m.journeyId ?? null,
  nodeId: m.nodeId ?? null,
});
