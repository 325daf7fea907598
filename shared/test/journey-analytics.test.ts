import { describe, expect, it } from "vitest";
import {
  channelMetric,
  costMetric,
  daysBetween,
  ENROLLED,
  JOURNEY_CONVERTED,
  JOURNEY_REVENUE,
  journeyAnalytics,
  messageFactCounts,
  feedbackMetric,
  suppressedReasonMetric,
  type DailyCounters,
} from "../src/index.js";

const row = (day: string, nodeId: string, counts: Record<string, number>): DailyCounters => ({
  day,
  journeyId: "j",
  nodeId,
  counts,
});

// A cascade (email at 0.001, then sms at 0.05) over two days; 100 enrolled, 10 converted for 250 in revenue.
const rows: DailyCounters[] = [
  row("2026-03-01", "", { [ENROLLED]: 60, [JOURNEY_CONVERTED]: 4, [JOURNEY_REVENUE]: 100 }),
  row("2026-03-02", "", { [ENROLLED]: 40, [JOURNEY_CONVERTED]: 6, [JOURNEY_REVENUE]: 150 }),
  row("2026-03-01", "t", { entered: 60, completed: 60 }),
  row("2026-03-02", "t", { entered: 40, completed: 40 }),
  row("2026-03-01", "c", {
    entered: 60,
    completed: 55,
    dropped: 5,
    converted: 4,
    [channelMetric("sent", "email")]: 58,
    [costMetric("email")]: 0.058,
    [channelMetric("suppressed", "email")]: 2,
    [suppressedReasonMetric("no_consent")]: 2,
    [channelMetric("opened", "email")]: 20,
    [channelMetric("sent", "sms")]: 30,
    [costMetric("sms")]: 1.5,
  }),
  row("2026-03-02", "c", {
    entered: 40,
    completed: 40,
    converted: 6,
    [channelMetric("sent", "email")]: 40,
    [costMetric("email")]: 0.04,
    [channelMetric("clicked", "email")]: 5,
    [channelMetric("sent", "sms")]: 10,
    [costMetric("sms")]: 0.5,
  }),
  row("2026-03-05", "gone", { entered: 1 }),
];

const result = journeyAnalytics({
  journeyId: "j",
  from: "2026-03-01",
  to: "2026-03-07",
  currency: "EUR",
  steps: [
    { id: "t", type: "trigger.event", name: "Signed up" },
    { id: "c", type: "message.cascade", name: "Reminder" },
  ],
  rows,
});

describe("journey analytics from daily counters", () => {
  it("adds each step's counters over the range, keeping removed steps visible", () => {
    expect(result.nodes).toEqual([
      {
        nodeId: "t",
        name: "Signed up",
        type: "trigger.event",
        entered: 100,
        completed: 100,
        dropped: 0,
        converted: 0,
      },
      {
        nodeId: "c",
        name: "Reminder",
        type: "message.cascade",
        entered: 100,
        completed: 95,
        dropped: 5,
        converted: 10,
      },
      {
        nodeId: "gone",
        name: "Removed step",
        type: "removed",
        entered: 1,
        completed: 0,
        dropped: 0,
        converted: 0,
      },
    ]);
  });

  it("folds a message step's channels into one cumulative funnel with suppression reasons and cost", () => {
    const [funnel] = result.messages;
    expect(funnel).toMatchObject({
      nodeId: "c",
      channels: ["email", "sms"],
      sent: 138,
      opened: 20,
      clicked: 5,
      suppressed: 2,
      suppressedByReason: { no_consent: 2 },
    });
    expect(funnel?.cost).toBeCloseTo(2.098, 9);
  });

  it("reports cost per channel and per conversion, revenue and the converters' average order value", () => {
    expect(result.channels.map((c) => [c.channel, c.sent, Number(c.cost.toFixed(3))])).toEqual([
      ["email", 98, 0.098],
      ["sms", 40, 2],
    ]);
    expect(result.totals.enrolled).toBe(100);
    expect(result.totals.converted).toBe(10);
    expect(result.totals.revenue).toBe(250);
    expect(result.totals.averageOrderValue).toBe(25);
    expect(result.totals.costPerConversion).toBeCloseTo(0.2098, 9);
  });

  it("prices the cascade's saving against its whole audience on its most expensive step", () => {
    // sms: 2.00 for 40 messages = 0.05 each; 100 entered -> 5.00 had everyone got an sms; the cascade cost 2.098.
    const [saving] = result.cascades;
    expect(saving?.mostExpensiveChannel).toBe("sms");
    expect(saving?.costIfAllOnMostExpensive).toBeCloseTo(5, 9);
    expect(saving?.saved).toBeCloseTo(5 - 2.098, 9);
  });

  it("gives one trend point per day of the range, zero on days without counters", () => {
    expect(result.days.map((d) => d.day)).toEqual(daysBetween("2026-03-01", "2026-03-07"));
    expect(result.days[0]).toMatchObject({ enrolled: 60, converted: 4, revenue: 100, sent: 88 });
    expect(result.days[0]?.cost).toBeCloseTo(1.558, 9);
    expect(result.days[2]).toMatchObject({
      enrolled: 0,
      converted: 0,
      revenue: 0,
      sent: 0,
      cost: 0,
    });
  });
});

describe("message facts", () => {
  it("a send counts on its channel with its cost, a suppression with its reason, a queued write nothing", () => {
    expect(messageFactCounts({ metric: "sent", channel: "sms", cost: 0.05 })).toEqual({
      "sent:sms": 1,
      "cost:sms": 0.05,
    });
    expect(
      messageFactCounts({ metric: "suppressed", channel: "sms", reason: "quiet.hours" }),
    ).toEqual({
      "suppressed:sms": 1,
      "suppressedBy:quiet%2Ehours": 1,
    });
    expect(messageFactCounts({ metric: "queued", channel: "sms" })).toEqual({});
  });

  it("feedback counts once per status, and a failure after sending is a bounce", () => {
    expect(feedbackMetric("opened", [{ status: "sent" }])).toBe("opened");
    expect(feedbackMetric("opened", [{ status: "sent" }, { status: "opened" }])).toBeNull();
    expect(feedbackMetric("failed", [{ status: "sent" }])).toBe("bounced");
  });
});
