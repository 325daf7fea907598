/**
 * Issue 18's entry and timing controls against real Temporal (time-skipping) and the embedded engine: a wait
 * that ends at a time of day on the profile's clock, the journey's own frequency caps beside the workspace's,
 * "since entering the journey" windows in branches and exit conditions, and the entry gate (dates, entrants
 * per hour) decided at enrolment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyDocumentInput } from "@omnijourney/shared";
import { newJourney, newJourneyVersion } from "@omnijourney/store";
import { createJourneyRuntime, type JourneyRuntime } from "../src/client.js";
import { localTime } from "../src/time/zoned.js";
import { createJourneyTestEnv, linear, type JourneyTestEnv } from "./helpers/journey-env.js";
import { eventually } from "./helpers/wait.js";

let t: JourneyTestEnv;
let runtime: JourneyRuntime;
beforeAll(async () => {
  t = await createJourneyTestEnv("timing_controls");
  await t.setSettings({
    quietHours: { enabled: false },
    frequencyCap: { enabled: true, limit: 100, window: { amount: 1, unit: "day" }, action: "skip" },
  });
  runtime = createJourneyRuntime({
    temporal: t.env.client,
    models: t.models,
    taskQueue: t.taskQueue,
  });
});
afterAll(async () => {
  await runtime?.close();
  await t?.close();
});

const email = (subject: string) => ({ subject, body: "Hi", category: "marketing" as const });
const HOUR = 60 * 60 * 1000;

/** Publishes a journey document as version 1 (what the API's publish writes), for enrolments through the client. */
async function publish(journeyId: string, document: JourneyDocumentInput): Promise<void> {
  await t.models.journeys.insertOne(
    newJourney({ _id: journeyId, name: document.name, document, status: "live", liveVersion: 1 }),
  );
  await t.models.journeyVersions.insertOne(
    newJourneyVersion({
      journeyId,
      version: 1,
      plan: t.compile(document),
      document,
      hash: journeyId,
    }),
  );
}

describe("a wait that ends at a time of day in the profile's time zone", () => {
  it("waits the duration, then until the next 10:00 on the profile's clock", async () => {
    const zone = "America/New_York";
    await t.createProfile("p-at10", { attributes: { email: "ten@example.com", timezone: zone } });
    const plan = t.compile(
      linear("send at ten", [
        { id: "w", type: "wait.duration", config: { amount: 1, unit: "day", atTime: "10:00" } },
        { id: "m", type: "message.email", config: email("at ten") },
      ]),
    );
    const handle = await t.start(plan, "p-at10");
    const started = (await handle.describe()).startTime.getTime();
    expect((await handle.result()).outcome).toBe("completed");
    const message = await t.models.messages.findOne({ profileId: "p-at10" });
    const sentAt = message?.sentAt;
    expect(sentAt).toBeInstanceOf(Date);
    if (!(sentAt instanceof Date)) return;
    const local = localTime(sentAt, zone);
    expect([local.hour, local.minute]).toEqual([10, 0]);
    // After the day, and no more than a day after it.
    expect(sentAt.getTime()).toBeGreaterThanOrEqual(started + 24 * HOUR);
    expect(sentAt.getTime()).toBeLessThanOrEqual(started + 48 * HOUR + 60_000);
  });
});

describe("the journey's own frequency caps", () => {
  it("suppresses the journey's second email under its 1-a-day email cap, while other channels and journeys still send", async () => {
    await t.createProfile("p-jcap", { attributes: { email: "jcap@example.com" } });
    const capped = t.compile(
      linear(
        "capped",
        [
          { id: "m1", type: "message.email", config: email("one") },
          { id: "m2", type: "message.email", config: email("two") },
          { id: "in", type: "message.inapp", config: { title: "Hi", body: "In app" } },
        ],
        {
          respectQuietHours: false,
          frequencyCaps: [{ channel: "email", limit: 1, window: { amount: 1, unit: "day" } }],
        },
      ),
    );
    const other = t.compile(
      linear("other", [{ id: "o1", type: "message.email", config: email("other") }], {
        respectQuietHours: false,
      }),
    );
    expect((await t.run(capped, "p-jcap", { journeyId: "jcap-a" })).outcome).toBe("completed");
    expect((await t.run(other, "p-jcap", { journeyId: "jcap-b" })).outcome).toBe("completed");
    const byNode = async (nodeId: string) =>
      t.models.messages.findOne({ profileId: "p-jcap", nodeId });
    expect(await byNode("m1")).toMatchObject({ status: "sent" });
    expect(await byNode("m2")).toMatchObject({
      status: "suppressed",
      reason: "journey_frequency_cap",
    });
    expect(await byNode("in")).toMatchObject({ status: "sent" });
    expect(await byNode("o1")).toMatchObject({ status: "sent" });
  });
});

describe("since entering the journey", () => {
  const branchOnClick = (since: "entry" | undefined): JourneyDocumentInput => ({
    name: "clicked since entry",
    nodes: [
      { id: "t", type: "trigger.manual", config: {} },
      { id: "w", type: "wait.duration", config: { amount: 2, unit: "hour" } },
      {
        id: "b",
        type: "branch.condition",
        config: {
          condition: { event: "link_clicked", op: "performed", ...(since ? { since } : {}) },
        },
      },
      {
        id: "yes",
        type: "profile.update",
        config: { assignments: [{ op: "set", attr: "branch", value: "yes" }] },
      },
      {
        id: "no",
        type: "profile.update",
        config: { assignments: [{ op: "set", attr: "branch", value: "no" }] },
      },
    ],
    edges: [
      { id: "e1", source: "t", target: "w" },
      { id: "e2", source: "w", target: "b" },
      { id: "e3", source: "b", sourceHandle: "yes", target: "yes" },
      { id: "e4", source: "b", sourceHandle: "no", target: "no" },
    ],
  });
  /**
   * Runs the journey for a new profile whose one click happened `offsetMs` after it entered (the counters
   * ingestion keeps). The test server's clock has moved on in earlier tests, so the offset is from the
   * workflow's own start; time skips only while the result is awaited, after the click is in place.
   */
  async function branchTaken(document: JourneyDocumentInput, profileId: string, offsetMs: number) {
    await t.createProfile(profileId);
    const handle = await t.start(t.compile(document), profileId);
    const at = new Date((await handle.describe()).startTime.getTime() + offsetMs);
    await t.models.profiles.updateOne(
      { profileId },
      { $set: { counters: { link_clicked: { count: 1, first: at, last: at, recent: [at] } } } },
    );
    await handle.result();
    return (await t.models.profiles.findOne({ profileId }))?.attributes.branch;
  }

  it("counts a click only when it came after the profile entered", async () => {
    expect(await branchTaken(branchOnClick("entry"), "p-before", -24 * HOUR)).toBe("no");
    expect(await branchTaken(branchOnClick("entry"), "p-after", HOUR)).toBe("yes");
    // Without the window the old click counts.
    expect(await branchTaken(branchOnClick(undefined), "p-ever", -24 * HOUR)).toBe("yes");
  });

  it("an exit condition on a purchase since entering ignores the purchase before it", async () => {
    const purchased = (profileId: string, at: Date) =>
      t
        .createProfile(profileId, { attributes: { email: `${profileId}@example.com` } })
        .then(() =>
          t.models.profiles.updateOne(
            { profileId },
            { $set: { counters: { purchase: { count: 1, first: at, last: at, recent: [at] } } } },
          ),
        );
    await purchased("p-old-buyer", new Date(Date.now() - 24 * HOUR));
    const plan = t.compile(
      linear("exit on purchase", [{ id: "m", type: "message.email", config: email("buy") }], {
        respectQuietHours: false,
        exitOn: [{ condition: { event: "purchase", op: "performed", since: "entry" } }],
      }),
    );
    const result = await t.run(plan, "p-old-buyer");
    expect(result.outcome).toBe("completed");
    expect(await t.models.messages.findOne({ profileId: "p-old-buyer" })).toMatchObject({
      status: "sent",
    });
  });
});

describe("who may enter, decided at enrolment", () => {
  const quick = (name: string, settings: Record<string, unknown>): JourneyDocumentInput =>
    linear(name, [{ id: "x", type: "exit", config: {} }], settings);

  it("takes no one before the start date or after the end date", async () => {
    const hourFromNow = new Date(Date.now() + HOUR).toISOString();
    const hourAgo = new Date(Date.now() - HOUR).toISOString();
    await publish("j-later", quick("later", { startsAt: hourFromNow }));
    await publish("j-over", quick("over", { endsAt: hourAgo }));
    await publish("j-open", quick("open", { startsAt: hourAgo, endsAt: hourFromNow }));
    await t.createProfile("p-dates");
    expect(await runtime.enrol({ journeyId: "j-later", profileId: "p-dates" })).toMatchObject({
      started: false,
      reason: "not_started",
    });
    expect(await runtime.enrol({ journeyId: "j-over", profileId: "p-dates" })).toMatchObject({
      started: false,
      reason: "ended",
    });
    expect(await runtime.enrol({ journeyId: "j-open", profileId: "p-dates" })).toMatchObject({
      started: true,
    });
  });

  it("lets people already in the journey carry on past its end date", async () => {
    const soon = new Date(Date.now() + 3_000).toISOString();
    await publish(
      "j-ending",
      linear("ending", [{ id: "w", type: "wait.duration", config: { amount: 1, unit: "day" } }], {
        endsAt: soon,
      }),
    );
    await t.createProfile("p-inside");
    await t.createProfile("p-late");
    const inside = await runtime.enrol({ journeyId: "j-ending", profileId: "p-inside" });
    expect(inside.started).toBe(true);
    if (!inside.started) return;
    await eventually(async () => Date.now() > Date.parse(soon), { what: "the end date" });
    expect(await runtime.enrol({ journeyId: "j-ending", profileId: "p-late" })).toMatchObject({
      started: false,
      reason: "ended",
    });
    const result = await t.env.client.workflow.getHandle(inside.workflowId).result();
    expect(result.outcome).toBe("completed");
  });

  it("admits exactly the hourly limit when more people arrive at once", async () => {
    await publish(
      "j-rate",
      quick("rate", { reentry: "always", entryRate: { perHour: 3, perDay: 100 } }),
    );
    const people = Array.from({ length: 8 }, (_, i) => `p-rate-${i}`);
    for (const p of people) await t.createProfile(p);
    const results = await Promise.all(
      people.map((profileId) => runtime.enrol({ journeyId: "j-rate", profileId })),
    );
    expect(results.filter((r) => r.started)).toHaveLength(3);
    expect(results.filter((r) => !r.started && r.reason === "entry_rate")).toHaveLength(5);
    // The refused gave their places back in the day window; the hour window is full.
    const windows = await t.models.entryCounters.find({ journeyId: "j-rate" }).toArray();
    expect(windows.map((w) => [w._id.split(":")[1], w.n]).sort()).toEqual([
      ["day", 3],
      ["hour", 3],
    ]);
  });
});
