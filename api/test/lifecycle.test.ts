import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "@omnijourney/runtime";
import { eventually, startTestApi, startTestWorker, type TestApi } from "./helpers/api.js";
import { segmentJourney, waitingJourney } from "./fixtures.js";
import { ObjectId, segmentMembershipId } from "@omnijourney/store";

let t: TestApi;
let worker: RunningWorker;

beforeAll(async () => {
  t = await startTestApi("lifecycle");
  worker = await startTestWorker(t);
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

const publish = async (doc: unknown): Promise<string> => {
  const { id } = (await (await t.api("/api/journeys", { body: doc })).json()) as { id: string };
  const res = await t.api(`/api/journeys/${id}/publish`, { method: "POST" });
  expect(res.status).toBe(200);
  return id;
};
/** The profile's enrolment in the journey once it is no longer active. */
const ended = (journeyId: string, profileId: string) =>
  eventually(
    async () =>
      t.context.db.enrolments.findOne({ journeyId, profileId, status: { $ne: "active" } }),
    30_000,
    `the enrolment of ${profileId} to end`,
  );
const activeEnrolments = (journeyId: string, profileId?: string) =>
  t.context.db.enrolments.countDocuments({
    journeyId,
    status: "active",
    ...(profileId ? { profileId } : {}),
  });

describe("fan-out to journeys", () => {
  it("signals a running enrolment: the event its wait listens for moves it on", async () => {
    const id = await publish(waitingJourney("Cart Started", { event: "Order Done" }));
    await t.ingest("/identify", {
      userId: "sig-1",
      traits: { email: "sig1@example.com", firstName: "Sig" },
    });
    await t.ingest("/track", { userId: "sig-1", event: "Cart Started" });
    await eventually(
      async () =>
        (await t.context.db.enrolments.findOne({
          journeyId: id,
          profileId: "sig-1",
          currentNodeId: "w",
        })) ?? null,
      30_000,
      "enrolment waiting at w",
    );
    await t.ingest("/track", { userId: "sig-1", event: "Order Done" });
    expect((await ended(id, "sig-1")).status).toBe("completed");
  }, 90_000);

  it("an enrolment started by one event of a batch hears the profile's next event in the same batch", async () => {
    const journey = waitingJourney("Basket Opened");
    const id = await publish({ ...journey, settings: { exitOn: [{ event: "Basket Emptied" }] } });
    const res = await t.ingest("/batch", {
      batch: [
        { type: "identify", userId: "batch-1", traits: { email: "batch1@example.com" } },
        { type: "track", userId: "batch-1", event: "Basket Opened", messageId: "bb-1" },
        { type: "track", userId: "batch-1", event: "Basket Emptied", messageId: "bb-2" },
      ],
    });
    expect(res.status).toBe(200);
    // The batch's events are fanned out together: the second one reaches the enrolment the first one started.
    expect((await ended(id, "batch-1")).status).toBe("exited");
  }, 90_000);

  it("enrols a profile into a trigger.segment journey within seconds of entering the segment", async () => {
    const segment = (await (
      await t.api("/api/segments", {
        body: { name: "Pro plan", condition: { attr: "plan", op: "eq", value: "pro" } },
      })
    ).json()) as { id: string };
    const id = await publish(segmentJourney(segment.id));
    await t.ingest("/identify", { userId: "seg-enter", traits: { plan: "free" } });
    await new Promise((r) => setTimeout(r, 500));
    expect(
      await t.context.db.enrolments.countDocuments({ journeyId: id, profileId: "seg-enter" }),
    ).toBe(0);
    const started = Date.now();
    await t.ingest("/identify", { userId: "seg-enter", traits: { plan: "pro" } });
    await eventually(
      async () =>
        (await t.context.db.enrolments.countDocuments({ journeyId: id, profileId: "seg-enter" })) >
        0,
      10_000,
      "segment enrolment",
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    // Staying in the segment does not enrol again.
    await t.ingest("/identify", { userId: "seg-enter", traits: { plan: "pro", seats: 3 } });
    await t.context.fanout.idle();
    expect(
      await t.context.db.enrolments.countDocuments({ journeyId: id, profileId: "seg-enter" }),
    ).toBe(1);
    // The membership row is keyed by `_id` (an index lookup on every engine), and leaving deletes it.
    const rowId = segmentMembershipId(id, segment.id, "seg-enter");
    expect(await t.context.db.segmentMemberships.countDocuments({ _id: rowId })).toBe(1);
    await t.ingest("/identify", { userId: "seg-enter", traits: { plan: "free" } });
    await t.context.fanout.idle();
    expect(await t.context.db.segmentMemberships.countDocuments({ _id: rowId })).toBe(0);
  }, 60_000);

  it("archiving a journey cancels its running enrolments", async () => {
    const id = await publish(waitingJourney("Trial Started"));
    for (const u of ["arch-1", "arch-2"]) {
      await t.ingest("/identify", { userId: u, traits: { email: `${u}@example.com` } });
      await t.ingest("/track", { userId: u, event: "Trial Started" });
    }
    await eventually(
      async () => (await activeEnrolments(id)) === 2,
      30_000,
      "two active enrolments",
    );
    const res = await t.api(`/api/journeys/${id}/archive`, { method: "POST" });
    expect(((await res.json()) as { status: string }).status).toBe("archived");
    await eventually(
      async () => (await activeEnrolments(id)) === 0,
      30_000,
      "enrolments cancelled",
    );
    // An archived journey enrols nobody.
    await t.ingest("/track", { userId: "arch-1", event: "Trial Started" });
    await t.context.fanout.idle();
    expect(
      await t.context.db.enrolments.countDocuments({ journeyId: id, profileId: "arch-1" }),
    ).toBe(1);
  }, 90_000);

  it("finishes an event whose process died after the write: the outbox loop applies and fans it out once", async () => {
    const id = await publish(waitingJourney("Crash Test"));
    await t.ingest("/identify", { userId: "crash-1", traits: { email: "crash@example.com" } });
    // As left by a process killed right after the insert: an outbox entry whose lease lapsed, the event stored,
    // not applied to the profile. Plus an entry whose event never got stored (killed between the two writes).
    const orphan = new ObjectId();
    const neverStored = new ObjectId();
    await t.context.db.outbox.insertMany([
      { _id: orphan, leaseUntil: new Date(Date.now() - 1_000) },
      { _id: neverStored, leaseUntil: new Date(Date.now() - 1_000) },
    ]);
    await t.context.db.events.insertOne({
      _id: orphan,
      messageId: "orphan-1",
      type: "track",
      event: "Crash Test",
      profileId: "crash-1",
      userId: "crash-1",
      anonymousId: null,
      properties: {},
      context: {},
      timestamp: new Date(),
      receivedAt: new Date(),
      source: "ingestion",
    });
    await eventually(
      async () => (await t.context.db.outbox.countDocuments({})) === 0,
      15_000,
      "outbox drain",
    );
    const profile = await t.context.db.profiles.findOne({ _id: "crash-1" });
    expect(profile?.counters["Crash Test"]?.count).toBe(1);
    await eventually(
      async () =>
        (await t.context.db.enrolments.countDocuments({ journeyId: id, profileId: "crash-1" })) ===
        1,
      30_000,
      "enrolment",
    );
    // A retry of the same call by the client is a duplicate: no second count, no second enrolment.
    const retry = await t.ingest("/track", {
      userId: "crash-1",
      event: "Crash Test",
      messageId: "orphan-1",
    });
    expect(await retry.json()).toMatchObject({ duplicates: 1 });
    await t.context.fanout.idle();
    expect(
      (await t.context.db.profiles.findOne({ _id: "crash-1" }))?.counters["Crash Test"]?.count,
    ).toBe(1);
    expect(
      await t.context.db.enrolments.countDocuments({ journeyId: id, profileId: "crash-1" }),
    ).toBe(1);
  }, 60_000);
});

describe("erase", () => {
  it("leaves nothing of the profile in any collection", async () => {
    const id = await publish(waitingJourney("Erase Me"));
    await t.ingest("/page", { anonymousId: "anon-erase", name: "Landing" });
    await t.ingest("/identify", {
      userId: "erase-1",
      anonymousId: "anon-erase",
      traits: { email: "erase.me@example.com", phone: "+4917000000", firstName: "Eve" },
    });
    await t.ingest("/track", { userId: "erase-1", event: "Erase Me" });
    await t.api("/api/profiles/erase-1/link-tokens", { body: { channel: "telegram" } });
    await eventually(
      async () => (await t.context.db.messages.countDocuments({ profileId: "erase-1" })) > 0,
      60_000,
      "a message to the profile",
    );
    expect(await activeEnrolments(id, "erase-1")).toBe(1);

    const res = await t.api("/api/profiles/erase-1", { method: "DELETE" });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500)); // anything a cancelled workflow might still write lands here

    const needles = ["erase-1", "anon-erase", "erase.me@example.com", "+4917000000"];
    const collections = await t.context.db.raw.listCollections({}, { nameOnly: true }).toArray();
    expect(collections.length).toBeGreaterThanOrEqual(6);
    for (const { name } of collections) {
      const docs = await t.context.db.raw.collection(name).find({}).toArray();
      const leaks = docs.filter((d) => needles.some((n) => JSON.stringify(d).includes(n)));
      expect(leaks, `collection ${name}`).toEqual([]);
    }
    expect((await t.api("/api/profiles/erase-1")).status).toBe(404);
  }, 120_000);
});
