import { defineNodeType, nodeTypes } from "@omnijourney/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createJourneyTestEnv, linear, type JourneyTestEnv } from "./helpers/journey-env.js";
import { newSegment } from "@omnijourney/store";

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv("nodes");
  await t.setSettings({ quietHours: { enabled: false }, frequencyCap: { enabled: false } });
});
afterAll(() => t?.close());

const email = {
  subject: "Hi {{ profile.firstName }}",
  body: "<p>Plan {{ event.properties.plan }}</p>",
};

describe("journey workflow: every built-in node type and port (time-skipping)", () => {
  it("sends an email rendered with Liquid and completes, logging the message with its cost", async () => {
    await t.createProfile("p-email", {
      attributes: { email: "ada@example.com", firstName: "Ada" },
    });
    const plan = t.compile(
      linear("email", [
        { id: "m", type: "message.email", config: email },
        { id: "x", type: "exit" },
      ]),
    );
    const result = await t.run(plan, "p-email", {
      journeyId: "j-email",
      event: t.event("signed_up", { plan: "pro" }),
    });
    expect(result.outcome).toBe("completed");
    const messages = await t.models.messages.find({ profileId: "p-email" }).toArray();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      status: "sent",
      channel: "email",
      nodeId: "m",
      to: "ada@example.com",
      cost: 0.001,
    });
    expect(messages[0]?.content).toMatchObject({ subject: "Hi Ada", body: "<p>Plan pro</p>" });
    expect(messages[0]?.statusHistory.map((h) => h.status)).toEqual(["queued", "sent"]);
  });

  it("wait.event takes the received port when the event arrives and the timeout port when nothing comes", async () => {
    const doc = {
      name: "wait event",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        {
          id: "w",
          type: "wait.event",
          config: { event: "email_opened", timeout: { amount: 1, unit: "day" } },
        },
        {
          id: "yes",
          type: "profile.update",
          config: {
            assignments: [{ op: "set", attr: "opened", value: "true", valueType: "boolean" }],
          },
        },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "w" },
        { id: "e2", source: "w", sourceHandle: "received", target: "yes" },
        { id: "e3", source: "w", sourceHandle: "timeout", target: "x" },
        { id: "e4", source: "yes", target: "x" },
      ],
    };
    const plan = t.compile(doc);
    await t.createProfile("p-wait-yes");
    await t.createProfile("p-wait-no");
    const handle = await t.start(plan, "p-wait-yes", { journeyId: "j-wait" });
    await t.env.sleep("2 hours");
    const state = await handle.query("state");
    expect(state).toMatchObject({
      status: "active",
      currentNodeId: "w",
      waitingFor: { kind: "event", events: ["email_opened"] },
    });
    await handle.signal("event", t.event("email_opened"));
    await handle.result();
    const timedOut = await t.run(plan, "p-wait-no", { journeyId: "j-wait" });
    expect(timedOut.outcome).toBe("completed");
    expect(
      (await t.models.profiles.findOne({ profileId: "p-wait-yes" }))?.attributes,
    ).toMatchObject({ opened: true });
    expect(
      (await t.models.profiles.findOne({ profileId: "p-wait-no" }))?.attributes,
    ).not.toHaveProperty("opened");
    const stat = await t.models.nodeStats.findOne({ journeyId: "j-wait", nodeId: "w" });
    expect(stat).toMatchObject({
      entered: 2,
      active: 0,
      completed: 2,
      ports: { received: 1, timeout: 1 },
    });
  });

  it("wait.duration sleeps durably for weeks in seconds of real time", async () => {
    await t.createProfile("p-dur");
    const plan = t.compile(
      linear("dur", [
        { id: "w", type: "wait.duration", config: { amount: 3, unit: "week" } },
        { id: "x", type: "exit" },
      ]),
    );
    const before = Date.now();
    const handle = await t.start(plan, "p-dur");
    const startedAt = await t.env.currentTimeMs();
    await handle.result();
    const endedAt = await t.env.currentTimeMs();
    expect(endedAt - startedAt).toBeGreaterThanOrEqual(21 * 86_400_000);
    expect(Date.now() - before).toBeLessThan(30_000);
  });

  it("branch.condition takes yes and no by profile attributes, branch.multi the first matching case or else", async () => {
    const doc = {
      name: "branches",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        {
          id: "b",
          type: "branch.condition",
          config: { condition: { attr: "country", op: "eq", value: "DE" } },
        },
        {
          id: "m",
          type: "branch.multi",
          config: {
            cases: [
              { id: "vip", condition: { attr: "tier", op: "eq", value: "vip" } },
              { id: "gold", condition: { attr: "tier", op: "eq", value: "gold" } },
            ],
          },
        },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "b" },
        { id: "e2", source: "b", sourceHandle: "yes", target: "m" },
        { id: "e3", source: "b", sourceHandle: "no", target: "x" },
        { id: "e4", source: "m", sourceHandle: "vip", target: "x" },
        { id: "e5", source: "m", sourceHandle: "gold", target: "x" },
        { id: "e6", source: "m", sourceHandle: "else", target: "x" },
      ],
    };
    const plan = t.compile(doc);
    await t.createProfile("p-de-gold", { attributes: { country: "DE", tier: "gold" } });
    await t.createProfile("p-de-none", { attributes: { country: "DE" } });
    await t.createProfile("p-fr", { attributes: { country: "FR", tier: "vip" } });
    for (const p of ["p-de-gold", "p-de-none", "p-fr"])
      await t.run(plan, p, { journeyId: "j-branch" });
    const b = await t.models.nodeStats.findOne({ journeyId: "j-branch", nodeId: "b" });
    const m = await t.models.nodeStats.findOne({ journeyId: "j-branch", nodeId: "m" });
    expect(b?.ports).toEqual({ yes: 2, no: 1 });
    expect(m?.ports).toEqual({ gold: 1, else: 1 });
  });

  it("segment.split routes members in and others out", async () => {
    await t.models.segments.insertOne(
      newSegment({
        _id: "seg-vip",
        name: "VIPs",
        condition: { attr: "tier", op: "eq", value: "vip" },
      }),
    );
    const doc = {
      name: "segment split",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        { id: "s", type: "segment.split", config: { segmentId: "seg-vip" } },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "s" },
        { id: "e2", source: "s", sourceHandle: "in", target: "x" },
        { id: "e3", source: "s", sourceHandle: "out", target: "x" },
      ],
    };
    const plan = t.compile(doc);
    await t.createProfile("p-vip", { attributes: { tier: "vip" } });
    await t.createProfile("p-basic", { attributes: { tier: "basic" } });
    await t.run(plan, "p-vip", { journeyId: "j-seg" });
    await t.run(plan, "p-basic", { journeyId: "j-seg" });
    expect((await t.models.nodeStats.findOne({ journeyId: "j-seg", nodeId: "s" }))?.ports).toEqual({
      in: 1,
      out: 1,
    });
  });

  it("wait.until waits for the next window start in the profile's time zone", async () => {
    await t.createProfile("p-until", { attributes: { timezone: "Asia/Tokyo" } });
    const plan = t.compile(
      linear("until", [
        { id: "u", type: "wait.until", config: { mode: "window", from: "09:30" } },
        { id: "x", type: "exit" },
      ]),
    );
    await t.run(plan, "p-until", { journeyId: "j-until" });
    const end =
      (await t.models.enrolments.findOne({ journeyId: "j-until" }))?.endedAt ?? new Date(0);
    const tokyo = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Tokyo",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(end);
    expect(tokyo).toBe("09:30");
  });

  it("a goal event ends the enrolment as converted at any node, with revenue on the nodes it passed", async () => {
    await t.createProfile("p-goal");
    const plan = t.compile(
      linear(
        "goal",
        [
          { id: "w", type: "wait.duration", config: { amount: 5, unit: "day" } },
          { id: "x", type: "exit" },
        ],
        {
          goal: { event: "purchase", within: { amount: 7, unit: "day" }, revenueProperty: "total" },
        },
      ),
    );
    const handle = await t.start(plan, "p-goal", { journeyId: "j-goal" });
    await t.env.sleep("1 day");
    await handle.signal("event", t.event("purchase", { total: 42 }));
    const result = await handle.result();
    expect(result.outcome).toBe("converted");
    const enrolment = await t.models.enrolments.findOne({ journeyId: "j-goal" });
    expect(enrolment).toMatchObject({ status: "converted", revenue: 42 });
    expect(await t.models.nodeStats.findOne({ journeyId: "j-goal", nodeId: "w" })).toMatchObject({
      converted: 1,
      revenue: 42,
      active: 0,
    });
  });

  it("an exitOn event ends the enrolment as exited while it waits", async () => {
    await t.createProfile("p-exit");
    const plan = t.compile(
      linear(
        "exit on",
        [
          { id: "w", type: "wait.duration", config: { amount: 5, unit: "day" } },
          { id: "m", type: "message.email", config: email },
        ],
        {
          exitOn: [{ event: "unsubscribed" }],
        },
      ),
    );
    const handle = await t.start(plan, "p-exit", { journeyId: "j-exit" });
    await t.env.sleep("1 hour");
    await handle.signal("event", t.event("unsubscribed"));
    expect((await handle.result()).outcome).toBe("exited");
    expect(await t.models.messages.countDocuments({ profileId: "p-exit" })).toBe(0);
  });

  it("the goal node counts a conversion when the goal event was performed, then continues", async () => {
    await t.createProfile("p-goalnode");
    const plan = t.compile(
      linear("goal node", [
        { id: "g", type: "goal", config: { event: "signed_up" } },
        { id: "x", type: "exit" },
      ]),
    );
    const result = await t.run(plan, "p-goalnode", {
      journeyId: "j-goalnode",
      event: t.event("signed_up"),
    });
    expect(result.outcome).toBe("converted");
  });

  it("message nodes on every channel send through their providers, and a missing address is suppressed", async () => {
    await t.createProfile("p-channels", {
      attributes: {
        phone: "+4915100000000",
        telegramChatId: 12345,
        pushSubscriptions: [
          { endpoint: "https://push.example/1", keys: { p256dh: "k", auth: "a" } },
        ],
      },
      consent: { sms: { marketing: "subscribed" }, whatsapp: { marketing: "subscribed" } },
    });
    const doc = linear("channels", [
      { id: "sms", type: "message.sms", config: { text: "sms" } },
      { id: "wa", type: "message.whatsapp", config: { text: "wa" } },
      { id: "tg", type: "message.telegram", config: { text: "tg" } },
      { id: "push", type: "message.push", config: { title: "t", body: "b" } },
      {
        id: "hook",
        type: "message.webhook",
        config: { url: "https://hooks.example/{{ profile.id }}", body: "{}" },
      },
      { id: "inapp", type: "message.inapp", config: { title: "t", body: "b" } },
      { id: "mail", type: "message.email", config: email },
    ]);
    // The webhook can fail for good: its `failed` port must lead somewhere.
    doc.nodes.push({ id: "failed", type: "exit", config: {} });
    for (const id of ["hook"])
      doc.edges.push({ id: `f-${id}`, source: id, sourceHandle: "failed", target: "failed" });
    const plan = t.compile(doc);
    await t.run(plan, "p-channels", { journeyId: "j-channels" });
    const messages = await t.models.messages.find({ profileId: "p-channels" }).toArray();
    const byNode = Object.fromEntries(messages.map((m) => [m.nodeId, m]));
    for (const id of ["sms", "wa", "tg", "push", "hook", "inapp"])
      expect(byNode[id]?.status, id).toBe("sent");
    expect(byNode.hook?.to).toBe("https://hooks.example/p-channels");
    expect(byNode.mail).toMatchObject({ status: "suppressed", reason: "no_address" });
  });

  it("runs a custom node type's run() as an activity with NodeServices, following the port it returns", async () => {
    const vipTag =
      nodeTypes.get("acme.vip-tag") ??
      nodeTypes.register(
        defineNodeType({
          type: "acme.vip-tag",
          title: "Tag VIPs",
          category: "action",
          icon: "tag",
          version: 1,
          config: z.object({ threshold: z.number() }),
          outputs: ["vip", "regular"],
          execution: "activity",
          run: async ({ config, profile, services, enrolment }) => {
            const spent =
              typeof profile.attributes.spent === "number" ? profile.attributes.spent : 0;
            if (spent < config.threshold) return { output: "regular" };
            await services.updateProfile([
              { op: "set", attr: "vip", value: "{{ profile.spent }}", valueType: "number" },
            ]);
            const outcome = await services.send({
              channel: "sms",
              content: { text: `VIP ${enrolment.profileId}` },
              category: "transactional",
            });
            return { output: outcome.status === "sent" ? "vip" : "regular" };
          },
        }),
      );
    const doc = {
      name: "custom",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        { id: "c", type: vipTag.type, config: { threshold: 100 } },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "c" },
        { id: "e2", source: "c", sourceHandle: "vip", target: "x" },
        { id: "e3", source: "c", sourceHandle: "regular", target: "x" },
      ],
    };
    await t.createProfile("p-big", { attributes: { spent: 250, phone: "+15550009" } });
    await t.createProfile("p-small", { attributes: { spent: 5, phone: "+15550010" } });
    const plan = t.compile(doc);
    await t.run(plan, "p-big", { journeyId: "j-custom" });
    await t.run(plan, "p-small", { journeyId: "j-custom" });
    expect(
      (await t.models.nodeStats.findOne({ journeyId: "j-custom", nodeId: "c" }))?.ports,
    ).toEqual({ vip: 1, regular: 1 });
    expect((await t.models.profiles.findOne({ profileId: "p-big" }))?.attributes).toMatchObject({
      vip: 250,
    });
    expect(await t.models.messages.findOne({ profileId: "p-big" })).toMatchObject({
      status: "sent",
      channel: "sms",
      content: { text: "VIP p-big" },
    });
  });
});
