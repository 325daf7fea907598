import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/api.js";
import { json, type Json } from "./helpers/json.js";
import { twilioSignature } from "../src/routes/webhooks.js";
import { trackingSecret, unsubscribeToken } from "../src/services/feedback.js";
import { ObjectId } from "@omnijourney/store";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("mgmt_messages");
});
afterAll(async () => {
  await t?.close();
});

describe("message feedback", () => {
  const seedMessage = async (profileId: string, channel = "email") => {
    const _id = new ObjectId();
    // Partial documents: only the fields the message log reads.
    await t.context.db.raw.collection("messages").insertOne({
      _id,
      idempotencyKey: `k-${_id.toHexString()}`,
      profileId,
      channel,
      category: "marketing",
      status: "sent",
      content: {
        subject: "Hi",
        body: '<a href="https://shop.example.com/cart?x=1&amp;y=2">cart</a>',
      },
      cost: 0.001,
      createdAt: new Date(),
    });
    return _id.toHexString();
  };

  it("records opens and redirects clicks only to URLs the message contained", async () => {
    await t.ingest("/identify", { userId: "fb-1", traits: { email: "fb@example.com" } });
    const id = await seedMessage("fb-1");
    const pixel = await fetch(`${t.url}/t/o/${id}.gif`);
    expect(pixel.headers.get("content-type")).toContain("image/gif");
    const ok = await fetch(
      `${t.url}/t/c/${id}?url=${encodeURIComponent("https://shop.example.com/cart?x=1&y=2")}`,
      { redirect: "manual" },
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("https://shop.example.com/cart?x=1&y=2");
    const evil = await fetch(
      `${t.url}/t/c/${id}?url=${encodeURIComponent("https://evil.example.net/")}`,
      { redirect: "manual" },
    );
    expect(evil.status).toBe(400);
    // A part of a link the message contained is not a link of the message (it used to pass as a substring).
    for (const part of ["https://shop.example.com", "https://shop.example.com/cart"]) {
      const prefix = await fetch(`${t.url}/t/c/${id}?url=${encodeURIComponent(part)}`, {
        redirect: "manual",
      });
      expect(prefix.status, part).toBe(400);
    }
    const message = await t.context.db.messages.findOne({ _id: new ObjectId(id) });
    expect(message?.status).toBe("clicked");
    const events = await t.context.db.events
      .find({ profileId: "fb-1", event: { $in: ["message_opened", "message_clicked"] } })
      .toArray();
    expect(events.map((e) => e.event).sort()).toEqual(["message_clicked", "message_opened"]);
    const list = await json(await t.api("/api/messages?profileId=fb-1&channel=email"));
    expect((list.items as { id: string }[]).map((m) => m.id)).toContain(id);
  });

  it("unsubscribes with one click (RFC 8058) and records the consent change", async () => {
    await t.ingest("/identify", { userId: "unsub-1", traits: { email: "u@example.com" } });
    const id = await seedMessage("unsub-1");
    const token = unsubscribeToken(await trackingSecret(t.context), id);
    expect((await fetch(`${t.url}/unsubscribe/${id}.forged`, { method: "POST" })).status).toBe(404);
    const page = await fetch(`${t.url}/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(
      (await t.context.db.profiles.findOne({ profileId: "unsub-1" }))?.consent?.email,
    ).toBeUndefined();
    const res = await fetch(`${t.url}/unsubscribe/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    const p = await t.context.db.profiles.findOne({ profileId: "unsub-1" });
    expect(p?.consent.email).toMatchObject({
      marketing: "unsubscribed",
      history: [expect.objectContaining({ source: "list-unsubscribe" })],
    });
  });

  it("links a Telegram chat from /start <token> and turns later texts into message_replied", async () => {
    await t.api("/api/settings", {
      method: "PUT",
      body: {
        providers: {
          telegram: {
            provider: "bot-api",
            botToken: "123:abc",
            webhookSecret: "tg-secret-0123456789",
          },
        },
      },
    });
    await t.ingest("/identify", { userId: "tg-1", traits: { email: "tg@example.com" } });
    const { token } = await json(
      await t.api("/api/profiles/tg-1/link-tokens", { body: { channel: "telegram" } }),
    );
    const update = (id: number, text: string) => ({
      update_id: id,
      message: { message_id: id, chat: { id: 777 }, text },
    });
    const unsigned = await fetch(`${t.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(update(1, `/start ${String(token)}`)),
    });
    expect(unsigned.status).toBe(401);
    const post = (body: unknown) =>
      fetch(`${t.url}/webhooks/telegram`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-telegram-bot-api-secret-token": "tg-secret-0123456789",
        },
        body: JSON.stringify(body),
      });
    expect(await (await post(update(2, `/start ${String(token)}`))).json()).toMatchObject({
      ok: true,
      linked: "tg-1",
    });
    expect(
      (await t.context.db.profiles.findOne({ profileId: "tg-1" }))?.attributes.telegramChatId,
    ).toBe("777");
    await post(update(3, "yes please"));
    const replied = await t.context.db.events.findOne({
      profileId: "tg-1",
      event: "message_replied",
    });
    expect(replied?.properties).toMatchObject({ channel: "telegram", text: "yes please" });
  });

  it("turns a signed Twilio inbound SMS from a known phone into message_replied", async () => {
    await t.api("/api/settings", {
      method: "PUT",
      body: {
        providers: {
          sms: { provider: "twilio", accountSid: "AC1", authToken: "tw-token", from: "+100" },
        },
      },
    });
    await t.ingest("/identify", { userId: "sms-1", traits: { phone: "+4915112345678" } });
    const params = { From: "+4915112345678", To: "+100", Body: "STOP? no, YES", MessageSid: "SM1" };
    const url = `${t.url}/webhooks/twilio`;
    const form = new URLSearchParams(params).toString();
    const bad = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": "nope",
      },
      body: form,
    });
    expect(bad.status).toBe(401);
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilioSignature("tw-token", url, params),
      },
      body: form,
    });
    expect(res.status).toBe(200);
    const replied = await t.context.db.events.findOne({
      profileId: "sms-1",
      event: "message_replied",
    });
    expect(replied?.properties).toMatchObject({ channel: "sms", text: "STOP? no, YES" });
  });
});

describe("messages", () => {
  it("pages the message log newest first by creation time, each message once, ties broken by id", async () => {
    const base = Date.parse("2026-01-01T10:00:00Z");
    const at = [0, 1000, 1000, 1000, 2000, 3000, 3000]; // ties on purpose
    // Ids in the opposite order of time, as ids derived from idempotency keys can be.
    const ids = at.map(() => new ObjectId()).reverse();
    await t.context.db.raw.collection("messages").insertMany(
      at.map((ms, i) => ({
        _id: ids[i],
        idempotencyKey: `page-test-${i}`,
        profileId: "pager-1",
        channel: "email",
        category: "marketing",
        status: "sent",
        content: { subject: `#${i}` },
        createdAt: new Date(base + ms),
      })),
    );
    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: Json = await json(
        await t.api(`/api/messages?profileId=pager-1&limit=2${cursor ? `&cursor=${cursor}` : ""}`),
      );
      seen.push(...(res.items as { id: string; createdAt: string }[]));
      cursor = res.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(at.length);
    expect(new Set(seen.map((m) => m.id)).size).toBe(at.length);
    const times = seen.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const bad = await t.api("/api/messages?cursor=bm90LWEtY3Vyc29y");
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: { details: { fields: ["query.cursor"] } } });
  });
});
