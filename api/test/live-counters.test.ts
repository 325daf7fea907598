import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningWorker } from "@omnijourney/runtime";
import { eventually, startTestApi, startTestWorker, type TestApi } from "./helpers/api.js";

let t: TestApi;
let worker: RunningWorker;

type Json = Record<string, unknown>;
const get = async <T>(path: string): Promise<T> => {
  const res = await t.api(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

/** Email first (10 s to respond), then Telegram (1 s): the cascade the live view shows per step. */
const cascadeJourney = {
  name: "Cart cascade",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Cart Left" } },
    {
      id: "c",
      type: "message.cascade",
      position: { x: 0, y: 120 },
      config: {
        category: "transactional",
        steps: [
          {
            channel: "email",
            window: { amount: 10, unit: "second" },
            content: { subject: "Your cart", body: "<p>Come back {{ profile.firstName }}</p>" },
          },
          {
            channel: "telegram",
            window: { amount: 1, unit: "second" },
            content: { text: "Your cart is waiting" },
          },
        ],
      },
    },
    { id: "r", type: "exit", position: { x: -100, y: 240 }, config: {} },
    { id: "x", type: "exit", position: { x: 100, y: 240 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "c" },
    { id: "e2", source: "c", sourceHandle: "responded", target: "r" },
    { id: "e3", source: "c", sourceHandle: "exhausted", target: "x" },
  ],
  settings: { reentry: "never" },
};

let journeyId: string;
let draftId: string;

beforeAll(async () => {
  t = await startTestApi("live");
  const put = await t.api("/api/settings", {
    method: "PUT",
    body: { channelCosts: { email: 0.01, telegram: 0.02 }, currency: "EUR" },
  });
  expect(put.status).toBe(200);
  worker = await startTestWorker(t);
  journeyId = ((await (await t.api("/api/journeys", { body: cascadeJourney })).json()) as Json)
    .id as string;
  expect((await t.api(`/api/journeys/${journeyId}/publish`, { method: "POST" })).status).toBe(200);
  const draft = await t.api("/api/journeys", {
    body: { ...cascadeJourney, name: "Never published" },
  });
  expect(draft.status).toBe(201);
  draftId = ((await draft.json()) as Json).id as string;

  const suffix = Date.now();
  for (const [userId, traits] of [
    ["live-ada", { email: `ada-${suffix}@example.com`, firstName: "Ada", telegramChatId: "4242" }],
    ["live-bo", { email: `bo-${suffix}@example.com`, firstName: "Bo" }],
  ] as const) {
    expect((await t.ingest("/identify", { userId, traits })).status).toBe(200);
    expect((await t.ingest("/track", { userId, event: "Cart Left" })).status).toBe(200);
  }
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

type Step = { step: number; channel: string; sent: number; responded: number; cost: number };
type Stats = {
  nodes: Record<
    string,
    { entered: number; ports: Record<string, number>; steps?: Step[]; currency?: string }
  >;
};

describe("live counters", () => {
  it(
    "a cascade node's stats show sent, responded and cost per step",
    { timeout: 120_000 },
    async () => {
      // Bo opens the email (the tracking pixel), which is a response: the cascade stops for Bo at step 0.
      const boEmail = await eventually(
        async () => {
          const list = await get<{ items: { id: string; status: string; profileId: string }[] }>(
            `/api/messages?journeyId=${journeyId}&profileId=live-bo`,
          );
          return list.items.find((m) => m.status === "sent");
        },
        30_000,
        "Bo's email",
      );
      expect((await fetch(`${t.url}/t/o/${boEmail.id}.gif`)).status).toBe(200);

      // Ada does not respond: email, then Telegram (sandbox), then the cascade is exhausted.
      const expected = [
        { step: 0, channel: "email", sent: 2, responded: 1, skipped: 0, failed: 0, cost: 0.02 },
        { step: 1, channel: "telegram", sent: 1, responded: 0, skipped: 0, failed: 0, cost: 0.02 },
      ];
      const stats = await eventually(
        async () => {
          const s = await get<Stats>(`/api/journeys/${journeyId}/stats`);
          const ports = s.nodes.c?.ports ?? {};
          const settled = ports.responded === 1 && ports.exhausted === 1;
          return settled && JSON.stringify(s.nodes.c?.steps) === JSON.stringify(expected)
            ? s
            : null;
        },
        45_000,
        "both enrolments through the cascade",
      ).catch(async (error: unknown) => {
        const last = await get<Stats>(`/api/journeys/${journeyId}/stats`);
        throw new Error(`${String(error)}; last stats: ${JSON.stringify(last.nodes.c)}`);
      });
      expect(stats.nodes.c?.currency).toBe("EUR");
      expect(stats.nodes.c?.steps).toEqual(expected);
      // Other nodes carry no steps.
      expect(stats.nodes.t?.steps).toBeUndefined();
    },
  );

  it("GET /api/journeys returns each journey's enrolled, active and converted counts", async () => {
    const list = await get<{ items: { id: string; counts: Json }[] }>("/api/journeys");
    expect(list.items.find((j) => j.id === journeyId)?.counts).toEqual({
      enrolled: 2,
      active: 0,
      converted: 0,
    });
    expect(list.items.find((j) => j.id === draftId)?.counts).toEqual({
      enrolled: 0,
      active: 0,
      converted: 0,
    });
  });

  it("the profiles list names the channels each profile can be reached on, with its marketing consent", async () => {
    expect(
      (
        await t.ingest("/identify", {
          userId: "live-cy",
          traits: {
            phone: "+15550100",
            pushSubscriptions: [
              { endpoint: "https://push.example.com/1", keys: { p256dh: "k", auth: "a" } },
            ],
          },
        })
      ).status,
    ).toBe(200);
    const page = await get<{ items: { profileId: string; channels: Json[] }[] }>(
      "/api/profiles?query=live-",
    );
    const channels = (id: string) =>
      page.items.find((p) => p.profileId === id)?.channels.map((c) => c.channel);
    expect(channels("live-ada")).toEqual(["email", "telegram"]);
    expect(channels("live-bo")).toEqual(["email"]);
    expect(channels("live-cy")).toEqual(["sms", "whatsapp", "push"]);
    expect(page.items.find((p) => p.profileId === "live-ada")?.channels[0]).toEqual({
      channel: "email",
      marketing: "unknown",
    });
  });
});
