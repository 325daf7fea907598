import { z } from "zod";
import { endpoint } from "../http/endpoint.js";
import { AppError } from "../errors.js";
import {
  findMessage,
  messageProperties,
  recordEvent,
  trackingSecret,
  verifyUnsubscribeToken,
} from "../services/feedback.js";
import type { ApiContext } from "../context.js";
import type { ChannelConsent } from "@omnijourney/shared";
import { profileById, updateProfile, type MessageRecord } from "@omnijourney/store";

const Params = z.object({ token: z.string().min(1).max(200) });

const resolve = async (ctx: ApiContext, token: string): Promise<MessageRecord> => {
  const messageId = verifyUnsubscribeToken(await trackingSecret(ctx), token);
  const message = messageId ? await findMessage(ctx, messageId) : null;
  if (!message)
    throw new AppError(404, "invalid_token", "This unsubscribe link is not valid", {
      fields: ["params.token"],
    });
  return message;
};

/** Marketing consent for the message's channel becomes `unsubscribed`, with source and time; an event records it. */
const unsubscribe = async (
  ctx: ApiContext,
  message: MessageRecord,
  source: string,
): Promise<void> => {
  const profileId = message.profileId;
  const channel = message.channel;
  const profile = await profileById(ctx.db, profileId);
  if (!profile) return;
  const now = new Date();
  const current: ChannelConsent = profile.consent?.[channel] ?? {
    marketing: "unknown",
    transactional: "unknown",
    history: [],
  };
  if (current.marketing === "unsubscribed") return;
  const next = {
    ...current,
    marketing: "unsubscribed",
    history: [
      ...(current.history ?? []),
      { category: "marketing", status: "unsubscribed", source, at: now },
    ],
  };
  await updateProfile(ctx.db, profileId, {
    set: { [`consent.${channel}`]: next, updatedAt: now },
  });
  await recordEvent(ctx, {
    profileId,
    event: "unsubscribed",
    properties: { ...messageProperties(message), category: "marketing" },
    source: "tracking",
  });
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style></head><body>${body}</body></html>`;

/** The link in the message footer: a confirmation page (mail scanners follow GET links, so GET never unsubscribes). */
export const unsubscribePage = endpoint({
  method: "get",
  path: "/unsubscribe/:token",
  summary: "Unsubscribe confirmation page",
  tags: ["tracking"],
  auth: "none",
  role: "public",
  params: Params,
  raw: { contentType: "text/html", description: "A page with a confirmation button" },
  handler: async ({ params }, { app, res }) => {
    const message = await resolve(app, params.token);
    res
      .type("html")
      .send(
        page(
          "Unsubscribe",
          `<h1>Unsubscribe</h1><p>Stop receiving marketing messages on ${String(message.channel)}?</p><form method="post"><button type="submit">Unsubscribe</button></form>`,
        ),
      );
  },
});

/** RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click`; the confirmation form posts here too. */
export const unsubscribeOneClick = endpoint({
  method: "post",
  path: "/unsubscribe/:token",
  summary: "One-click unsubscribe (RFC 8058)",
  tags: ["tracking"],
  auth: "none",
  role: "public",
  params: Params,
  raw: { contentType: "text/html", description: "Confirmation" },
  handler: async ({ params }, { app, req, res }) => {
    const message = await resolve(app, params.token);
    const body: unknown = req.body;
    const oneClick = typeof body === "object" && body !== null && "List-Unsubscribe" in body;
    await unsubscribe(app, message, oneClick ? "list-unsubscribe" : "unsubscribe-page");
    res
      .type("html")
      .send(
        page(
          "Unsubscribed",
          "<h1>You are unsubscribed</h1><p>You will not receive marketing messages on this channel any more.</p>",
        ),
      );
  },
});

export const unsubscribeEndpoints = [unsubscribePage, unsubscribeOneClick];
