import { assignVariant } from "@omnijourney/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localTime, zonedInstant } from "../src/time/zoned.js";
import { createJourneyTestEnv, linear, type JourneyTestEnv } from "./helpers/journey-env.js";
import { newMessage } from "@omnijourney/store";

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv("policies");
  await t.setSettings({
    quietHours: { enabled: true, start: "21:00", end: "08:00", defaultTimezone: "UTC" },
    frequencyCap: { enabled: true, limit: 2, window: { amount: 1, unit: "day" }, action: "skip" },
    channelCosts: { email: 0.001, sms: 0.05, push: 0.0005, whatsapp: 0.03 },
  });
});
afterAll(() => t?.close());

const email = (subject: string, category: "marketing" | "transactional" = "marketing") => ({
  subject,
  body: "Hello {{ profile.firstName }}",
  category,
});
/** Journeys in these tests ignore quiet hours unless the test is about them, so the clock position does not matter. */
const noQuiet = { respectQuietHours: false };

describe("send policies (time-skipping, embedded engine)", () => {
  it("a marketing send without consent is logged as suppressed with its reason, and the journey goes on", async () => {
    await t.createProfile("p-noconsent", {
      attributes: { email: "x@example.com" },
      consent: { email: { marketing: "unsubscribed" } },
    });
    const plan = t.compile(
      linear(
        "no consent",
        [
          { id: "m", type: "message.email", config: email("promo") },
          {
            id: "u",
            type: "profile.update",
            config: { assignments: [{ op: "set", attr: "after", value: "yes" }] },
          },
        ],
        noQuiet,
      ),
    );
    const result = await t.run(plan, "p-noconsent");
    expect(result.outcome).toBe("completed");
    const message = await t.models.messages.findOne({ profileId: "p-noconsent" });
    expect(message).toMatchObject({ status: "suppressed", reason: "no_consent", cost: 0 });
    expect(
      (await t.models.profiles.findOne({ profileId: "p-noconsent" }))?.attributes,
    ).toMatchObject({ after: "yes" });
  });

  it("a frequency cap of 2 a day holds across two journeys", async () => {
    await t.createProfile("p-cap", { attributes: { email: "cap@example.com" } });
    const a = t.compile(
      linear(
        "A",
        [
          { id: "a1", type: "message.email", config: email("a1") },
          { id: "a2", type: "message.email", config: email("a2") },
        ],
        noQuiet,
      ),
    );
    const wait = (hours: number) => ({
      id: "w",
      type: "wait.duration",
      config: { amount: hours, unit: "hour" },
    });
    const b = t.compile(
      linear("B", [wait(1), { id: "b1", type: "message.email", config: email("b1") }], noQuiet),
    );
    const c = t.compile(
      linear("C", [wait(26), { id: "c1", type: "message.email", config: email("c1") }], noQuiet),
    );
    // Concurrently, so the journeys share one clock: A sends twice now, B an hour later, C a day after that.
    const handles = [
      await t.start(a, "p-cap", { journeyId: "cap-a" }),
      await t.start(b, "p-cap", { journeyId: "cap-b" }),
      await t.start(c, "p-cap", { journeyId: "cap-c" }),
    ];
    // One result() at a time: each call unlocks the test server's time skipping while it waits.
    for (const handle of handles) await handle.result();
    const messages = await t.models.messages
      .find({ profileId: "p-cap" })
      .sort({ createdAt: 1 })
      .toArray();
    expect(messages.map((m) => [m.journeyId, m.nodeId, m.status, m.reason ?? null])).toEqual([
      ["cap-a", "a1", "sent", null],
      ["cap-a", "a2", "sent", null],
      ["cap-b", "b1", "suppressed", "frequency_cap"],
      ["cap-c", "c1", "sent", null],
    ]);
  });

  it("a transactional message ignores marketing consent and the frequency cap", async () => {
    await t.createProfile("p-tx", {
      attributes: { email: "tx@example.com" },
      consent: { email: { marketing: "unsubscribed" } },
    });
    const now = await t.env.currentTimeMs();
    await t.models.messages.insertMany(
      [1, 2, 3].map((i) =>
        newMessage({
          idempotencyKey: `pre-${i}`,
          profileId: "p-tx",
          channel: "email",
          category: "marketing",
          status: "sent",
          sentAt: new Date(now),
        }),
      ),
    );
    const plan = t.compile(
      linear("receipt", [
        { id: "r", type: "message.email", config: email("Your receipt", "transactional") },
      ]),
    );
    const marketing = t.compile(
      linear("promo", [{ id: "p", type: "message.email", config: email("promo") }], noQuiet),
    );
    const receipt = await t.start(plan, "p-tx");
    const promo = await t.start(marketing, "p-tx");
    await receipt.result();
    await promo.result();
    expect(await t.models.messages.findOne({ profileId: "p-tx", nodeId: "r" })).toMatchObject({
      status: "sent",
      category: "transactional",
    });
    // The same profile's marketing message is held back by the very consent and cap the receipt ignored.
    expect(await t.models.messages.findOne({ profileId: "p-tx", nodeId: "p" })).toMatchObject({
      status: "suppressed",
      reason: "no_consent",
    });
  });

  it("a marketing send at 22:00 local goes out at the window start the next morning in the profile's time zone", async () => {
    await t.createProfile("p-quiet", {
      attributes: { email: "q@example.com", timezone: "America/New_York" },
    });
    const plan = t.compile(
      linear("quiet", [
        { id: "u", type: "wait.until", config: { mode: "window", from: "22:00" } },
        { id: "m", type: "message.email", config: email("night") },
      ]),
    );
    await t.run(plan, "p-quiet");
    const message = await t.models.messages.findOne({ profileId: "p-quiet" });
    expect(message?.statusHistory.map((h) => h.status)).toEqual(["deferred", "queued", "sent"]);
    const deferredAt = localTime(message?.statusHistory[0]?.at ?? new Date(0), "America/New_York");
    const sentAt = localTime(message?.sentAt ?? new Date(0), "America/New_York");
    expect([deferredAt.hour, deferredAt.minute]).toEqual([22, 0]);
    expect([sentAt.hour, sentAt.minute]).toEqual([8, 0]);
    expect(sentAt.weekday).toBe((deferredAt.weekday + 1) % 7);
  });

  it("quiet hours across a DST change: 22:00 before spring-forward goes out at 08:00 daylight time", async () => {
    await t.createProfile("p-dst", {
      attributes: { email: "d@example.com", timezone: "America/New_York" },
    });
    // The night before the second Sunday of March (US spring-forward) of the year after the test clock.
    const year = new Date(await t.env.currentTimeMs()).getUTCFullYear() + 1;
    const firstOfMarch = new Date(Date.UTC(year, 2, 1)).getUTCDay();
    const secondSunday = 1 + ((7 - firstOfMarch) % 7) + 7;
    const saturdayNight = zonedInstant(year, 3, secondSunday - 1, 22, 0, "America/New_York");
    const plan = t.compile(
      linear("dst", [
        {
          id: "u",
          type: "wait.until",
          config: { mode: "datetime", at: saturdayNight.toISOString() },
        },
        { id: "m", type: "message.email", config: email("night before DST") },
      ]),
    );
    await t.run(plan, "p-dst");
    const message = await t.models.messages.findOne({ profileId: "p-dst" });
    const expected = new Date(Date.UTC(year, 2, secondSunday, 12, 0)); // 08:00 EDT is 12:00 UTC, not 13:00
    // Timers fire a moment late (more on a loaded machine); compare to the minute.
    const sentMinute = Math.floor((message?.sentAt?.getTime() ?? 0) / 60_000) * 60_000;
    expect(new Date(sentMinute).toISOString()).toBe(expected.toISOString());
    expect(sentMinute - saturdayNight.getTime()).toBe(9 * 3600_000);
  });

  it("the cascade skips a channel without consent and stops at the first response", async () => {
    await t.createProfile("p-cascade", {
      attributes: {
        email: "c@example.com",
        phone: "+15550000001",
        pushSubscriptions: [
          { endpoint: "https://push.example/c", keys: { p256dh: "k", auth: "a" } },
        ],
      },
      consent: { sms: { marketing: "unknown" } },
    });
    const cascade = {
      steps: [
        { channel: "sms", content: { text: "sms step" }, window: { amount: 1, unit: "day" } },
        {
          channel: "email",
          content: { subject: "email step", body: "b" },
          window: { amount: 1, unit: "day" },
        },
        {
          channel: "push",
          content: { title: "push step", body: "b" },
          window: { amount: 1, unit: "day" },
        },
      ],
    };
    const doc = {
      name: "cascade",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        { id: "c", type: "message.cascade", config: cascade },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "c" },
        { id: "e2", source: "c", sourceHandle: "responded", target: "x" },
        { id: "e3", source: "c", sourceHandle: "exhausted", target: "x" },
      ],
      settings: noQuiet,
    };
    const plan = t.compile(doc);
    const handle = await t.start(plan, "p-cascade", { journeyId: "j-cascade" });
    await t.env.sleep("3 hours");
    expect(await handle.query("state")).toMatchObject({
      currentNodeId: "c",
      waitingFor: { kind: "event" },
    });
    await handle.signal("event", t.event("message_opened"));
    await handle.result();
    const messages = await t.models.messages
      .find({ profileId: "p-cascade" })
      .sort({ cascadeStep: 1 })
      .toArray();
    expect(messages.map((m) => [m.channel, m.status, m.reason ?? null])).toEqual([
      ["sms", "suppressed", "no_consent"],
      ["email", "sent", null],
    ]);
    expect(messages[1]?.cost).toBe(0.001);
    expect(
      (await t.models.nodeStats.findOne({ journeyId: "j-cascade", nodeId: "c" }))?.ports,
    ).toEqual({ responded: 1 });
  });

  it("the cascade escalates cheapest first when nobody responds, logging each step's cost, and ends exhausted", async () => {
    await t.createProfile("p-cheap", {
      attributes: { email: "e@example.com", phone: "+15550000002" },
      consent: { sms: { marketing: "subscribed" } },
    });
    const doc = {
      name: "cheapest",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        {
          id: "c",
          type: "message.cascade",
          config: {
            order: "cheapest",
            steps: [
              { channel: "sms", content: { text: "sms" }, window: { amount: 2, unit: "hour" } },
              {
                channel: "email",
                content: { subject: "mail", body: "b" },
                window: { amount: 2, unit: "hour" },
              },
            ],
          },
        },
      ],
      edges: [{ id: "e1", source: "t", target: "c" }],
      settings: noQuiet,
    };
    const plan = t.compile({
      ...doc,
      nodes: [...doc.nodes, { id: "x", type: "exit", config: {} }],
      edges: [
        ...doc.edges,
        { id: "e2", source: "c", sourceHandle: "responded", target: "x" },
        { id: "e3", source: "c", sourceHandle: "exhausted", target: "x" },
      ],
    });
    await t.run(plan, "p-cheap", { journeyId: "j-cheap" });
    const messages = await t.models.messages
      .find({ profileId: "p-cheap" })
      .sort({ sentAt: 1 })
      .toArray();
    expect(messages.map((m) => [m.channel, m.status, m.cost])).toEqual([
      ["email", "sent", 0.001],
      ["sms", "sent", 0.05],
    ]);
    expect(
      (messages[1]?.sentAt?.getTime() ?? 0) - (messages[0]?.sentAt?.getTime() ?? 0),
    ).toBeGreaterThanOrEqual(2 * 3600_000);
    expect(
      (await t.models.nodeStats.findOne({ journeyId: "j-cheap", nodeId: "c" }))?.ports,
    ).toEqual({ exhausted: 1 });
  });

  it("experiment assignment is stable per profile and within ±2% of the weights over 10,000 profiles", async () => {
    const variants = [
      { id: "A", weight: 50 },
      { id: "B", weight: 30 },
      { id: "C", weight: 20 },
    ];
    const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
    for (let i = 0; i < 10_000; i++) {
      const v = assignVariant("j-exp", "split", `profile-${i}`, variants);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    for (const v of variants)
      expect(Math.abs((counts[v.id] ?? 0) / 100 - v.weight)).toBeLessThanOrEqual(2);

    // Through the workflow: the same profile re-entering gets the same variant.
    const doc = {
      name: "experiment",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        { id: "split", type: "experiment.split", config: { variants } },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "split" },
        ...variants.map((v) => ({
          id: `e-${v.id}`,
          source: "split",
          sourceHandle: v.id,
          target: "x",
        })),
      ],
    };
    const plan = t.compile(doc);
    await t.createProfile("p-exp");
    const first = await t.run(plan, "p-exp", { journeyId: "j-exp" });
    const again = await t.run(plan, "p-exp", { journeyId: "j-exp" });
    expect(first.variants.split).toBe(assignVariant("j-exp", "split", "p-exp", variants));
    expect(again.variants.split).toBe(first.variants.split);
  });

  it("the holdout receives nothing and still counts its conversion", async () => {
    const config = { variants: [{ id: "A", weight: 100 }], holdout: 50 };
    let profileId = "";
    for (let i = 0; !profileId; i++)
      if (
        assignVariant("j-hold", "split", `hold-${i}`, config.variants, config.holdout) === "holdout"
      )
        profileId = `hold-${i}`;
    await t.createProfile(profileId, { attributes: { email: "h@example.com" } });
    const doc = {
      name: "holdout",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        { id: "split", type: "experiment.split", config },
        { id: "m", type: "message.email", config: email("variant A") },
      ],
      edges: [
        { id: "e1", source: "t", target: "split" },
        { id: "e2", source: "split", sourceHandle: "A", target: "m" },
      ],
      settings: {
        ...noQuiet,
        goal: { event: "purchase", within: { amount: 7, unit: "day" as const } },
      },
    };
    const handle = await t.start(t.compile(doc), profileId, { journeyId: "j-hold" });
    await t.env.sleep("2 days");
    await handle.signal("event", t.event("purchase"));
    const result = await handle.result();
    expect(result.outcome).toBe("converted");
    expect(result.variants.split).toBe("holdout");
    expect(await t.models.messages.countDocuments({ profileId })).toBe(0);
    expect(
      (await t.models.nodeStats.findOne({ journeyId: "j-hold", nodeId: "split" }))?.portConversions,
    ).toEqual({ holdout: 1 });
    // The arm is recorded durably once, its conversion window opening when the profile entered it.
    const assignment = await t.models.experimentAssignments.findOne({ journeyId: "j-hold" });
    expect(assignment).toMatchObject({ nodeId: "split", profileId, arm: "holdout", version: 1 });
    expect((assignment?.goal?.until.getTime() ?? 0) - (assignment?.enteredAt.getTime() ?? 0)).toBe(
      7 * 24 * 3_600_000,
    );
    expect(
      (await t.models.experimentArmStats.findOne({ journeyId: "j-hold", kind: "entries" }))
        ?.enrolled,
    ).toBe(1);
  });
});
