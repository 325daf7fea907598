import { compileJourney } from "@omnijourney/shared";
import { afterAll, describe, expect, it } from "vitest";
import { createSimulator } from "../src/simulation/simulator.js";
import { defaultWorkspaceSettings } from "../src/settings/workspace-settings.js";
import { connectTestDb } from "./helpers/mongo.js";
import { newSettings, WORKSPACE_SETTINGS_ID } from "@omnijourney/store";

const db = await connectTestDb("simulation");
await db.models.settings.insertOne(
  newSettings({
    _id: WORKSPACE_SETTINGS_ID,
    quietHours: { enabled: false },
    frequencyCap: { enabled: false },
  }),
);
const simulator = createSimulator({ models: db.models });
afterAll(async () => {
  await simulator.close();
  await db.close();
});

const webinar = compileJourney({
  name: "Webinar reminder",
  nodes: [
    { id: "t", type: "trigger.event", config: { event: "webinar_registered" } },
    {
      id: "m1",
      type: "message.email",
      config: {
        subject: "See you {{ profile.firstName }}",
        body: "Link: {{ event.properties.url }}",
      },
    },
    {
      id: "w",
      type: "wait.event",
      config: { event: "email_opened", timeout: { amount: 1, unit: "day" } },
    },
    { id: "wait", type: "wait.duration", config: { amount: 3, unit: "week" } },
    {
      id: "m2",
      type: "message.telegram",
      config: { text: "Still coming, {{ profile.firstName }}?" },
    },
    { id: "x", type: "exit", config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m1" },
    { id: "e2", source: "m1", target: "w" },
    { id: "e3", source: "w", sourceHandle: "received", target: "x" },
    { id: "e4", source: "w", sourceHandle: "timeout", target: "wait" },
    { id: "e5", source: "wait", target: "m2" },
    { id: "e6", source: "m2", target: "x" },
  ],
  settings: { goal: { event: "purchase", within: { amount: 60, unit: "day" } } },
});

const profile = {
  profileId: "sim-ada",
  attributes: { firstName: "Ada", email: "ada@example.com", telegramChatId: "42" },
};
const enrolEvent = {
  event: "webinar_registered",
  properties: { url: "https://meet.example/w" },
  timestamp: new Date().toISOString(),
};

describe("simulate() runs the real workflow on the time-skipping server", () => {
  it("returns the path and every rendered message with its send time, for a journey spanning weeks, in seconds", async () => {
    const result = await simulator.simulate({ plan: webinar, profile, enrolEvent, events: [] });
    expect(result.outcome).toBe("completed");
    expect(result.path.map((p) => [p.nodeId, p.port])).toEqual([
      ["t", "next"],
      ["m1", "next"],
      ["w", "timeout"],
      ["wait", "next"],
      ["m2", "next"],
      ["x", null],
    ]);
    expect(result.messages.map((m) => [m.nodeId, m.channel, m.status])).toEqual([
      ["m1", "email", "sent"],
      ["m2", "telegram", "sent"],
    ]);
    // Send times are workflow time; a loaded machine may start a workflow task a moment after its timer fired.
    const [first, second] = result.messages.map((m) => m.atSeconds);
    expect(first).toBeLessThanOrEqual(2);
    expect(Math.abs((second ?? 0) - 22 * 86_400)).toBeLessThanOrEqual(2);
    expect(result.messages[0]?.content).toMatchObject({
      subject: "See you Ada",
      body: "Link: https://meet.example/w",
    });
    expect(result.messages[1]?.content).toEqual({ text: "Still coming, Ada?" });
    // The first simulation also starts the test server and bundles the workflows; later ones are the steady state.
    const again = await simulator.simulate({ plan: webinar, profile, enrolEvent, events: [] });
    expect(again.messages).toHaveLength(2);
    expect(again.elapsedMs).toBeLessThan(10_000);
  });

  it("delivers hypothetical events at their offsets: an open after an hour takes the received port, a purchase converts", async () => {
    const opened = await simulator.simulate({
      plan: webinar,
      profile,
      enrolEvent,
      events: [{ event: "email_opened", atSeconds: 3600 }],
    });
    expect(opened.path.map((p) => p.nodeId)).toEqual(["t", "m1", "w", "x"]);
    expect(Math.abs((opened.path[3]?.atSeconds ?? 0) - 3600)).toBeLessThanOrEqual(2);
    expect(opened.messages).toHaveLength(1);

    const bought = await simulator.simulate({
      plan: webinar,
      profile,
      enrolEvent,
      events: [{ event: "purchase", atSeconds: 2 * 86_400 }],
    });
    expect(bought.outcome).toBe("converted");
    expect(bought.messages.map((m) => m.nodeId)).toEqual(["m1"]);
  });

  it("never sends: nothing reaches the message log", async () => {
    await simulator.simulate({ plan: webinar, profile, enrolEvent });
    expect(await db.models.messages.countDocuments({})).toBe(0);
  });
});

const cart = compileJourney({
  name: "Abandoned cart",
  nodes: [
    { id: "t", type: "trigger.event", config: { event: "cart_abandoned" } },
    {
      id: "m1",
      type: "message.email",
      config: {
        subject: "Your {{ event.name }} reminder",
        body: "Total in {{ event.properties.currency }}: {% for i in event.properties.items %}{{ i.sku }} {% endfor %}",
      },
    },
    { id: "x", type: "exit", config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m1" },
    { id: "e2", source: "m1", target: "x" },
  ],
});

describe("the Test panel's input: events only, as the studio sends them", () => {
  it("enrols with the first trigger event at offset 0, so the email renders event.name and event.properties", async () => {
    const result = await simulator.simulate({
      plan: cart,
      profile,
      events: [
        {
          event: "cart_abandoned",
          properties: { currency: "EUR", items: [{ sku: "mug" }, { sku: "tee" }] },
          atSeconds: 0,
        },
      ],
    });
    expect(result.messages[0]?.content).toMatchObject({
      subject: "Your cart_abandoned reminder",
      body: "Total in EUR: mug tee ",
    });
  });
});

describe("the simulated clock starts at the chosen time, in the profile's time zone", () => {
  const quiet = createSimulator({
    models: db.models,
    settings: async () => ({
      ...defaultWorkspaceSettings,
      quietHours: { enabled: true, start: "21:00", end: "08:00", defaultTimezone: "UTC" },
      frequencyCap: { ...defaultWorkspaceSettings.frequencyCap, enabled: false },
    }),
  });
  afterAll(() => quiet.close());

  it("gives the same schedule for the same input: a 23:00 Berlin start defers the email to 08:00 Berlin", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const startAt = new Date(`${tomorrow}T22:00:00Z`); // 23:00 in Berlin in winter, 00:00 in summer
    const berlin = { ...profile, attributes: { ...profile.attributes, timezone: "Europe/Berlin" } };
    const input = {
      plan: cart,
      profile: berlin,
      startAt,
      events: [{ event: "cart_abandoned", properties: { currency: "EUR" }, atSeconds: 0 }],
    };
    const first = await quiet.simulate(input);
    const second = await quiet.simulate(input);
    expect(first.startedAt.slice(0, 19)).toBe(startAt.toISOString().slice(0, 19));
    expect(first.timeZone).toBe("Europe/Berlin");
    const sendAt = first.messages[0]?.sendAt ?? "";
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(sendAt));
    expect(local).toBe("08:00");
    expect(second.messages.map((m) => [m.sendAt.slice(0, 16), m.atSeconds])).toEqual(
      first.messages.map((m) => [m.sendAt.slice(0, 16), m.atSeconds]),
    );
    expect(second.startedAt.slice(0, 19)).toBe(first.startedAt.slice(0, 19));
  });
});
