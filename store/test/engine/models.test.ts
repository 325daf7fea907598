import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ObjectId } from "mongodb";
import { newJourney, newMessage, newProfile } from "../../src/index.js";
import { connectTestDb } from "../helpers/mongo.js";

const db = await connectTestDb("models");
const { models } = db;
afterAll(() => db.close());

describe("the driver collections on the MongoDB subset (FerretDB)", () => {
  beforeAll(async () => {
    await models.profiles.insertOne(
      newProfile({
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
      }),
    );
  });

  it("finds a profile by any of its anonymous ids and keeps nested attributes", async () => {
    const found = await models.profiles.findOne({ anonymousIds: "a2" });
    expect(found?.profileId).toBe("u1");
    expect(found?.attributes).toMatchObject({ address: { city: "Berlin" } });
  });

  it("rejects a second profile with the same profileId", async () => {
    await expect(
      models.profiles.insertOne(newProfile({ profileId: "u1", anonymousIds: [] })),
    ).rejects.toMatchObject({ code: 11000 });
  });

  it("de-duplicates events by messageId", async () => {
    const event = {
      messageId: "m-1",
      type: "track" as const,
      event: "purchase",
      profileId: "u1",
      properties: {},
      timestamp: new Date(),
      receivedAt: new Date(),
      source: "api" as const,
    };
    await models.events.insertOne({ _id: new ObjectId(), ...event });
    await expect(models.events.insertOne({ _id: new ObjectId(), ...event })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await models.events.countDocuments({ profileId: "u1" })).toBe(1);
  });

  it("makes a message's idempotency key unique so a retried send cannot log twice", async () => {
    const message = {
      idempotencyKey: "wf:n1:1",
      profileId: "u1",
      channel: "email",
      category: "marketing" as const,
      status: "sent" as const,
    };
    await models.messages.insertOne(newMessage(message));
    // Another `_id`: the unique idempotency key, not the derived id, refuses it.
    await expect(
      models.messages.insertOne(newMessage({ ...message, _id: new ObjectId() })),
    ).rejects.toMatchObject({
      code: 11000,
    });
  });

  it("keeps one journey version per (journeyId, version)", async () => {
    // A stub plan (untyped collection): only the unique key is under test.
    const versions = models.raw.collection("journey_versions");
    const version = { journeyId: "j1", version: 1, plan: { nodes: {} }, document: {}, hash: "h" };
    await versions.insertOne({ ...version });
    await versions.insertOne({ ...version, version: 2 });
    await expect(versions.insertOne({ ...version })).rejects.toMatchObject({ code: 11000 });
  });

  it("pre-aggregates node counters with $inc upserts, per port too", async () => {
    const inc = () =>
      models.nodeStats.updateOne(
        { journeyId: "j1", nodeId: "split" },
        { $inc: { entered: 1, active: 1, "ports.A": 1 } },
        { upsert: true },
      );
    // Sequential: FerretDB's SQLite backend loses concurrent $inc on one document (see src/engine/keyed-queue.ts).
    for (let i = 0; i < 3; i++) await inc();
    const stat = await models.nodeStats.findOne({ journeyId: "j1", nodeId: "split" });
    expect(stat?.entered).toBe(3);
    expect(stat?.ports).toEqual({ A: 3 });
  });

  it("stores journeys with string ids and a draft status by default", async () => {
    await models.journeys.insertOne(
      newJourney({
        name: "Welcome",
        document: { name: "Welcome", nodes: [], edges: [] },
      }),
    );
    const journey = await models.journeys.findOne({ name: "Welcome" });
    expect(journey?._id).toMatch(/^j_/);
    expect(journey?.status).toBe("draft");
    expect(journey?.liveVersion).toBeNull();
  });

  it("counts recent sent marketing messages of a profile for the frequency cap", async () => {
    const now = Date.now();
    await models.messages.insertMany(
      [0, 1, 2].map((i) =>
        newMessage({
          idempotencyKey: `cap:${i}`,
          profileId: "capped",
          channel: "email",
          category: "marketing",
          status: "sent",
          sentAt: new Date(now - i * 20 * 3600_000),
        }),
      ),
    );
    const count = await models.messages.countDocuments({
      profileId: "capped",
      category: "marketing",
      sentAt: { $gte: new Date(now - 86_400_000) },
    });
    expect(count).toBe(2);
  });
});
