// Provider webhooks are verified over exactly what the provider signed, computed here the way each provider
// documents it (not with the API's own helpers):
// - WhatsApp (Meta): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw payload with the app secret>`.
//   Before, the API hashed an empty body: real deliveries were refused and a signature of nothing was accepted.
// - Twilio: `X-Twilio-Signature: base64(HMAC-SHA1(auth token, full URL + each POST parameter's name and value,
//   sorted by name))`, the URL being the public one Twilio was given.
// - Telegram: `X-Telegram-Bot-Api-Secret-Token` equal to the secret_token given to setWebhook.
// A refused delivery answers 401 and stores nothing.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";

const APP_SECRET = "meta-app-secret-0123456789";
const TWILIO_TOKEN = "twilio-auth-token-0123456789";
const TELEGRAM_SECRET = "telegram-secret_0123456789";
const PUBLIC_URL = "https://journeys.example.com";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("webhook_sigs", { publicUrl: PUBLIC_URL });
  const res = await t.api("/api/settings", {
    method: "PUT",
    body: {
      providers: {
        whatsapp: {
          provider: "cloud-api",
          token: "graph-token",
          phoneNumberId: "1234567890",
          appSecret: APP_SECRET,
        },
        sms: { provider: "twilio", accountSid: "AC1", authToken: TWILIO_TOKEN, from: "+100" },
        telegram: { provider: "bot-api", botToken: "123:abc", webhookSecret: TELEGRAM_SECRET },
      },
    },
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

/** A profile with a phone, once the outbox has applied its traits. */
const knownPhone = async (userId: string, phone: string) => {
  await t.ingest("/identify", { userId, traits: { phone } });
  await eventually(async () => (await t.api(`/api/profiles/${userId}`)).status === 200);
};

/** Events the webhooks stored for a profile (replies, links): the proof that a refusal stored nothing. */
const webhookEvents = (profileId: string) =>
  t.context.db.events.countDocuments({ profileId, source: "webhook" });

describe("WhatsApp webhook signatures (X-Hub-Signature-256 over the raw body)", () => {
  /** Meta's signature over the bytes as sent. */
  const metaSignature = (raw: string) =>
    `sha256=${createHmac("sha256", APP_SECRET).update(Buffer.from(raw, "utf8")).digest("hex")}`;

  // Formatted the way Meta sends it (spaces, escaped non-ASCII): any re-serialisation changes the bytes.
  const delivery = (phone: string, text: string) =>
    `{"object": "whatsapp_business_account", "entry": [{"changes": [{"value": {"messages": [{"from": "${phone}", "id": "wamid.${phone}", "text": {"body": "${text}"}}]}}]}]}`;

  const post = (raw: string, signature: string) =>
    fetch(`${t.url}/webhooks/whatsapp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      body: raw,
    });

  it("accepts a delivery signed over its raw bytes and records the reply", async () => {
    await knownPhone("wa-1", "+4915100000001");
    const raw = delivery("4915100000001", "Caf\\u00e9 at 10?");
    const res = await post(raw, metaSignature(raw));
    expect(res.status).toBe(200);
    expect(await eventually(async () => (await webhookEvents("wa-1")) === 1)).toBe(true);
  });

  it("refuses a tampered body, a wrong signature and the signature of an empty body with 401, storing nothing", async () => {
    await knownPhone("wa-2", "+4915100000002");
    const signed = delivery("4915100000002", "original");
    const tampered = signed.replace("original", "tampered");
    expect((await post(tampered, metaSignature(signed))).status).toBe(401);
    expect((await post(signed, metaSignature(""))).status).toBe(401);
    expect((await post(signed, "sha256=")).status).toBe(401);
    expect((await post(signed, "")).status).toBe(401);
    expect(await webhookEvents("wa-2")).toBe(0);
  });

  it("refuses a signature computed over the re-serialised JSON instead of the bytes sent", async () => {
    const raw = delivery("4915100000003", "Caf\\u00e9");
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect((await post(raw, metaSignature(reserialised))).status).toBe(401);
  });
});

describe("Twilio webhook signatures (X-Twilio-Signature over the URL and sorted parameters)", () => {
  /** Twilio's documented algorithm, written out here rather than imported from the API. */
  const twilioDocumented = (url: string, params: Record<string, string>) => {
    let data = url;
    for (const name of Object.keys(params).sort()) data += name + (params[name] ?? "");
    return createHmac("sha1", TWILIO_TOKEN).update(Buffer.from(data, "utf8")).digest("base64");
  };
  // Parameters in the order Twilio sends them (not sorted), with characters form encoding changes.
  const inbound = (sid: string, phone: string, body: string) => ({
    ToCountry: "DE",
    SmsMessageSid: sid,
    NumMedia: "0",
    Body: body,
    From: phone,
    To: "+100",
    MessageSid: sid,
    AccountSid: "AC1",
    ApiVersion: "2010-04-01",
  });
  const post = (query: string, params: Record<string, string>, signature: string) =>
    fetch(`${t.url}/webhooks/twilio${query}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature,
      },
      body: new URLSearchParams(params).toString(),
    });

  it("accepts an inbound SMS signed over the public URL (query string included) and records the reply", async () => {
    await knownPhone("tw-1", "+4915100000011");
    const params = inbound("SM11", "+4915100000011", "Yes & thanks, 10€ ok?");
    const query = "?workspace=main";
    const res = await post(
      query,
      params,
      twilioDocumented(`${PUBLIC_URL}/webhooks/twilio${query}`, params),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("<Response></Response>");
    const reply = await t.context.db.events.findOne({ profileId: "tw-1", source: "webhook" });
    expect(reply?.properties).toMatchObject({ channel: "sms", text: "Yes & thanks, 10€ ok?" });
  });

  it("refuses a tampered parameter, the wrong URL and a missing signature with 401, storing nothing", async () => {
    await knownPhone("tw-2", "+4915100000012");
    const params = inbound("SM12", "+4915100000012", "original");
    const url = `${PUBLIC_URL}/webhooks/twilio`;
    const signature = twilioDocumented(url, params);
    expect((await post("", { ...params, Body: "tampered" }, signature)).status).toBe(401);
    expect((await post("?extra=1", params, signature)).status).toBe(401);
    expect(
      (await post("", params, twilioDocumented(`${t.url}/webhooks/twilio`, params))).status,
    ).toBe(401);
    expect((await post("", params, "")).status).toBe(401);
    expect(await webhookEvents("tw-2")).toBe(0);
  });
});

describe("Telegram webhook secret (X-Telegram-Bot-Api-Secret-Token)", () => {
  const post = (update: unknown, secret?: string) =>
    fetch(`${t.url}/webhooks/telegram`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
      },
      body: JSON.stringify(update),
    });
  const update = (id: number, chatId: number, text: string) => ({
    update_id: id,
    message: { message_id: id, chat: { id: chatId }, text },
  });

  it("links the chat with the right secret, and refuses a wrong, partial or missing one with 401, storing nothing", async () => {
    await t.ingest("/identify", { userId: "tg-1", traits: { email: "tg-1@example.com" } });
    await eventually(async () => (await t.api("/api/profiles/tg-1")).status === 200);
    const link = (await (
      await t.api("/api/profiles/tg-1/link-tokens", { body: { channel: "telegram" } })
    ).json()) as { token: string };
    const start = update(31, 4242, `/start ${link.token}`);

    expect((await post(start)).status).toBe(401);
    expect((await post(start, "wrong-secret")).status).toBe(401);
    expect((await post(start, TELEGRAM_SECRET.slice(0, -1))).status).toBe(401);
    expect((await post(start, `${TELEGRAM_SECRET}x`)).status).toBe(401);
    expect(await webhookEvents("tg-1")).toBe(0);
    const unlinked = await t.context.db.profiles.findOne({ profileId: "tg-1" });
    expect(unlinked?.attributes.telegramChatId).toBeUndefined();

    const res = await post(start, TELEGRAM_SECRET);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, linked: "tg-1" });
    expect(await webhookEvents("tg-1")).toBe(1);
  });
});
