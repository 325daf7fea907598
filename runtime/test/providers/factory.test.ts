import { afterEach, describe, expect, inject, it } from "vitest";
import { providerSettingsFromEnv } from "../../src/providers/env.js";
import { createProviders } from "../../src/providers/factory.js";
import {
  mergeProviderSettings,
  providerSettingsFromWorkspace,
} from "../../src/providers/workspace.js";
import type { InAppRecord } from "../../src/providers/inapp/store.js";
import type { SandboxRecord } from "../../src/providers/sandbox/sandbox.js";
import type { AnyOutgoingMessage } from "../../src/providers/types.js";
import { startFakeServer, type FakeServer } from "./fake-server.js";

const engines = inject("engines");

const base = {
  idempotencyKey: "j1:p1:n1:1",
  category: "marketing" as const,
  metadata: { journeyId: "j1", nodeId: "n1", profileId: "p1" },
};

describe("createProviders", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("defaults email to SMTP at the worker's relay and every other channel to the sandbox", async () => {
    const providers = createProviders({}, { smtpUrl: engines.smtpUrl });
    expect(providers.describe()).toEqual({
      email: "smtp",
      sms: "sandbox",
      push: "sandbox",
      telegram: "sandbox",
      whatsapp: "sandbox",
      webhook: "sandbox",
      inapp: "sandbox",
    });
    await providers.close();
  });

  it("refuses to start without any email provider", () => {
    expect(() => createProviders({})).toThrow(/email has no provider/);
    expect(createProviders({ email: { provider: "sandbox" } }).for("email").name).toBe("sandbox");
  });

  it("records sandboxed messages with their rendered content, at no cost, with a stable id per idempotency key", async () => {
    const recorded: SandboxRecord[] = [];
    const providers = createProviders(
      { email: { provider: "sandbox" } },
      { sandboxRecorder: (r) => void recorded.push(r) },
    );
    const sms: AnyOutgoingMessage = {
      ...base,
      channel: "sms",
      to: "+15551234567",
      content: { body: "Hi Ada" },
    };
    const first = await providers.send(sms);
    const retry = await providers.send(sms);
    expect(first).toMatchObject({ status: "sent", cost: 0 });
    expect(first.providerMessageId).toMatch(/^sandbox-[0-9a-f]{24}$/);
    expect(retry.providerMessageId).toBe(first.providerMessageId);
    expect(recorded.map((r) => r.message)).toEqual([sms, sms]);
  });

  it("routes each message to its channel's configured provider", async () => {
    server = await startFakeServer((request) =>
      request.path.startsWith("/bot")
        ? { status: 200, body: { ok: true, result: { message_id: 1, chat: { id: 42 } } } }
        : { status: 201, body: { sid: "SM9", price: null } },
    );
    const providers = createProviders({
      email: { provider: "sandbox" },
      sms: {
        provider: "twilio",
        accountSid: "AC1",
        authToken: "t",
        from: "+1555",
        baseUrl: server.url,
      },
      telegram: { provider: "bot-api", botToken: "1:abc", baseUrl: server.url },
    });
    expect(
      await providers.send({ ...base, channel: "telegram", to: "42", content: { text: "hi" } }),
    ).toMatchObject({ providerMessageId: "42:1" });
    expect(
      await providers.send({ ...base, channel: "sms", to: "+1666", content: { body: "hi" } }),
    ).toMatchObject({ providerMessageId: "SM9" });
    expect(
      await providers.send({ ...base, channel: "whatsapp", to: "+1666", content: { body: "hi" } }),
    ).toMatchObject({ status: "sent", cost: 0 });
    expect(server.requests.map((r) => r.path)).toEqual([
      "/bot1:abc/sendMessage",
      "/2010-04-01/Accounts/AC1/Messages.json",
    ]);
  });

  it("stores in-app messages through the injected save function, defaulting in-app to the store when one is given", async () => {
    const inbox = new Map<string, InAppRecord>();
    const providers = createProviders(
      { email: { provider: "sandbox" } },
      {
        async saveInApp(record) {
          inbox.set(record.idempotencyKey, record); // an upsert on the key, as the contract asks
          return { id: `inbox-${inbox.size}` };
        },
      },
    );
    expect(providers.describe().inapp).toBe("store");
    const message: AnyOutgoingMessage = {
      ...base,
      channel: "inapp",
      to: "p1",
      content: { title: "Welcome", body: "Hi Ada", url: "/offers" },
    };
    expect(await providers.send(message)).toEqual({
      status: "sent",
      providerMessageId: "inbox-1",
      cost: 0,
    });
    await providers.send(message);
    expect([...inbox.values()]).toEqual([
      expect.objectContaining({
        profileId: "p1",
        title: "Welcome",
        body: "Hi Ada",
        url: "/offers",
        category: "marketing",
        idempotencyKey: "j1:p1:n1:1",
      }),
    ]);
  });

  it("reports an in-app store outage as a retryable failure", async () => {
    const providers = createProviders(
      { email: { provider: "sandbox" }, inapp: { provider: "store" } },
      { saveInApp: () => Promise.reject(new Error("connection closed")) },
    );
    expect(
      await providers.send({ ...base, channel: "inapp", to: "p1", content: { body: "x" } }),
    ).toEqual({
      status: "failed",
      permanent: false,
      error: "connection closed",
    });
  });

  it("rejects invalid workspace settings at construction", () => {
    expect(() =>
      createProviders({
        email: { provider: "sandbox" },
        webhook: { provider: "http", signingSecret: "short" },
      }),
    ).toThrow(/16 characters/);
    expect(() =>
      createProviders({ email: { provider: "sandbox" }, inapp: { provider: "store" } }),
    ).toThrow(/saveInApp/);
  });
});

describe("providerSettingsFromWorkspace", () => {
  it("reads the Settings document's defaults: SMTP at the worker's relay, the in-app store, sandboxes", async () => {
    const settings = providerSettingsFromWorkspace({
      email: { provider: "smtp" },
      sms: { provider: "sandbox" },
      inapp: { provider: "inapp" },
    });
    expect(settings).toEqual({
      email: {
        provider: "smtp",
        from: "Omnijourney <no-reply@omnijourney.local>",
        pool: true,
        timeoutMs: 30_000,
      },
      sms: { provider: "sandbox" },
      inapp: { provider: "store" },
    });
    const providers = createProviders(settings, {
      smtpUrl: engines.smtpUrl,
      saveInApp: async () => ({ id: "1" }),
    });
    expect(providers.describe()).toMatchObject({ email: "smtp", sms: "sandbox", inapp: "store" });
    await providers.close();
  });

  it("flattens a provider's options and names the settings path of a bad one", () => {
    expect(
      providerSettingsFromWorkspace({
        telegram: { provider: "bot-api", options: { botToken: "1:abc", defaultParseMode: "HTML" } },
      }),
    ).toEqual({
      telegram: {
        provider: "bot-api",
        botToken: "1:abc",
        baseUrl: "https://api.telegram.org",
        defaultParseMode: "HTML",
      },
    });
    expect(() =>
      providerSettingsFromWorkspace({
        telegram: { provider: "bot-api", options: { botToken: "nope" } },
      }),
    ).toThrow(/providers\.telegram\.botToken: a bot token/);
  });

  it("lets the environment override the workspace per channel", () => {
    const workspace = providerSettingsFromWorkspace({
      sms: { provider: "sandbox" },
      telegram: { provider: "sandbox" },
    });
    const env = providerSettingsFromEnv({
      TWILIO_ACCOUNT_SID: "AC1",
      TWILIO_AUTH_TOKEN: "t",
      TWILIO_FROM: "+1555",
    });
    expect(mergeProviderSettings(workspace, env)).toMatchObject({
      sms: { provider: "twilio" },
      telegram: { provider: "sandbox" },
    });
  });
});
