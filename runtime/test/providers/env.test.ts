import webpush from "web-push";
import { describe, expect, it } from "vitest";
import { ProviderConfigError, providerSettingsFromEnv } from "../../src/providers/env.js";

const vapid = webpush.generateVAPIDKeys();

/** The issues a bad environment produces, as "VARIABLE: message" lines. */
function issuesOf(env: Record<string, string>): string[] {
  try {
    providerSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof ProviderConfigError)
      return error.issues.map((i) => `${i.variable}: ${i.message}`);
    throw error;
  }
  throw new Error("expected a ProviderConfigError");
}

describe("providerSettingsFromEnv", () => {
  it("leaves every channel to the defaults when no provider variable is set", () => {
    expect(providerSettingsFromEnv({ PATH: "/usr/bin", HOME: "/root" })).toEqual({});
  });

  it("reads every provider from one variable per setting, applying defaults", () => {
    const settings = providerSettingsFromEnv({
      SMTP_URL: "smtp://user:pass@mail.test:587",
      EMAIL_FROM: "Shop <news@shop.test>",
      SMTP_POOL: "false",
      TWILIO_ACCOUNT_SID: "AC123",
      TWILIO_AUTH_TOKEN: "tok",
      TWILIO_FROM: "+15550001111",
      WHATSAPP_TOKEN: "EAAG",
      WHATSAPP_PHONE_NUMBER_ID: "106540352242922",
      TELEGRAM_BOT_TOKEN: "123456:ABC-def_ghi",
      TELEGRAM_BASE_URL: "http://127.0.0.1:8081",
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "mailto:ops@shop.test",
      WEBHOOK_SIGNING_SECRET: "whsec_0123456789abcdef",
      WEBHOOK_MAX_ATTEMPTS: "6",
      INAPP_PROVIDER: "store",
    });
    expect(settings).toEqual({
      email: {
        provider: "smtp",
        url: "smtp://user:pass@mail.test:587",
        from: "Shop <news@shop.test>",
        pool: false,
        timeoutMs: 30_000,
      },
      sms: {
        provider: "twilio",
        accountSid: "AC123",
        authToken: "tok",
        from: "+15550001111",
        baseUrl: "https://api.twilio.com",
      },
      whatsapp: {
        provider: "cloud-api",
        token: "EAAG",
        phoneNumberId: "106540352242922",
        baseUrl: "https://graph.facebook.com",
        apiVersion: "21.0",
      },
      telegram: {
        provider: "bot-api",
        botToken: "123456:ABC-def_ghi",
        baseUrl: "http://127.0.0.1:8081",
      },
      push: {
        provider: "web-push",
        vapidPublicKey: vapid.publicKey,
        vapidPrivateKey: vapid.privateKey,
        vapidSubject: "mailto:ops@shop.test",
        ttlSeconds: 86_400,
      },
      webhook: {
        provider: "http",
        signingSecret: "whsec_0123456789abcdef",
        timeoutMs: 10_000,
        maxAttempts: 6,
        backoffMs: 500,
      },
      inapp: { provider: "store" },
    });
  });

  it("lets <CHANNEL>_PROVIDER=sandbox override configured credentials", () => {
    expect(
      providerSettingsFromEnv({
        SMS_PROVIDER: "sandbox",
        TWILIO_ACCOUNT_SID: "AC123",
        EMAIL_PROVIDER: "sandbox",
      }),
    ).toEqual({
      sms: { provider: "sandbox" },
      email: { provider: "sandbox" },
    });
  });

  it("names the missing variables of a half-configured provider instead of falling back to the sandbox", () => {
    expect(issuesOf({ TWILIO_ACCOUNT_SID: "AC123" })).toEqual([
      "TWILIO_AUTH_TOKEN: is required when sms uses twilio",
      "TWILIO_FROM: needs a sender: from or messagingServiceSid",
    ]);
    expect(issuesOf({ PUSH_PROVIDER: "web-push" })).toEqual([
      "VAPID_PUBLIC_KEY: is required when push uses web-push",
      "VAPID_PRIVATE_KEY: is required when push uses web-push",
      "VAPID_SUBJECT: is required when push uses web-push",
    ]);
  });

  it("names the variable holding an invalid value", () => {
    const issues = issuesOf({
      SMTP_URL: "http://mail.test",
      SMS_PROVIDER: "nexmo",
      TELEGRAM_BOT_TOKEN: "not-a-token",
      VAPID_PUBLIC_KEY: vapid.privateKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "ops@shop.test",
      WEBHOOK_SIGNING_SECRET: "short",
      WEBHOOK_TIMEOUT_MS: "ten seconds",
    });
    expect(issues.map((i) => i.split(":")[0])).toEqual([
      "SMTP_URL",
      "SMS_PROVIDER",
      "TELEGRAM_BOT_TOKEN",
      "VAPID_PUBLIC_KEY",
      "VAPID_SUBJECT",
      "WEBHOOK_TIMEOUT_MS",
      "WEBHOOK_SIGNING_SECRET",
    ]);
    expect(issues).toContain('SMS_PROVIDER: must be "twilio" or "sandbox", got "nexmo"');
    expect(issues).toContain('WEBHOOK_TIMEOUT_MS: must be a whole number, got "ten seconds"');
    expect(issues).toContain("WEBHOOK_SIGNING_SECRET: at least 16 characters");
  });

  it("puts every issue into one error message, one variable per line", () => {
    expect(() =>
      providerSettingsFromEnv({ WHATSAPP_TOKEN: "EAAG", WHATSAPP_PHONE_NUMBER_ID: "abc" }),
    ).toThrow(
      /Invalid provider configuration:\n {2}WHATSAPP_PHONE_NUMBER_ID: a numeric phone number id/,
    );
  });
});
