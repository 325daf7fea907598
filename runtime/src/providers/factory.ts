import { createSmtpEmailProvider } from "./email/smtp.js";
import { createInAppStoreProvider, type SaveInAppMessage } from "./inapp/store.js";
import { createWebPushProvider } from "./push/web-push.js";
import { createSandboxProvider, type SandboxRecorder } from "./sandbox/sandbox.js";
import { ProviderSettings, SmtpProviderSettings, type ProviderSettingsInput } from "./settings.js";
import { createTwilioSmsProvider } from "./sms/twilio.js";
import { createTelegramBotProvider } from "./telegram/bot-api.js";
import { Channel } from "@omnijourney/shared";
import {
  type AnyOutgoingMessage,
  type ChannelProvider,
  type OutgoingMessage,
  type ProviderMap,
  type ProviderResult,
} from "./types.js";
import { createHttpWebhookProvider } from "./webhook/http-webhook.js";
import { createWhatsAppCloudProvider } from "./whatsapp/cloud-api.js";

export type ProviderDeps = {
  /** Email's default relay when settings name none (the worker's `smtpUrl`, MailDev in development). */
  smtpUrl?: string;
  /** Stores in-app messages; when given, in-app defaults to the store instead of the sandbox. */
  saveInApp?: SaveInAppMessage;
  /** Receives every sandboxed message (e.g. to log it as the rendered preview). */
  sandboxRecorder?: SandboxRecorder;
};

export type Providers = {
  for<C extends Channel>(channel: C): ChannelProvider<C>;
  /** Sends through the channel's provider. */
  send(message: AnyOutgoingMessage): Promise<ProviderResult>;
  /** channel → provider name, for logs and the settings screen. */
  describe(): Record<Channel, string>;
  close(): Promise<void>;
};

function sandbox<C extends Channel>(channel: C, deps: ProviderDeps): ChannelProvider<C> {
  return createSandboxProvider(
    channel,
    deps.sandboxRecorder ? { record: deps.sandboxRecorder } : {},
  );
}

function emailProvider(settings: ProviderSettings, deps: ProviderDeps): ChannelProvider<"email"> {
  const email = settings.email ?? SmtpProviderSettings.parse({ provider: "smtp" });
  if (email.provider === "sandbox") return sandbox("email", deps);
  const url = email.url ?? deps.smtpUrl;
  if (!url) {
    throw new Error(
      "email has no provider: set SMTP_URL (or EMAIL_PROVIDER=sandbox) or pass smtpUrl",
    );
  }
  return createSmtpEmailProvider({ ...email, url });
}

/**
 * Builds one provider per channel from validated settings. Settings come from the workspace (the
 * Settings document) or the environment (`providerSettingsFromEnv`) and are parsed here, at the edge.
 */
export function createProviders(input: ProviderSettingsInput, deps: ProviderDeps = {}): Providers {
  const settings = ProviderSettings.parse(input);
  const { sms, whatsapp, telegram, push, webhook, inapp } = settings;
  const map: ProviderMap = {
    email: emailProvider(settings, deps),
    sms: sms?.provider === "twilio" ? createTwilioSmsProvider(sms) : sandbox("sms", deps),
    whatsapp:
      whatsapp?.provider === "cloud-api"
        ? createWhatsAppCloudProvider(whatsapp)
        : sandbox("whatsapp", deps),
    telegram:
      telegram?.provider === "bot-api"
        ? createTelegramBotProvider(telegram)
        : sandbox("telegram", deps),
    push: push?.provider === "web-push" ? createWebPushProvider(push) : sandbox("push", deps),
    webhook:
      webhook?.provider === "http" ? createHttpWebhookProvider(webhook) : sandbox("webhook", deps),
    inapp: inappProvider(inapp, deps),
  };
  const dispatch = <C extends Channel>(message: OutgoingMessage<C>) =>
    map[message.channel].send(message);
  return {
    for: (channel) => map[channel],
    send: (message) => dispatch(message),
    describe: () => ({
      email: map.email.name,
      sms: map.sms.name,
      push: map.push.name,
      telegram: map.telegram.name,
      whatsapp: map.whatsapp.name,
      webhook: map.webhook.name,
      inapp: map.inapp.name,
    }),
    async close() {
      await Promise.all(Channel.options.map((c) => map[c].close?.()));
    },
  };
}

function inappProvider(
  inapp: ProviderSettings["inapp"],
  deps: ProviderDeps,
): ChannelProvider<"inapp"> {
  const wantsStore = inapp ? inapp.provider === "store" : deps.saveInApp !== undefined;
  if (!wantsStore) return sandbox("inapp", deps);
  if (!deps.saveInApp) throw new Error('in-app provider "store" needs a saveInApp function');
  return createInAppStoreProvider(deps.saveInApp);
}
