import { z } from "zod";

/**
 * The workspace's choice of provider per channel, as stored in Settings and produced from the
 * environment by `providerSettingsFromEnv`. A channel left out falls back to the default:
 * email → SMTP at the worker's `smtpUrl`, in-app → the store when one is injected, everything
 * else → sandbox.
 */
const Sandbox = z.object({ provider: z.literal("sandbox") });
const httpUrl = z.url({ protocol: /^https?$/ });

export const SmtpProviderSettings = z.object({
  provider: z.literal("smtp"),
  /** Absent: the worker's relay (`smtpUrl`, MailDev in development). */
  url: z.url({ protocol: /^smtps?$/ }).optional(),
  from: z.string().min(3).default("Omnijourney <no-reply@omnijourney.local>"),
  pool: z.boolean().default(true),
  timeoutMs: z.number().int().positive().default(30_000),
});

export const TwilioProviderSettings = z
  .object({
    provider: z.literal("twilio"),
    accountSid: z.string().min(1),
    authToken: z.string().min(1),
    from: z.string().min(1).optional(),
    messagingServiceSid: z.string().min(1).optional(),
    baseUrl: httpUrl.default("https://api.twilio.com"),
    statusCallbackUrl: httpUrl.optional(),
  })
  .refine((s) => s.from !== undefined || s.messagingServiceSid !== undefined, {
    message: "needs a sender: from or messagingServiceSid",
    path: ["from"],
    // Also report a missing sender when other fields are invalid, so one run lists every problem.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });

export const WhatsAppProviderSettings = z.object({
  provider: z.literal("cloud-api"),
  token: z.string().min(1),
  phoneNumberId: z.string().regex(/^\d+$/, "a numeric phone number id"),
  baseUrl: httpUrl.default("https://graph.facebook.com"),
  apiVersion: z
    .string()
    .regex(/^\d+\.\d+$/, 'a Graph API version like "21.0"')
    .default("21.0"),
  /** Meta app secret: verifies inbound webhooks (X-Hub-Signature-256). */
  appSecret: z.string().min(1).optional(),
  /** Echoed by Meta's subscription handshake (hub.verify_token). */
  verifyToken: z.string().min(1).optional(),
});

export const TelegramProviderSettings = z.object({
  provider: z.literal("bot-api"),
  botToken: z.string().regex(/^\d+:[\w-]+$/, 'a bot token like "123456:ABC-DEF..."'),
  baseUrl: httpUrl.default("https://api.telegram.org"),
  defaultParseMode: z.enum(["HTML", "MarkdownV2"]).optional(),
  /** `secret_token` given to setWebhook; Telegram echoes it in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -). */
  webhookSecret: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
});

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "URL-safe base64 without padding")
    .refine(
      (value) => Buffer.from(value, "base64url").length === bytes,
      `${bytes} bytes once decoded`,
    );

export const WebPushProviderSettings = z.object({
  provider: z.literal("web-push"),
  vapidPublicKey: base64url(65),
  vapidPrivateKey: base64url(32),
  vapidSubject: z.string().regex(/^(mailto:|https:\/\/)/, "a mailto: or https: URL"),
  ttlSeconds: z.number().int().min(0).default(86_400),
});

export const WebhookProviderSettings = z.object({
  provider: z.literal("http"),
  signingSecret: z.string().min(16, "at least 16 characters"),
  timeoutMs: z.number().int().positive().default(10_000),
  maxAttempts: z.number().int().min(1).max(10).default(4),
  backoffMs: z.number().int().min(0).default(500),
});

export const InAppProviderSettings = z.object({ provider: z.literal("store") });

export const ProviderSettings = z.object({
  email: z.discriminatedUnion("provider", [SmtpProviderSettings, Sandbox]).optional(),
  sms: z.discriminatedUnion("provider", [TwilioProviderSettings, Sandbox]).optional(),
  whatsapp: z.discriminatedUnion("provider", [WhatsAppProviderSettings, Sandbox]).optional(),
  telegram: z.discriminatedUnion("provider", [TelegramProviderSettings, Sandbox]).optional(),
  push: z.discriminatedUnion("provider", [WebPushProviderSettings, Sandbox]).optional(),
  webhook: z.discriminatedUnion("provider", [WebhookProviderSettings, Sandbox]).optional(),
  inapp: z.discriminatedUnion("provider", [InAppProviderSettings, Sandbox]).optional(),
});
export type ProviderSettings = z.infer<typeof ProviderSettings>;
/** What callers may pass (defaults not yet applied). */
export type ProviderSettingsInput = z.input<typeof ProviderSettings>;
