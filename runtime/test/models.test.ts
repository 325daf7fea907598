import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDb } from "./helpers/mongo.js";

const db = await connectTestDb("models");
const { models } = db;
afterAll(() => db.close());

describe("mongoose models on the MongoDB subset (FerretDB)", () => {
  beforeAll(async () => {
    await models.Profile.create({
      profileId: "u1",
      userId: "u1",
      anonymousIds: ["a1", "a2"],
      attributes: {
        email: "ada@example.com",
        timezone: "Europe/Berlin",
        address: { city: "Berlin" },
      },
      consent: { email: { marketing: "subscribed", transactional: "unknown", history: [] } },
      counters: {},
    });
  });

  it("finds a profile by any of its anonymous ids and keeps nested attributes", async () => {
    const found = await models.Profile.findOne({ anonymousIds: "a2" }).lean();
    expect(found?.profileId).toBe("u1");
    expect(found?.attributes).toMatchObject({ address: { city: "Berlin" } });
  });

  it("rejects a second profile with the same profileId", async () => {
    await expect(
      models.Profile.create({ profileId: "u1", anonymousIds: [] }),
    ).rejects.toMatchObject({ code: 11000 });
  });

  it("de-duplicates events by messageId", async () => {
    const event = {
      messageId: "m-1",
      type: "track" as const,
      event: "purchase",
      profileId: "u1",
      timestamp: new Date(),
    };
    await models.Event.create(event);
    await expect(models.Event.create(event)).rejects.toMatchObject({ code: 11000 });
    expect(await models.Event.countDocuments({ profileId: "u1" })).toBe(1);
  });

  it("makes a message's idempotency key unique so a retried send cannot log twice", async () => {
    const message = {
      idempotencyKey: "wf:n1:1",
      profileId: "u1",
      channel: "email",
      category: "marketing" as const,
      status: "sent" as const,
    };
    await models.Message.create(message);
    await expect(models.Message.create(message)).rejects.toMatchObject({ code: 11000 });
  });

  it("keeps one journey version per (journeyId, version)", async () => {
    const version = { journeyId: "j1", version: 1, plan: { nodes: {} }, document: {}, hash: "h" };
    await models.JourneyVersion.create(version);
    await models.JourneyVersion.create({ ...version, version: 2 });
    await expect(models.JourneyVersion.create(version)).rejects.toMatchObject({ code: 11000 });
  });

  it("pre-aggregates node counters with $inc upserts, per port too", async () => {
    const inc = () =>
      models.NodeStat.updateOne(
        { journeyId: "j1", nodeId: "split" },
        { $inc: { entered: 1, active: 1, "ports.A": 1 } },
        { upsert: true },
      );
    // Sequential: FerretDB's SQLite backend loses concurrent $inc on one document (see activities/keyed-queue.ts).
    for (let i = 0; i < 3; i++) await inc();
    const stat = await models.NodeStat.findOne({ journeyId: "j1", nodeId: "split" }).lean();
    expect(stat?.entered).toBe(3);
    expect(stat?.ports).toEqual({ A: 3 });
  });

  it("stores journeys with string ids and a draft status by default", async () => {
    const journey = await models.Journey.create({
      name: "Welcome",
      document: { name: "Welcome", nodes: [], edges: [] },
    });
    expect(journey._id).toMatch(/^j_/);
    expect(journey.status).toBe("draft");
    expect(journey.liveVersion).toBeNull();
  });

  it("counts recent sent marketing messages of a profile for the frequency cap", async () => {
    const now = Date.now();
    await models.Message.insertMany(
      [0, 1, 2].map((i) => ({
        idempotencyKey: `cap:${i}`,
        profileId: "capped",
        channel: "email",
        category: "marketing",
        status: "sent",
        sentAt: new Date(now - i * 20 * 3600_000),
      })),
    );
    const count = await models.Message.countDocuments({
      profileId: "capped",
      category: "marketing",
      sentAt: { $gte: new Date(now - 86_400_000) },
    });
    expect(count).toBe(2);
  });
});
