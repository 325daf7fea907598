import { z } from "zod";

/**
 * Per-channel message content. Every string field is a Liquid template rendered by the runtime; the same
 * schemas serve the message.* nodes and the steps of message.cascade.
 */
const liquid = (max: number) => z.string().max(max);

/** Email content. */
export const EmailContent = z.object({
  subject: liquid(500).min(1),
  body: liquid(200_000).min(1),
  preheader: liquid(500).optional(),
  fromName: liquid(200).optional(),
  replyTo: liquid(320).optional(),
});
/** SMS content. */
export const SmsContent = z.object({ text: liquid(1_600).min(1) });
/** Web push content. */
export const PushContent = z.object({
  title: liquid(200).min(1),
  body: liquid(1_000).min(1),
  url: liquid(2_000).optional(),
});
/** Telegram content. */
export const TelegramContent = z.object({ text: liquid(4_096).min(1) });
/** WhatsApp content (session message text). */
export const WhatsappContent = z.object({ text: liquid(4_096).min(1) });
/** Webhook content: the request the webhook provider makes. */
export const WebhookContent = z.object({
  url: liquid(2_000).min(1),
  method: z.enum(["POST", "PUT", "PATCH", "GET"]).default("POST"),
  body: liquid(100_000).optional(),
});
/** In-app message content. */
export const InappContent = z.object({
  title: liquid(200).min(1),
  body: liquid(5_000).min(1),
  url: liquid(2_000).optional(),
});

export { CONTENT_FIELDS, contentStrings } from "./content-fields.js";
