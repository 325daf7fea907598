import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  addDays,
  dayOf,
  type AnalyticsOverview,
  type AttributionReport,
  type JourneyAnalytics,
} from "@omnijourney/shared";
import { startWorker, type RunningWorker } from "@omnijourney/runtime";
import { eventually, startTestApi, type TestApi } from "./helpers/api.js";

const engines = () => inject("engines");
let t: TestApi;
let worker: RunningWorker;
let journeyId: string;

const get = async <T>(path: string): Promise<T> => {
  const res = await t.api(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

/** Email (8 s to respond), then Telegram (1 s); a purchase within a day converts, its `revenue` is the value. */
const journey = {
  name: "Cart cascade with a goal",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Cart Left" } },
    {
      id: "c",
      type: "message.cascade",
      name: "Cart reminder",
      position: { x: 0, y: 120 },
      config: {
        category: "transactional",
        steps: [
          {
            channel: "email",
            window: { amount: 8, unit: "second" },
            content: { subject: "Your cart", body: "<p>Come back</p>" },
          },
          { channel: "telegram", window: { amount: 1, unit: "second" }, content: { text: "Cart" } },
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
  settings: {
    reentry: "never",
    goal: { event: "purchase", within: { amount: 1, unit: "day" }, revenueProperty: "revenue" },
  },
};

const today = dayOf(new Date());

beforeAll(async () => {
  t = await startTestApi("janalytics");
  const put = await t.api("/api/settings", {
    method: "PUT",
    body: { channelCosts: { email: 0.01, telegram: 0.02 }, currency: "EUR" },
  });
  expect(put.status).toBe(200);
  worker = await startWorker({
    mongoUri: engines().mongoUri,
    mongoDbName: t.dbName,
    temporalAddress: engines().temporalAddress,
    temporalNamespace: engines().temporalNamespace,
    smtpUrl: engines().smtpUrl,
    taskQueue: t.taskQueue,
    handleSignals: false,
    unsubscribeUrl: t.links.unsubscribeUrl,
  });
  journeyId = ((await (await t.api("/api/journeys", { body: journey })).json()) as { id: string })
    .id;
  expect((await t.api(`/api/journeys/${journeyId}/publish`, { method: "POST" })).status).toBe(200);
  const suffix = Date.now();
  for (const [userId, traits] of [
    ["ja-ada", { email: `ada-${suffix}@example.com`, telegramChatId: "4242" }],
    ["ja-bo", { email: `bo-${suffix}@example.com` }],
    ["ja-cy", { email: `cy-${suffix}@example.com` }],
  ] as const) {
    expect((await t.ingest("/identify", { userId, traits })).status).toBe(200);
    expect((await t.ingest("/track", { userId, event: "Cart Left" })).status).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

describe("journey analytics from daily counters", () => {
  it(
    "counters written by a real run equal the raw records: steps, messages per channel, cost, conversions, revenue",
    { timeout: 150_000 },
    async () => {
      // Bo opens the email; Cy buys for 30 while the email's window is open; Ada goes on to Telegram.
      const emailOf = (profileId: string) =>
        eventually(
          async () =>
            (
              await get<{ items: { id: string; status: string }[] }>(
                `/api/messages?journeyId=${journeyId}&profileId=${profileId}`,
              )
            ).items.find((m) => m.status === "sent"),
          40_000,
          `${profileId}'s email`,
        );
      const bo = await emailOf("ja-bo");
      expect((await fetch(`${t.url}/t/o/${bo.id}.gif`)).status).toBe(200);
      await emailOf("ja-cy");
      expect(
        (
          await t.ingest("/track", {
            userId: "ja-cy",
            event: "purchase",
            properties: { revenue: 30 },
          })
        ).status,
      ).toBe(200);

      const settled = await eventually(
        async () => {
          const a = await get<JourneyAnalytics>(
            `/api/journeys/${journeyId}/analytics?from=${today}&to=${today}`,
          );
          const cascade = a.nodes.find((n) => n.nodeId === "c");
          return cascade && cascade.completed === 3 && a.totals.converted === 1 ? a : null;
        },
        90_000,
        "all three enrolments through the cascade",
      );

      // The raw records the counters must agree with.
      const db = t.context.db;
      const messages = await db.messages.find({ journeyId }).toArray();
      const enrolments = await db.enrolments.find({ journeyId }).toArray();
      const sentBy = (channel: string) =>
        messages.filter((m) => m.channel === channel && m.sentAt).length;
      const costBy = (channel: string) =>
        messages.filter((m) => m.channel === channel).reduce((a, m) => a + m.cost, 0);

      expect(settled.totals.enrolled).toBe(enrolments.length);
      expect(settled.totals.converted).toBe(
        enrolments.filter((e) => e.status === "converted").length,
      );
      expect(settled.totals.revenue).toBe(enrolments.reduce((a, e) => a + (e.revenue ?? 0), 0));
      expect(settled.totals.revenue).toBe(30);
      expect(settled.totals.averageOrderValue).toBe(30);
      expect(settled.nodes.find((n) => n.nodeId === "t")).toMatchObject({
        entered: 3,
        completed: 3,
      });
      const funnel = settled.messages.find((m) => m.nodeId === "c");
      expect(funnel?.name).toBe("Cart reminder");
      expect(funnel?.sent).toBe(messages.filter((m) => m.sentAt).length);
      expect(funnel?.opened).toBe(
        messages.filter((m) => m.statusHistory.some((c) => c.status === "opened")).length,
      );
      expect(funnel?.opened).toBe(1);
      for (const channel of ["email", "telegram"]) {
        const row = settled.channels.find((c) => c.channel === channel);
        expect(row?.sent, channel).toBe(sentBy(channel));
        expect(row?.cost, channel).toBeCloseTo(costBy(channel), 9);
      }
      expect(sentBy("email")).toBe(3);
      expect(settled.currency).toBe("EUR");
      // Everyone on Telegram (0.02) would have cost 0.06; the cascade sent 3 emails and one Telegram message.
      expect(settled.cascades[0]?.saved).toBeCloseTo(3 * 0.02 - (3 * 0.01 + 0.02), 9);
    },
  );

  it("filters by date range: a range before today reads zero, and the overview's trend has one point a day", async () => {
    const yesterday = addDays(today, -1);
    const before = await get<JourneyAnalytics>(
      `/api/journeys/${journeyId}/analytics?from=${addDays(today, -6)}&to=${yesterday}`,
    );
    expect(before.totals).toMatchObject({ enrolled: 0, converted: 0, revenue: 0, cost: 0 });
    expect(before.days).toHaveLength(6);
    const overview = await get<AnalyticsOverview>(
      `/api/analytics/overview?from=${yesterday}&to=${today}`,
    );
    expect(overview.trend.map((p) => p.day)).toEqual([yesterday, today]);
    expect(overview.enrolments.total).toBe(3);
    expect(overview.conversions).toBe(1);
    expect(overview.revenue).toBe(30);
    expect(overview.trend[1]?.events).toBeGreaterThanOrEqual(4);
    expect(overview.messages.email?.byStatus.sent).toBe(3);
  });

  it("attributes the purchase to the channels that reached the buyer before it", async () => {
    const report = await get<AttributionReport>(
      `/api/analytics/attribution?goal=purchase&from=${today}&to=${today}&model=last_touch`,
    );
    expect(report.total).toEqual({ conversions: 1, value: 30 });
    expect(report.channels).toEqual([
      { channel: "email", conversions: 1, value: 30, touches: 1, cost: 0.01 },
    ]);
  });

  it("refuses a malformed or backwards range with a 400 naming the field", async () => {
    const bad = await t.api(`/api/journeys/${journeyId}/analytics?from=yesterday`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("query.from");
    const backwards = await t.api(`/api/analytics/overview?from=${today}&to=${addDays(today, -3)}`);
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(await backwards.json())).toContain("query.from");
    const noGoal = await t.api(`/api/analytics/attribution?from=${today}`);
    expect(noGoal.status).toBe(400);
    expect(JSON.stringify(await noGoal.json())).toContain("query.goal");
  });
});
