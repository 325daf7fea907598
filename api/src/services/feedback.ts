import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { randomUUID } from "node:crypto";
import { ObjectId, type Document } from "mongodb";
import { messageStatusAdvances } from "@omnijourney/shared";
import type { ApiContext } from "../context.js";
import { storeEvents } from "../ingestion/ingest.js";

/**
 * The workspace secret that signs unsubscribe links (and anything else sent out that must not be forged).
 * Stored on the settings document as `trackingSecret`, created on first use; the runtime reads the same field.
 */
export const trackingSecret = async (ctx: ApiContext): Promise<string> => {
  const existing = await ctx.db.settings.findOne({ _id: "workspace" } as Document);
  if (typeof existing?.trackingSecret === "string") return existing.trackingSecret;
  const secret = randomBytes(32).toString("base64url");
  await ctx.db.settings
    .updateOne(
      { _id: "workspace", trackingSecret: { $exists: false } } as Document,
      { $set: { trackingSecret: secret } },
      { upsert: true },
    )
    .catch(() => undefined);
  const stored = await ctx.db.settings.findOne({ _id: "workspace" } as Document);
  return typeof stored?.trackingSecret === "string" ? stored.trackingSecret : secret;
};

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

export const findMessage = async (ctx: ApiContext, id: string): Promise<Document | null> => {
  if (!/^[0-9a-f]{24}$/i.test(id)) return null;
  return ctx.db.messages.findOne({ _id: new ObjectId(id) });
};

/** Message statuses only move forward (an open after a click does not demote it). */
export const advanceMessage = async (
  ctx: ApiContext,
  message: Document,
  status: string,
  reason?: string,
): Promise<void> => {
  const now = new Date();
  const change = { status, at: now, ...(reason ? { reason } : {}) };
  const current = String(message.status ?? "");
  const moves = messageStatusAdvances(current, status);
  // why: the driver's PushOperator typing cannot see the Mixed `statusHistory` array of an untyped collection
  const push = { $push: { statusHistory: change } } as Document;
  await ctx.db.messages.updateOne(
    { _id: message._id },
    moves ? { ...push, $set: { status, updatedAt: now } } : push,
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
export const messageProperties = (m: Document): Record<string, unknown> => ({
  messageId: String(m._id),
  channel: m.channel ?? null,
  journeyId: m.journeyId ?? null,
  nodeId: m.nodeId ?? null,
});
