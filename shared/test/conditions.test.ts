import { describe, expect, it } from "vitest";
import {
  Condition,
  counterKey,
  escapeKey,
  evaluateCondition,
  eventFiltersOf,
  foldEvents,
  matchesProperties,
  PropertyCondition,
  RECENT_CAP,
  unescapeKey,
  type EventCounter,
} from "../src/index.js";

const now = new Date("2026-03-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const counter = (dates: Date[]): EventCounter => {
  const sorted = [...dates].sort((a, b) => b.getTime() - a.getTime());
  return {
    count: dates.length,
    first: sorted[sorted.length - 1] ?? now,
    last: sorted[0] ?? now,
    recent: sorted,
  };
};
const profile = {
  attributes: {
    country: "DE",
    age: 34,
    tags: ["vip", "beta"],
    address: { city: "Berlin" },
    trialEndsAt: "2026-03-05T00:00:00Z",
    "a%2Eb": 1,
  },
  consent: { email: { marketing: "subscribed" } },
  counters: { purchase: counter([daysAgo(1), daysAgo(10), daysAgo(40)]) },
};
const ev = (c: unknown) => evaluateCondition(Condition.parse(c), { profile, now });

describe("evaluateCondition", () => {
  it("compares attributes with eq, neq, gt, gte, lt, lte, in, contains and exists", () => {
    expect(ev({ attr: "country", op: "eq", value: "DE" })).toBe(true);
    expect(ev({ attr: "country", op: "neq", value: "DE" })).toBe(false);
    expect(ev({ attr: "missing", op: "neq", value: "DE" })).toBe(true);
    expect(ev({ attr: "age", op: "gt", value: 30 })).toBe(true);
    expect(ev({ attr: "age", op: "gte", value: 34 })).toBe(true);
    expect(ev({ attr: "age", op: "lt", value: 34 })).toBe(false);
    expect(ev({ attr: "age", op: "lte", value: 34 })).toBe(true);
    expect(ev({ attr: "age", op: "gt", value: "3" })).toBe(false); // a string never compares with a number
    expect(ev({ attr: "country", op: "in", value: ["FR", "DE"] })).toBe(true);
    expect(ev({ attr: "tags", op: "contains", value: "vi" })).toBe(true);
    expect(ev({ attr: "tags", op: "eq", value: "beta" })).toBe(true);
    expect(ev({ attr: "address.city", op: "contains", value: "erl" })).toBe(true);
    expect(ev({ attr: "address.zip", op: "exists", value: true })).toBe(false);
    expect(ev({ attr: "address.zip", op: "exists", value: false })).toBe(true);
  });

  it("reads attribute names with dots through their escaped keys", () => {
    expect(escapeKey("a.b")).toBe("a%2Eb");
    expect(unescapeKey(escapeKey("x.$%y"))).toBe("x.$%y");
  });

  it("compares dates with before and after, absolute and relative", () => {
    expect(ev({ attr: "trialEndsAt", op: "after", value: "2026-03-01T00:00:00Z" })).toBe(true);
    expect(
      ev({
        attr: "trialEndsAt",
        op: "before",
        value: { amount: 3, unit: "day", direction: "from_now" },
      }),
    ).toBe(false);
    expect(
      ev({
        attr: "trialEndsAt",
        op: "before",
        value: { amount: 5, unit: "day", direction: "from_now" },
      }),
    ).toBe(true);
  });

  it("reads consent.<channel> as the marketing status, unknown when never set", () => {
    expect(ev({ attr: "consent.email", op: "eq", value: "subscribed" })).toBe(true);
    expect(ev({ attr: "consent.sms", op: "eq", value: "unknown" })).toBe(true);
    expect(ev({ not: { attr: "consent.sms", op: "eq", value: "unsubscribed" } })).toBe(true);
  });

  it("answers event counts from the counters, with and without a window", () => {
    expect(ev({ event: "purchase", op: "count_gte", value: 3 })).toBe(true);
    expect(
      ev({ event: "purchase", op: "count_gte", value: 3, within: { amount: 30, unit: "day" } }),
    ).toBe(false);
    expect(
      ev({ event: "purchase", op: "count_gte", value: 2, within: { amount: 30, unit: "day" } }),
    ).toBe(true);
    expect(
      ev({ event: "purchase", op: "count_lte", value: 1, within: { amount: 7, unit: "day" } }),
    ).toBe(true);
    expect(ev({ event: "purchase", op: "performed", within: { amount: 12, unit: "hour" } })).toBe(
      false,
    );
    expect(ev({ event: "refund", op: "not_performed" })).toBe(true);
    expect(ev({ event: "refund", op: "count_lte", value: 0 })).toBe(true);
  });

  it("combines with all, any and not", () => {
    expect(
      ev({
        all: [
          { attr: "country", op: "eq", value: "DE" },
          { event: "purchase", op: "count_gte", value: 2, within: { amount: 30, unit: "day" } },
        ],
      }),
    ).toBe(true);
    expect(ev({ any: [] })).toBe(false);
    expect(ev({ all: [] })).toBe(true);
    expect(ev({ not: { any: [{ attr: "country", op: "eq", value: "FR" }] } })).toBe(true);
  });

  it("folds extra events into the counters exactly as ingestion would", () => {
    const c = Condition.parse({
      event: "signup",
      op: "performed",
      within: { amount: 1, unit: "day" },
    });
    expect(evaluateCondition(c, { profile: {}, now })).toBe(false);
    expect(
      evaluateCondition(c, {
        profile: {},
        events: [{ event: "signup", timestamp: daysAgo(0.5) }],
        now,
      }),
    ).toBe(true);
  });

  it("counts property-filtered events in their own counter", () => {
    const c = Condition.parse({
      event: "purchase",
      op: "count_gte",
      value: 2,
      where: { attr: "plan", op: "eq", value: "pro" },
    });
    const events = [
      { event: "purchase", timestamp: daysAgo(1), properties: { plan: "pro" } },
      { event: "purchase", timestamp: daysAgo(2), properties: { plan: "free" } },
      { event: "purchase", timestamp: daysAgo(3), properties: { plan: "pro" } },
    ];
    expect(evaluateCondition(c, { profile: {}, events: events.slice(0, 2), now })).toBe(false);
    expect(evaluateCondition(c, { profile: {}, events, now })).toBe(true);
    expect(eventFiltersOf(c)).toEqual([
      { event: "purchase", where: { attr: "plan", op: "eq", value: "pro" } },
    ]);
  });
});

describe("event counters", () => {
  it("keeps recent sorted newest first and capped, whatever the arrival order", () => {
    const dates = Array.from({ length: RECENT_CAP + 20 }, (_, i) => daysAgo((i * 37) % 200));
    const counters = foldEvents(
      {},
      dates.map((timestamp) => ({ event: "visit", timestamp })),
    );
    const visit = counters.visit;
    expect(visit?.count).toBe(dates.length);
    expect(visit?.recent).toHaveLength(RECENT_CAP);
    const times = visit?.recent.map((d) => d.getTime()) ?? [];
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(visit?.first.getTime()).toBe(Math.min(...dates.map((d) => d.getTime())));
  });

  it("gives filtered counters keys that cannot collide with event names", () => {
    const key = counterKey("buy", { attr: "plan", op: "eq", value: "pro" });
    expect(key).toMatch(/^buy%~[0-9a-f]{16}$/);
    expect(escapeKey(key)).not.toBe(key); // an event literally named like the key escapes its "%"
  });
});

describe("property conditions", () => {
  it("match event properties with the attribute operators", () => {
    const where = PropertyCondition.parse({
      all: [
        { attr: "plan", op: "in", value: ["pro", "team"] },
        { attr: "total", op: "gte", value: 100 },
      ],
    });
    expect(matchesProperties(where, { plan: "pro", total: 120 })).toBe(true);
    expect(matchesProperties(where, { plan: "free", total: 120 })).toBe(false);
  });
});
