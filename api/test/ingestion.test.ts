import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyToProfiles } from "../src/ingestion/ingest.js";
import { startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("ingestion");
});
afterAll(async () => {
  await t?.close();
});

const profile = async (id: string) => {
  const res = await t.api(`/api/profiles/${encodeURIComponent(id)}`);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      timeline: { kind: string; event?: string }[];
      attributes: Record<string, unknown>;
      anonymousIds: string[];
      counters: Record<string, { count: number }>;
    },
  };
};

describe("Segment-compatible ingestion", () => {
  it("stores an identify's traits on the profile and answers only after the write", async () => {
    const res = await t.ingest("/identify", {
      userId: "u-1",
      traits: { email: "ada@example.com", firstName: "Ada", plan: "pro" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, stored: 1, duplicates: 0 });
    const p = await profile("u-1");
    expect(p.status).toBe(200);
    expect(p.body.attributes).toMatchObject({
      email: "ada@example.com",
      firstName: "Ada",
      plan: "pro",
    });
  });

  it("counts tracked events per profile and de-duplicates by messageId", async () => {
    const call = {
      userId: "u-2",
      event: "Order Completed",
      properties: { total: 42 },
      messageId: "m-dup-1",
    };
    expect((await t.ingest("/track", call)).status).toBe(200);
    const again = await t.ingest("/track", call);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 1 });
    await t.ingest("/track", { ...call, messageId: "m-dup-2" });
    const p = await profile("u-2");
    expect(p.body.counters["Order Completed"]?.count).toBe(2);
    expect(p.body.timeline.filter((e) => e.kind === "event")).toHaveLength(2);
  });

  it("corrects the client's clock skew from sentAt as Segment does", async () => {
    // The client's clock is 1 hour ahead: it says the event happened 10 s before sending, by its own clock.
    const clientNow = Date.now() + 3_600_000;
    await t.ingest("/track", {
      userId: "u-skew",
      event: "Skewed",
      timestamp: new Date(clientNow - 10_000).toISOString(),
      sentAt: new Date(clientNow).toISOString(),
      messageId: "skew-1",
    });
    const events = await t.context.db.events.find({ messageId: "skew-1" }).toArray();
    const ts = events[0]?.timestamp.getTime() ?? 0;
    expect(Math.abs(ts - (Date.now() - 10_000))).toBeLessThan(5_000);
  });

  it("accepts a batch, stores the valid events and names the invalid ones", async () => {
    const res = await t.ingest("/batch", {
      batch: [
        { type: "track", userId: "u-3", event: "A", messageId: "b-1" },
        { type: "track", userId: "u-3", messageId: "b-2" },
        { type: "page", anonymousId: "anon-b", name: "Home", messageId: "b-3" },
        { type: "nope", userId: "u-3" },
        { type: "track", userId: "u-3", event: "B", properties: { "a.b": 1 }, messageId: "b-5" },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      stored: number;
      errors: { index: number; fields: string[] }[];
    };
    expect(body.stored).toBe(2);
    expect(body.errors.map((e) => e.index)).toEqual([1, 3, 4]);
    expect(body.errors[0]?.fields).toContain("body.batch.1.event");
    expect(body.errors[2]?.fields).toContain("body.batch.4.properties.a.b");
  });

  it("counts a batch of 150 events over 120 people, new and known, each event once", async () => {
    await t.ingest("/track", { userId: "many-0", event: "Seen", messageId: "many-pre" });
    const batch = Array.from({ length: 150 }, (_, n) => ({
      type: "track",
      userId: `many-${n % 120}`,
      event: "Seen",
      messageId: `many-${n}`,
    }));
    const res = await t.ingest("/batch", { batch });
    expect(await res.json()).toMatchObject({ stored: 150, duplicates: 0 });
    expect((await profile("many-0")).body.counters.Seen?.count).toBe(3);
    expect((await profile("many-29")).body.counters.Seen?.count).toBe(2);
    expect((await profile("many-119")).body.counters.Seen?.count).toBe(1);
    // Applying the same stored events again (the outbox drain after a crash) counts nothing twice.
    const stored = await t.context.db.events.find({ messageId: { $regex: "^many-" } }).toArray();
    await applyToProfiles(t.context.db, stored, new Date());
    expect((await profile("many-0")).body.counters.Seen?.count).toBe(3);
  });

  it("refuses an event over 32 KB inside a batch and a batch over 500 KB", async () => {
    const big = "x".repeat(33 * 1024);
    const res = await t.ingest("/batch", {
      batch: [
        { type: "track", userId: "u-4", event: "Big", properties: { big } },
        { type: "track", userId: "u-4", event: "Small" },
      ],
    });
    const body = (await res.json()) as { stored: number; errors: { code: string }[] };
    expect(body.stored).toBe(1);
    expect(body.errors[0]?.code).toBe("event_too_large");
    const huge = await t.ingest("/batch", {
      batch: Array.from({ length: 20 }, () => ({
        type: "track",
        userId: "u-4",
        event: "E",
        properties: { big: "y".repeat(30 * 1024) },
      })),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("rejects calls without the write key", async () => {
    const res = await fetch(`${t.url}/v1/track`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: "x", event: "E" }),
    });
    expect(res.status).toBe(401);
    const wrong = await fetch(`${t.url}/v1/track`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from("nope:").toString("base64")}`,
      },
      body: JSON.stringify({ userId: "x", event: "E" }),
    });
    expect(wrong.status).toBe(401);
  });
});

describe("identity merge", () => {
  it("joins anonymous page views to the profile on identify: one profile with the whole history", async () => {
    for (let i = 0; i < 3; i++)
      await t.ingest("/page", {
        anonymousId: "anon-merge",
        name: `Page ${i}`,
        messageId: `pv-${i}`,
      });
    await t.ingest("/track", {
      anonymousId: "anon-merge",
      event: "Added To Cart",
      messageId: "atc-1",
    });
    expect((await profile("anon-merge")).body.counters["Page Viewed"]?.count).toBe(3);
    await t.ingest("/identify", {
      userId: "u-merge",
      anonymousId: "anon-merge",
      traits: { email: "m@example.com" },
    });
    const p = await profile("u-merge");
    expect(p.body.anonymousIds).toContain("anon-merge");
    expect(p.body.attributes).toMatchObject({ email: "m@example.com" });
    expect(p.body.counters["Page Viewed"]?.count).toBe(3);
    expect(p.body.counters["Added To Cart"]?.count).toBe(1);
    const events = p.body.timeline.filter((e) => e.kind === "event").map((e) => e.event);
    expect(events.filter((e) => e === "Page Viewed")).toHaveLength(3);
    expect(events).toContain("Identify");
    // The anonymous profile is gone, and its id now finds the known one.
    expect(await t.context.db.profiles.countDocuments({ profileId: "anon-merge" })).toBe(0);
    expect((await profile("anon-merge")).body.profileId).toBe("u-merge");
    // Later anonymous events land on the known profile.
    await t.ingest("/page", { anonymousId: "anon-merge", name: "After", messageId: "pv-after" });
    expect((await profile("u-merge")).body.counters["Page Viewed"]?.count).toBe(4);
  });

  it("alias joins a previous id to the user id likewise", async () => {
    await t.ingest("/track", {
      anonymousId: "anon-alias",
      event: "Viewed Product",
      messageId: "va-1",
    });
    await t.ingest("/track", {
      anonymousId: "anon-alias",
      event: "Viewed Product",
      messageId: "va-2",
    });
    const res = await t.ingest("/alias", { previousId: "anon-alias", userId: "u-alias" });
    expect(res.status).toBe(200);
    const p = await profile("u-alias");
    expect(p.body.counters["Viewed Product"]?.count).toBe(2);
    expect(p.body.anonymousIds).toContain("anon-alias");
    expect(await t.context.db.events.countDocuments({ profileId: "anon-alias" })).toBe(0);
  });
});
