// Provider webhooks are verified over exactly what the provider signed, computed here the way each provider
// documents it (not with the API's own helpers). WhatsApp (Meta): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256
// of the raw payload with the app secret>`. Before, the API hashed an empty body: real deliveries were refused and
// a signature of nothing was accepted for any payload.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";

const APP_SECRET = "meta-app-secret-0123456789";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("webhook_sigs");
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
      },
    },
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

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

const replies = async (profileId: string) => {
  const res = await t.api(`/api/profiles/${profileId}`);
  if (res.status !== 200) return [];
  const body = (await res.json()) as { timeline: { kind: string; event?: string }[] };
  return body.timeline.filter((item) => item.event === "message_replied");
};

describe("WhatsApp webhook signatures", () => {
  it("accepts a delivery signed over its raw bytes and records the reply", async () => {
    await t.ingest("/identify", { userId: "wa-1", traits: { phone: "+4915100000001" } });
    await eventually(async () => (await t.api("/api/profiles/wa-1")).status === 200);
    const raw = delivery("4915100000001", "Caf\\u00e9 at 10?");
    const res = await post(raw, metaSignature(raw));
    expect(res.status).toBe(200);
    expect(await eventually(async () => (await replies("wa-1")).length > 0)).toBe(true);
  });

  it("refuses a wrong signature, and the signature of an empty body, storing nothing", async () => {
    await t.ingest("/identify", { userId: "wa-2", traits: { phone: "+4915100000002" } });
    await eventually(async () => (await t.api("/api/profiles/wa-2")).status === 200);
    const raw = delivery("4915100000002", "forged");
    expect((await post(raw, metaSignature(raw.replace("forged", "edited")))).status).toBe(403);
    expect((await post(raw, metaSignature(""))).status).toBe(403);
    expect((await post(raw, "sha256=")).status).toBe(403);
    expect(await replies("wa-2")).toEqual([]);
  });

  it("refuses a signature computed over the re-serialised JSON instead of the bytes sent", async () => {
    const raw = delivery("4915100000003", "Caf\\u00e9");
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect((await post(raw, metaSignature(reserialised))).status).toBe(403);
  });
});
