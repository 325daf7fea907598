import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { MESSAGE_EVENTS, type MessageStatus } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";
import { rawBodyOf } from "../http/raw-body.js";
import { AppError } from "../errors.js";
import type { ApiContext } from "../context.js";
import { advanceMessage, messageProperties, recordEvent } from "../services/feedback.js";
import {
  findMessageByProviderId,
  profileByAddress,
  readWorkspaceSettings,
  redeemLinkToken,
  updateProfile,
} from "@omnijourney/store";

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A provider setting from the workspace settings (`providers.<channel>.<name>`, flat), or the environment. */
const providerOption = async (
  ctx: ApiContext,
  channel: string,
  name: string,
  envName: string,
): Promise<string | null> => {
  const settings = await readWorkspaceSettings(ctx.db);
  const providers = (settings?.providers ?? {}) as Record<
    string,
    Record<string, unknown> | undefined
  >; // why: Mixed provider map
  const value = providers[channel]?.[name];
  if (typeof value === "string" && value !== "") return value;
  return process.env[envName] ?? null;
};

/** A delivery that does not prove it comes from the provider: 401, before anything is read or stored. */
const forbidden = (what: string) =>
  new AppError(401, "invalid_signature", `The ${what} signature or secret is missing or wrong`, {
    fields: ["headers"],
  });

const TelegramUpdate = z.object({
  update_id: z.number().int(),
  message: z
    .object({
      message_id: z.number().int(),
      chat: z.object({ id: z.union([z.number().int(), z.string().max(100)]) }),
      text: z.string().max(4096).optional(),
    })
    .optional(),
});

/**
 * Telegram Bot API updates. `/start <token>` (the deep link a profile was given) links the chat to that
 * profile; any other text from a linked chat becomes `message_replied`. Verified by Telegram's secret header.
 */
export const telegramWebhook = endpoint({
  method: "post",
  path: "/webhooks/telegram",
  summary: "Inbound Telegram updates (secret header X-Telegram-Bot-Api-Secret-Token)",
  tags: ["webhooks"],
  auth: "none",
  role: "public",
  body: TelegramUpdate,
  response: z.object({ ok: z.boolean(), linked: z.string().optional() }),
  handler: async ({ body }, { app, req }) => {
    const secret = await providerOption(
      app,
      "telegram",
      "webhookSecret",
      "TELEGRAM_WEBHOOK_SECRET",
    );
    const given = req.headers["x-telegram-bot-api-secret-token"];
    if (!secret || typeof given !== "string" || !same(given, secret)) throw forbidden("Telegram");
    const message = body.message;
    if (!message?.text) return { ok: true };
    const chatId = String(message.chat.id);
    const start = /^\/start(?:@\w+)?\s+([\w-]{8,128})\s*$/.exec(message.text);
    if (start?.[1]) {
      const token = await redeemLinkToken(app.db, start[1], "telegram");
      if (!token) return { ok: true };
      const profileId = token.profileId;
      await updateProfile(app.db, profileId, {
        set: { "attributes.telegramChatId": chatId, updatedAt: new Date() },
      });
      await recordEvent(app, {
        profileId,
        event: "telegram_linked",
        properties: { chatId },
        source: "webhook",
        messageId: `telegram-${body.update_id}`,
      });
      return { ok: true, linked: profileId };
    }
    const profile = await profileByAddress(app.db, "telegramChatId", chatId);
    if (profile) {
      await recordEvent(app, {
        profileId: profile.profileId,
        event: MESSAGE_EVENTS.replied,
        properties: { channel: "telegram", text: message.text },
        source: "webhook",
        messageId: `telegram-${body.update_id}`,
      });
    }
    return { ok: true };
  },
});

/** Twilio's request signature: HMAC-SHA1 over the full URL and the sorted form parameters, base64. */
export const twilioSignature = (
  authToken: string,
  url: string,
  params: Record<string, string>,
): string =>
  createHmac("sha1", authToken)
    .update(
      url +
        Object.keys(params)
          .sort()
          .map((k) => k + params[k])
          .join(""),
    )
    .digest("base64");

/** Twilio's delivery statuses that move a message on, and the status each becomes. */
const TWILIO_STATUSES: Partial<Record<string, MessageStatus>> = {
  delivered: "delivered",
  undelivered: "failed",
  failed: "failed",
};

const TwilioForm = z.record(z.string().max(100), z.string().max(5000));

/** Twilio-compatible SMS (and WhatsApp via Twilio): inbound replies and delivery status callbacks. */
export const twilioWebhook = endpoint({
  method: "post",
  path: "/webhooks/twilio",
  summary: "Inbound SMS and delivery callbacks (X-Twilio-Signature)",
  tags: ["webhooks"],
  auth: "none",
  role: "public",
  body: TwilioForm,
  raw: { contentType: "text/xml", description: "Empty TwiML response" },
  handler: async ({ body }, { app, req, res }) => {
    const authToken = await providerOption(app, "sms", "authToken", "TWILIO_AUTH_TOKEN");
    const given = req.headers["x-twilio-signature"];
    const url = `${app.config.publicUrl}${req.originalUrl}`;
    if (
      !authToken ||
      typeof given !== "string" ||
      !same(given, twilioSignature(authToken, url, body))
    )
      throw forbidden("Twilio");
    const sid = body.MessageSid ?? body.SmsSid;
    if (body.MessageStatus && sid) {
      const message = await findMessageByProviderId(app.db, sid);
      const status = TWILIO_STATUSES[body.MessageStatus];
      if (message && status) {
        await advanceMessage(
          app,
          message,
          status,
          body.ErrorCode ? `provider error ${body.ErrorCode}` : undefined,
        );
        if (status === "delivered") {
          await recordEvent(app, {
            profileId: message.profileId,
            event: MESSAGE_EVENTS.delivered,
            properties: messageProperties(message),
            source: "webhook",
            messageId: `twilio-${sid}-delivered`,
          });
        }
      }
    } else if (body.From && body.Body !== undefined) {
      const channel = body.From.startsWith("whatsapp:") ? "whatsapp" : "sms";
      const phone = body.From.replace(/^whatsapp:/, "");
      const profile = await profileByAddress(app.db, "phone", phone);
      if (profile) {
        await recordEvent(app, {
          profileId: profile.profileId,
          event: MESSAGE_EVENTS.replied,
          properties: { channel, text: body.Body, from: phone },
          source: "webhook",
          ...(sid ? { messageId: `twilio-${sid}` } : {}),
        });
      }
    }
    res.type("text/xml").send("<Response></Response>");
  },
});

const WhatsAppPayload = z.object({
  object: z.string().max(100).optional(),
  entry: z
    .array(
      z.object({
        changes: z
          .array(
            z.object({
              value: z.object({
                messages: z
                  .array(
                    z.object({
                      from: z.string().max(50),
                      id: z.string().max(200),
                      text: z.object({ body: z.string().max(5000) }).optional(),
                    }),
                  )
                  .max(100)
                  .optional(),
                statuses: z
                  .array(z.object({ id: z.string().max(200), status: z.string().max(50) }))
                  .max(100)
                  .optional(),
              }),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
});

/** WhatsApp Cloud API's message statuses that move a message on, and the status each becomes. */
const WHATSAPP_STATUSES: Partial<Record<string, MessageStatus>> = {
  delivered: "delivered",
  read: "opened",
  failed: "failed",
};

/** WhatsApp Cloud API: the verification handshake. */
export const whatsappVerify = endpoint({
  method: "get",
  path: "/webhooks/whatsapp",
  summary: "WhatsApp Cloud API webhook verification",
  tags: ["webhooks"],
  auth: "none",
  role: "public",
  query: z.object({
    "hub.mode": z.literal("subscribe"),
    "hub.verify_token": z.string().max(200),
    "hub.challenge": z.string().max(200),
  }),
  raw: { contentType: "text/plain", description: "The challenge" },
  handler: async ({ query }, { app, res }) => {
    const token = await providerOption(app, "whatsapp", "verifyToken", "WHATSAPP_VERIFY_TOKEN");
    if (!token || !same(query["hub.verify_token"], token)) throw forbidden("WhatsApp verify token");
    res.type("text/plain").send(query["hub.challenge"]);
  },
});

/** WhatsApp Cloud API: inbound messages → `message_replied`; statuses advance the message. Signed with the app secret. */
export const whatsappWebhook = endpoint({
  method: "post",
  path: "/webhooks/whatsapp",
  summary: "Inbound WhatsApp messages and statuses (X-Hub-Signature-256)",
  tags: ["webhooks"],
  auth: "none",
  role: "public",
  body: WhatsAppPayload,
  response: z.object({ ok: z.boolean() }),
  handler: async ({ body }, { app, req }) => {
    const secret = await providerOption(app, "whatsapp", "appSecret", "WHATSAPP_APP_SECRET");
    const given = req.headers["x-hub-signature-256"];
    const expected = secret
      ? `sha256=${createHmac("sha256", secret).update(rawBodyOf(req)).digest("hex")}`
      : "";
    if (!secret || typeof given !== "string" || !same(given, expected)) throw forbidden("WhatsApp");
    for (const change of body.entry.flatMap((e) => e.changes)) {
      for (const m of change.value.messages ?? []) {
        const phone = m.from.startsWith("+") ? m.from : `+${m.from}`;
        const profile = await profileByAddress(app.db, "phone", [phone, m.from]);
        if (profile) {
          await recordEvent(app, {
            profileId: profile.profileId,
            event: MESSAGE_EVENTS.replied,
            properties: { channel: "whatsapp", text: m.text?.body ?? "" },
            source: "webhook",
            messageId: `whatsapp-${m.id}`,
          });
        }
      }
      for (const s of change.value.statuses ?? []) {
        const message = await findMessageByProviderId(app.db, s.id);
        const status = WHATSAPP_STATUSES[s.status];
        if (message && status) await advanceMessage(app, message, status);
      }
    }
    return { ok: true };
  },
});

export const webhookEndpoints = [telegramWebhook, twilioWebhook, whatsappVerify, whatsappWebhook];
