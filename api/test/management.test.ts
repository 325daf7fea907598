import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ObjectId } from "mongodb";
import { startTestApi, type TestApi } from "./helpers/api.js";
import { segmentJourney, welcomeJourney } from "./fixtures.js";
import { twilioSignature } from "../src/routes/webhooks.js";
import { trackingSecret, unsubscribeToken } from "../src/services/feedback.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("mgmt");
});
afterAll(async () => {
  await t?.close();
});

type Json = Record<string, unknown>;
const json = async (res: Response) =>
  (await res.json()) as Json & { error?: { code: string; details: Json } };

describe("system", () => {
  it("reports health with a live MongoDB ping, without a token", async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", mongo: { ok: true } });
  });

  it("answers /api without a valid bearer token with 401 in the one error shape", async () => {
    const res = await fetch(`${t.url}/api/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect((await t.api("/api/me")).status).toBe(200);
  });

  it("serves an OpenAPI 3.1 document covering the fixed paths and a rendered docs page", async () => {
    const doc = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Json>;
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const p of [
      "/api/journeys",
      "/api/journeys/{id}/publish",
      "/api/profiles/{id}",
      "/api/segments/preview",
      "/api/messages",
      "/api/node-types",
      "/v1/batch",
      "/health",
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const html = await (await fetch(`${t.url}/api/docs`)).text();
    expect(html).toContain("/api/journeys/{id}/publish");
  });

  it("lists every registered node type with its JSON Schema and ports", async () => {
    const body = (await json(await t.api("/api/node-types"))) as {
      items: { type: string; configSchema: Json; outputs: string[] | null }[];
    };
    const types = body.items.map((i) => i.type);
    for (const tp of [
      "trigger.event",
      "message.email",
      "message.cascade",
      "wait.event",
      "branch.condition",
      "experiment.split",
      "goal",
      "exit",
    ])
      expect(types).toContain(tp);
    expect(body.items.find((i) => i.type === "wait.event")?.outputs).toEqual([
      "received",
      "timeout",
    ]);
    expect(body.items.find((i) => i.type === "message.email")?.configSchema).toHaveProperty(
      "properties.subject",
    );
  });

  it("never returns provider credentials in clear", async () => {
    const put = await t.api("/api/settings", {
      method: "PUT",
      body: {
        providers: {
          sms: {
            provider: "twilio",
            accountSid: "AC1",
            authToken: "super-secret-token",
            from: "+100",
          },
        },
      },
    });
    expect(put.status).toBe(200);
    const text = await (await t.api("/api/settings")).text();
    expect(text).not.toContain("super-secret-token");
    expect(text).toContain("AC1");
    // Sending the masked value back keeps the stored secret.
    const settings = JSON.parse(text) as { providers: { sms: Json } };
    await t.api("/api/settings", {
      method: "PUT",
      body: { providers: { sms: settings.providers.sms } },
    });
    const stored = await t.context.db.settings.findOne({ _id: "workspace" });
    expect(JSON.stringify(stored)).toContain("super-secret-token");
  });
});

describe("journeys", () => {
  it("creates, reads, lists and saves a draft", async () => {
    const created = await t.api("/api/journeys", { body: welcomeJourney() });
    expect(created.status).toBe(201);
    const j = await json(created);
    expect(j).toMatchObject({ name: "Welcome", status: "draft", liveVersion: null });
    const id = String(j.id);
    const saved = await t.api(`/api/journeys/${id}`, {
      method: "PUT",
      body: { ...welcomeJourney(), name: "Welcome v2" },
    });
    expect(await json(saved)).toMatchObject({ name: "Welcome v2" });
    const list = (await json(await t.api("/api/journeys"))) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(id);
    expect((await t.api(`/api/journeys/nope`)).status).toBe(404);
  });

  it("validates a document and reports every problem with its id", async () => {
    const doc = welcomeJourney();
    const broken = {
      ...doc,
      nodes: [
        ...doc.nodes,
        { id: "lonely", type: "exit", position: { x: 0, y: 0 }, config: {} },
        { id: "weird", type: "nope.type", position: { x: 0, y: 0 }, config: {} },
      ],
    };
    const res = await json(await t.api("/api/journeys/validate", { body: broken }));
    expect(res.valid).toBe(false);
    const problems = res.problems as { code: string; nodeId?: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "unreachable_node", nodeId: "lonely" }),
        expect.objectContaining({ code: "unknown_node_type", nodeId: "weird" }),
      ]),
    );
    expect(
      (await json(await t.api("/api/journeys/validate", { body: welcomeJourney() }))).valid,
    ).toBe(true);
  });

  it("refuses to publish an invalid journey with 422 invalid_journey and its problems", async () => {
    const { id } = await json(
      await t.api("/api/journeys", { body: { name: "Empty", nodes: [], edges: [] } }),
    );
    const res = await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error?.code).toBe("invalid_journey");
    expect(body.error?.details.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "no_trigger" })]),
    );
  });

  it("publishes a frozen version, keeps it on re-publish of the same content, pauses and resumes", async () => {
    const { id } = await json(await t.api("/api/journeys", { body: welcomeJourney("Never Sent") }));
    const v1 = await json(await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" }));
    expect(v1).toMatchObject({ version: 1, created: true });
    expect(
      (await json(await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" }))).version,
    ).toBe(1);
    await t.api(`/api/journeys/${String(id)}`, {
      method: "PUT",
      body: { ...welcomeJourney("Never Sent"), settings: { reentry: "always" } },
    });
    expect(
      (await json(await t.api(`/api/journeys/${String(id)}/publish`, { method: "POST" }))).version,
    ).toBe(2);
    const versions = (await json(await t.api(`/api/journeys/${String(id)}/versions`))) as {
      items: { version: number }[];
    };
    expect(versions.items.map((v) => v.version)).toEqual([2, 1]);
    const v1doc = await json(await t.api(`/api/journeys/${String(id)}/versions/1`));
    expect(v1doc).toHaveProperty("plan.triggerNodeId", "t");
    const journey = await t.context.db.journeys.findOne({ _id: String(id) });
    expect(journey?.trigger).toEqual({ type: "trigger.event", event: "Never Sent" });
    expect(
      (await json(await t.api(`/api/journeys/${String(id)}/pause`, { method: "POST" }))).status,
    ).toBe("paused");
    expect((await t.api(`/api/journeys/${String(id)}/pause`, { method: "POST" })).status).toBe(409);
    expect(
      (await json(await t.api(`/api/journeys/${String(id)}/resume`, { method: "POST" }))).status,
    ).toBe("live");
    expect((await t.api(`/api/journeys/${String(id)}`, { method: "DELETE" })).status).toBe(409);
    const stats = await json(await t.api(`/api/journeys/${String(id)}/stats`));
    expect(stats).toEqual({ nodes: {} });
  });
});

describe("segments", () => {
  it("previews a condition with a count and sample, and blocks deleting a segment a journey uses", async () => {
    for (const [i, plan] of ["pro", "pro", "free"].entries())
      await t.ingest("/identify", { userId: `seg-${i}`, traits: { plan, country: "DE" } });
    const condition = {
      all: [
        { attr: "plan", op: "eq", value: "pro" },
        { attr: "country", op: "eq", value: "DE" },
      ],
    };
    const preview = await json(await t.api("/api/segments/preview", { body: { condition } }));
    expect(preview.count).toBe(2);
    expect((preview.sample as { profileId: string }[]).map((p) => p.profileId).sort()).toEqual([
      "seg-0",
      "seg-1",
    ]);
    const created = await json(
      await t.api("/api/segments", { body: { name: "Pro in DE", condition } }),
    );
    const segmentId = String(created.id);
    expect((await json(await t.api(`/api/segments/${segmentId}`))).count).toBe(2);
    const badCondition = await t.api("/api/segments", {
      body: { name: "Bad", condition: { attr: "plan", op: "between", value: 1 } },
    });
    expect(badCondition.status).toBe(400);
    const journey = await json(await t.api("/api/journeys", { body: segmentJourney(segmentId) }));
    const blocked = await t.api(`/api/segments/${segmentId}`, { method: "DELETE" });
    expect(blocked.status).toBe(409);
    expect((await json(blocked)).error?.code).toBe("segment_in_use");
    await t.api(`/api/journeys/${String(journey.id)}`, { method: "DELETE" });
    expect((await t.api(`/api/segments/${segmentId}`, { method: "DELETE" })).status).toBe(204);
  });
});

describe("profiles", () => {
  it("searches by id and email prefix with a cursor", async () => {
    for (let i = 0; i < 5; i++)
      await t.ingest("/identify", {
        userId: `search-${i}`,
        traits: { email: `searcher${i}@example.com` },
      });
    const page1 = await json(await t.api("/api/profiles?query=searcher&limit=3"));
    expect((page1.items as unknown[]).length).toBe(3);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await json(
      await t.api(`/api/profiles?query=searcher&limit=3&cursor=${String(page1.nextCursor)}`),
    );
    expect((page2.items as unknown[]).length).toBe(2);
    expect(page2.nextCursor).toBeNull();
    const ids = [
      ...(page1.items as { profileId: string }[]),
      ...(page2.items as { profileId: string }[]),
    ]
      .map((p) => p.profileId)
      .sort();
    expect(ids).toEqual(["search-0", "search-1", "search-2", "search-3", "search-4"]);
  });

  it("updates attributes and consent with its history", async () => {
    await t.ingest("/identify", { userId: "patch-1", traits: { plan: "free", city: "Berlin" } });
    const res = await t.api("/api/profiles/patch-1", {
      method: "PATCH",
      body: {
        attributes: { plan: "pro", city: null },
        consent: { sms: { marketing: "subscribed" } },
      },
    });
    expect(res.status).toBe(200);
    const p = await json(res);
    expect(p.attributes).toEqual({ plan: "pro" });
    expect(p).toMatchObject({
      consent: {
        sms: {
          marketing: "subscribed",
          transactional: "unknown",
          history: [expect.objectContaining({ status: "subscribed", source: "api" })],
        },
      },
    });
  });
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
    expect(unsigned.status).toBe(403);
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
    expect(bad.status).toBe(403);
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
