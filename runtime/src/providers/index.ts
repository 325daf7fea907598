export * from "./types.js";
export * from "./settings.js";
export {
  providerSettingsFromEnv,
  ProviderConfigError,
  PROVIDER_ENV,
  type ProviderConfigIssue,
} from "./env.js";
export {
  providerSettingsFromWorkspace,
  mergeProviderSettings,
  type WorkspaceProviderChoice,
} from "./workspace.js";
export { createProviders, type Providers, type ProviderDeps } from "./factory.js";
export {
  requestWithRetry,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  type HttpOutcome,
} from "./http-client.js";
export { createSmtpEmailProvider, messageIdFor, type SmtpSettings } from "./email/smtp.js";
export { createTwilioSmsProvider, type TwilioSettings } from "./sms/twilio.js";
export { createWhatsAppCloudProvider, type WhatsAppSettings } from "./whatsapp/cloud-api.js";
export { createTelegramBotProvider, type TelegramSettings } from "./telegram/bot-api.js";
export { createWebPushProvider, type WebPushSettings, type PushPayload } from "./push/web-push.js";
export { createHttpWebhookProvider, type WebhookSettings } from "./webhook/http-webhook.js";
export {
  signWebhookPayload,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from "./webhook/signature.js";
export {
  createInAppStoreProvider,
  type InAppRecord,
  type SaveInAppMessage,
} from "./inapp/store.js";
export {
  createSandboxProvider,
  type SandboxProvider,
  type SandboxRecord,
  type SandboxRecorder,
} from "./sandbox/sandbox.js";
export { verifyTwilioSignature } from "./sms/inbound.js";
export { verifyWhatsAppSignature, whatsAppChallenge } from "./whatsapp/inbound.js";
export { verifyTelegramSecretToken, startToken } from "./telegram/inbound.js";
