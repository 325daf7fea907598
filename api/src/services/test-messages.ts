import { randomUUID } from "node:crypto";
import type { Channel, TestMessage, TestRecipients, TestSendResult } from "@omnijourney/shared";
import {
  createProviders,
  normaliseSettings,
  ProviderConfigError,
  providerSettingsFromEnv,
  ProviderSettings,
  type AnyOutgoingMessage,
  type ProviderSettingsInput,
  type Providers,
} from "@omnijourney/runtime";
import type { ApiContext } from "../context.js";
import { readWorkspaceSettings } from "@omnijourney/store";

export const TEST_PREFIX = "[Test] ";

/** The recipient field a channel needs and how the marketer calls it. */
const ADDRESS: Partial<Record<Channel, { field: keyof TestRecipients; label: string }>> = {
  email: { field: "email", label: "email address" },
  sms: { field: "phone", label: "phone number" },
  whatsapp: { field: "phone", label: "phone number" },
  telegram: { field: "telegramChatId", label: "Telegram chat id" },
};

/** Channels a test cannot reach: their address is not something a person types in. */
const NOT_TESTABLE: Partial<Record<Channel, string>> = {
  push: "push needs a browser subscription; test sends cover email, SMS, WhatsApp and Telegram",
  webhook: "a test send would call your webhook endpoint; webhooks are not sent as tests",
  inapp: "in-app messages live in a profile's inbox; there is no address to test on",
};

/**
 * The node's rendered fields mapped onto what the channel's provider expects (the same mapping as the
 * runtime's send path), with the subject or text marked as a test.
 */
export const testContent = (
  channel: Channel,
  rendered: Record<string, string>,
): Record<string, string> => {
  const out: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (typeof value === "string" && value !== "") out[key] = value;
  };
  switch (channel) {
    case "email":
      put("subject", `${TEST_PREFIX}${rendered.subject ?? "(no subject)"}`);
      put("html", rendered.body);
      put("text", rendered.body?.replace(/<[^>]+>/g, "").trim());
      put("replyTo", rendered.replyTo);
      break;
    case "sms":
    case "whatsapp":
    case "telegram":
      put(channel === "telegram" ? "text" : "body", `${TEST_PREFIX}${rendered.text ?? ""}`);
      break;
    case "push":
    case "inapp":
      put("title", `${TEST_PREFIX}${rendered.title ?? ""}`);
      put("body", rendered.body);
      put("url", rendered.url);
      break;
    case "webhook":
      put("body", rendered.body);
      break;
  }
  return out;
};

/** The SMTP relay the supervisor started (MailDev in development), as `/health` reports it. */
const supervisorRelay = async (ctx: ApiContext): Promise<string | undefined> => {
  const status = await ctx.engineStatus?.();
  const smtp: unknown = status?.smtp;
  if (typeof smtp !== "object" || smtp === null) return undefined;
  const address: unknown = Reflect.get(smtp, "address");
  return typeof address === "string" && /^smtps?:\/\//.test(address) ? address : undefined;
};

/**
 * The workspace's providers as the worker builds them: the environment's settings, overridden per channel
 * by valid ones stored in Settings. Email without a relay anywhere becomes the sandbox, with the reason.
 */
export const workspaceProviders = async (
  ctx: ApiContext,
): Promise<{ providers: Providers; emailProblem?: string }> => {
  let fromEnv: ProviderSettingsInput = {};
  try {
    fromEnv = providerSettingsFromEnv(process.env);
  } catch (error) {
    // The worker refuses to start with these; a test send says so instead of failing the request.
    if (!(error instanceof ProviderConfigError)) throw error;
    ctx.logger.warn({ issues: error.issues }, "provider environment is invalid");
  }
  const stored = normaliseSettings(await readWorkspaceSettings(ctx.db)).providers;
  const merged: ProviderSettingsInput = { ...fromEnv, ...stored };
  const parsed = ProviderSettings.safeParse(merged);
  const settings = parsed.success ? parsed.data : ProviderSettings.parse(fromEnv);
  const email = settings.email;
  const relay = await supervisorRelay(ctx);
  if (email?.provider !== "sandbox" && !email?.url && !relay) {
    return {
      providers: createProviders({ ...settings, email: { provider: "sandbox" } }),
      emailProblem: "email has no SMTP relay: set SMTP_URL or the email provider's URL in Settings",
    };
  }
  return { providers: createProviders(settings, relay ? { smtpUrl: relay } : {}) };
};

const outgoing = (channel: Channel, to: string, content: Record<string, string>) => {
  const base = {
    content,
    // A fresh key: a test is never deduplicated against journey sends or an earlier test.
    idempotencyKey: `test-${randomUUID()}`,
    // Transactional: no List-Unsubscribe for the marketer's own inbox, no consent lookups.
    category: "transactional" as const,
    metadata: {},
  };
  const message: AnyOutgoingMessage =
    channel === "push" ? { ...base, channel, to: [] } : { ...base, channel, to };
  return message;
};

/**
 * Sends each rendered message of a simulation to the marketer's own addresses through the workspace's
 * provider for its channel. Nothing is logged as a journey message, nothing reaches analytics.
 */
export const sendTestMessages = async (
  ctx: ApiContext,
  messages: TestMessage[],
  to: TestRecipients,
): Promise<TestSendResult[]> => {
  const { providers, emailProblem } = await workspaceProviders(ctx);
  try {
    const results: TestSendResult[] = [];
    for (const m of messages) {
      const notTestable = NOT_TESTABLE[m.channel];
      const address = ADDRESS[m.channel];
      if (notTestable || !address) {
        results.push({ channel: m.channel, status: "skipped", reason: notTestable });
        continue;
      }
      const recipient = to[address.field];
      if (!recipient) {
        results.push({
          channel: m.channel,
          status: "skipped",
          reason: `no ${address.label} given for ${m.channel}`,
        });
        continue;
      }
      const provider = providers.for(m.channel).name;
      if (m.channel === "email" && emailProblem) {
        results.push({ channel: m.channel, status: "failed", to: recipient, reason: emailProblem });
        continue;
      }
      if (provider === "sandbox") {
        results.push({
          channel: m.channel,
          status: "skipped",
          provider,
          to: recipient,
          reason: `${m.channel} uses the sandbox provider, which delivers nothing; choose a provider in Settings`,
        });
        continue;
      }
      const sent = await providers.send(
        outgoing(m.channel, recipient, testContent(m.channel, m.content)),
      );
      results.push({
        channel: m.channel,
        status: sent.status,
        provider,
        to: recipient,
        ...(sent.status === "failed" ? { reason: sent.error ?? "the provider refused it" } : {}),
      });
    }
    ctx.logger.info(
      { sent: results.filter((r) => r.status === "sent").length, total: results.length },
      "test messages",
    );
    return results;
  } finally {
    await providers.close();
  }
};
