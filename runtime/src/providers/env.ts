import type { z } from "zod";
import {
  InAppProviderSettings,
  SmtpProviderSettings,
  TelegramProviderSettings,
  TwilioProviderSettings,
  WebhookProviderSettings,
  WebPushProviderSettings,
  WhatsAppProviderSettings,
  ProviderSettings,
} from "./settings.js";
import type { Channel } from "@omnijourney/shared";

export type ProviderConfigIssue = { variable: string; message: string };

/** Thrown by `providerSettingsFromEnv`; every issue names the environment variable to fix. */
export class ProviderConfigError extends Error {
  constructor(readonly issues: ProviderConfigIssue[]) {
    super(
      `Invalid provider configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n")}`,
    );
    this.name = "ProviderConfigError";
  }
}

type FieldKind = "string" | "int" | "bool";
type ChannelEnv = {
  /** e.g. SMS_PROVIDER: the provider's name or "sandbox". */
  selector: string;
  provider: string;
  schema: z.ZodType;
  /** Settings field → environment variable. Setting any of them selects the provider. */
  fields: Record<string, { variable: string; kind: FieldKind }>;
};

const s = (variable: string) => ({ variable, kind: "string" as const });
const int = (variable: string) => ({ variable, kind: "int" as const });
const bool = (variable: string) => ({ variable, kind: "bool" as const });

/** The one table of provider environment variables (docs/providers.md lists the same). */
export const PROVIDER_ENV: Record<Channel, ChannelEnv> = {
  email: {
    selector: "EMAIL_PROVIDER",
    provider: "smtp",
    schema: SmtpProviderSettings,
    fields: {
      url: s("SMTP_URL"),
      from: s("EMAIL_FROM"),
      pool: bool("SMTP_POOL"),
      timeoutMs: int("SMTP_TIMEOUT_MS"),
    },
  },
  sms: {
    selector: "SMS_PROVIDER",
    provider: "twilio",
    schema: TwilioProviderSettings,
    fields: {
      accountSid: s("TWILIO_ACCOUNT_SID"),
      authToken: s("TWILIO_AUTH_TOKEN"),
      from: s("TWILIO_FROM"),
      messagingServiceSid: s("TWILIO_MESSAGING_SERVICE_SID"),
      baseUrl: s("TWILIO_BASE_URL"),
      statusCallbackUrl: s("TWILIO_STATUS_CALLBACK_URL"),
    },
  },
  whatsapp: {
    selector: "WHATSAPP_PROVIDER",
    provider: "cloud-api",
    schema: WhatsAppProviderSettings,
    fields: {
      token: s("WHATSAPP_TOKEN"),
      phoneNumberId: s("WHATSAPP_PHONE_NUMBER_ID"),
      baseUrl: s("WHATSAPP_BASE_URL"),
      apiVersion: s("WHATSAPP_API_VERSION"),
      appSecret: s("WHATSAPP_APP_SECRET"),
      verifyToken: s("WHATSAPP_VERIFY_TOKEN"),
    },
  },
  telegram: {
    selector: "TELEGRAM_PROVIDER",
    provider: "bot-api",
    schema: TelegramProviderSettings,
    fields: {
      botToken: s("TELEGRAM_BOT_TOKEN"),
      baseUrl: s("TELEGRAM_BASE_URL"),
      defaultParseMode: s("TELEGRAM_PARSE_MODE"),
      webhookSecret: s("TELEGRAM_WEBHOOK_SECRET"),
    },
  },
  push: {
    selector: "PUSH_PROVIDER",
    provider: "web-push",
    schema: WebPushProviderSettings,
    fields: {
      vapidPublicKey: s("VAPID_PUBLIC_KEY"),
      vapidPrivateKey: s("VAPID_PRIVATE_KEY"),
      vapidSubject: s("VAPID_SUBJECT"),
      ttlSeconds: int("PUSH_TTL_SECONDS"),
    },
  },
  webhook: {
    selector: "WEBHOOK_PROVIDER",
    provider: "http",
    schema: WebhookProviderSettings,
    fields: {
      signingSecret: s("WEBHOOK_SIGNING_SECRET"),
      timeoutMs: int("WEBHOOK_TIMEOUT_MS"),
      maxAttempts: int("WEBHOOK_MAX_ATTEMPTS"),
      backoffMs: int("WEBHOOK_BACKOFF_MS"),
    },
  },
  inapp: {
    selector: "INAPP_PROVIDER",
    provider: "store",
    schema: InAppProviderSettings,
    fields: {},
  },
};

function convert(
  value: string,
  kind: FieldKind,
): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (kind) {
    case "string":
      return { ok: true, value };
    case "int":
      return /^\d+$/.test(value)
        ? { ok: true, value: Number(value) }
        : { ok: false, message: `must be a whole number, got "${value}"` };
    case "bool":
      if (/^(true|1|yes)$/i.test(value)) return { ok: true, value: true };
      if (/^(false|0|no)$/i.test(value)) return { ok: true, value: false };
      return { ok: false, message: `must be true or false, got "${value}"` };
  }
}

/**
 * Reads provider settings from the environment, one variable per setting. A channel whose
 * `<CHANNEL>_PROVIDER` is unset uses its real provider as soon as any of that provider's variables
 * is set (so a half-configured provider is an error, never a silent sandbox), and is otherwise left
 * out for `createProviders` to default. Empty variables count as unset.
 */
export function providerSettingsFromEnv(
  env: Record<string, string | undefined> = process.env,
): ProviderSettings {
  const issues: ProviderConfigIssue[] = [];
  const settings: Record<string, unknown> = {};
  for (const [channel, spec] of Object.entries(PROVIDER_ENV)) {
    const read = (variable: string) => {
      const value = env[variable]?.trim();
      return value ? value : undefined;
    };
    const selected = read(spec.selector);
    const anyField = Object.values(spec.fields).some((f) => read(f.variable) !== undefined);
    if (selected !== undefined && selected !== spec.provider && selected !== "sandbox") {
      issues.push({
        variable: spec.selector,
        message: `must be "${spec.provider}" or "sandbox", got "${selected}"`,
      });
      continue;
    }
    if (selected === "sandbox") {
      settings[channel] = { provider: "sandbox" };
      continue;
    }
    if (selected === undefined && !anyField) continue;
    const raw: Record<string, unknown> = { provider: spec.provider };
    for (const [field, { variable, kind }] of Object.entries(spec.fields)) {
      const value = read(variable);
      if (value === undefined) continue;
      const converted = convert(value, kind);
      if (converted.ok) raw[field] = converted.value;
      else issues.push({ variable, message: converted.message });
    }
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) {
      settings[channel] = parsed.data;
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const variable = spec.fields[field]?.variable ?? spec.selector;
      const missing = raw[field] === undefined;
      issues.push({
        variable,
        message:
          missing && issue.code === "invalid_type"
            ? `is required when ${channel} uses ${spec.provider}`
            : issue.message,
      });
    }
  }
  if (issues.length > 0) throw new ProviderConfigError(issues);
  // Each entry already passed its channel's schema; this parse only assembles the typed whole.
  return ProviderSettings.parse(settings);
}
