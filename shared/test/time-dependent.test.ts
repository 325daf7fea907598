import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionToMongo,
  evaluateCondition,
  isTimeDependent,
  type Condition,
  type EventCounter,
} from "../src/index.js";

const now = new Date("2026-03-01T12:00:00Z");
const later = new Date("2026-04-15T08:30:00Z");
const days = (amount: number) => ({ amount, unit: "day" as const });

describe("isTimeDependent", () => {
  it("is true for an event count within a window ('no purchase within 30 days')", () => {
    expect(isTimeDependent({ event: "purchase", op: "not_performed", within: days(30) })).toBe(
      true,
    );
    expect(isTimeDependent({ event: "purchase", op: "count_gte", value: 2, within: days(7) })).toBe(
      true,
    );
  });

  it("is false for an event count over all time", () => {
    expect(isTimeDependent({ event: "purchase", op: "count_gte", value: 2 })).toBe(false);
    expect(isTimeDependent({ event: "purchase", op: "not_performed" })).toBe(false);
  });

  it("is true for before/after with a relative date and false with a fixed date", () => {
    expect(
      isTimeDependent({
        attr: "lastSeen",
        op: "before",
        value: { amount: 30, unit: "day", direction: "ago" },
      }),
    ).toBe(true);
    expect(
      isTimeDependent({
        attr: "trialEndsAt",
        op: "after",
        value: { amount: 2, unit: "hour", direction: "from_now" },
      }),
    ).toBe(true);
    expect(isTimeDependent({ attr: "lastSeen", op: "before", value: "2026-01-01" })).toBe(false);
    expect(isTimeDependent({ attr: "lastSeen", op: "after", value: "2026-01-01T00:00:00Z" })).toBe(
      false,
    );
  });

  it("is false for attribute tests that never read the clock", () => {
    expect(isTimeDependent({ attr: "country", op: "eq", value: "DE" })).toBe(false);
    expect(isTimeDependent({ attr: "consent.email", op: "eq", value: "subscribed" })).toBe(false);
    expect(isTimeDependent({ attr: "age", op: "gte", value: 18 })).toBe(false);
    expect(isTimeDependent({ attr: "email", op: "exists", value: true })).toBe(false);
  });

  it("finds a time-dependent leaf anywhere under all, any and not", () => {
    const windowed: Condition = { event: "purchase", op: "performed", within: days(30) };
    const plain: Condition = { attr: "country", op: "eq", value: "DE" };
    expect(isTimeDependent({ all: [plain, { any: [plain, { not: windowed }] }] })).toBe(true);
    expect(isTimeDependent({ all: [plain, { any: [plain, { not: plain }] }] })).toBe(false);
    expect(isTimeDependent({ all: [] })).toBe(false);
  });

  it("ignores relative dates inside an event's `where` (evaluated at each event's own time)", () => {
    expect(
      isTimeDependent({
        event: "purchase",
        op: "performed",
        where: {
          attr: "deliveredAt",
          op: "after",
          value: { amount: 1, unit: "day", direction: "ago" },
        },
      }),
    ).toBe(false);
  });
});

// Open-ended conditions: the function must agree with what evaluation and the MongoDB translation actually read.
const duration = fc.record({
  amount: fc.integer({ min: 1, max: 400 }),
  unit: fc.constantFrom("second", "minute", "hour", "day", "week" as const),
});
const dateValue = fc.oneof(
  fc.constantFrom("2026-01-01", "2026-03-20T00:00:00Z", "2026-05-01T00:00:00Z"),
  fc.record({
    amount: fc.integer({ min: 1, max: 120 }),
    unit: fc.constantFrom("hour", "day", "week" as const),
    direction: fc.constantFrom("ago", "from_now" as const),
  }),
);
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    attr: fc.constant("lastSeen"),
    op: fc.constantFrom("before", "after" as const),
    value: dateValue,
  }),
  fc.record({
    attr: fc.constantFrom("country", "plan"),
    op: fc.constantFrom("eq", "neq" as const),
    value: fc.constantFrom("DE", "FR", "pro"),
  }),
  fc.record(
    {
      event: fc.constantFrom("purchase", "login"),
      op: fc.constantFrom("count_gte", "count_lte" as const),
      value: fc.integer({ min: 1, max: 5 }),
      within: duration,
    },
    { requiredKeys: ["event", "op", "value"] },
  ),
  fc.record(
    {
      event: fc.constantFrom("purchase", "login"),
      op: fc.constantFrom("performed", "not_performed" as const),
      within: duration,
    },
    { requiredKeys: ["event", "op"] },
  ),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie("c"), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("c"), { maxLength: 3 }) }),
    fc.record({ not: tie("c") }),
  ),
})).c;

const stamps = fc.array(fc.date({ min: new Date("2025-06-01"), max: later, noInvalidDate: true }), {
  maxLength: 6,
});
const counterOf = (dates: Date[]): EventCounter | undefined => {
  if (dates.length === 0) return undefined;
  const recent = [...dates].sort((a, b) => b.getTime() - a.getTime());
  return {
    count: recent.length,
    first: recent[recent.length - 1] ?? now,
    last: recent[0] ?? now,
    recent,
  };
};
const profile = fc.record({
  lastSeen: fc.option(fc.date({ min: new Date("2025-06-01"), max: later, noInvalidDate: true })),
  country: fc.constantFrom("DE", "FR"),
  purchase: stamps,
  login: stamps,
});

describe("isTimeDependent agrees with evaluation and the MongoDB filter", () => {
  it("a condition that is not time-dependent has the same truth and the same filter at any two instants", () => {
    fc.assert(
      fc.property(condition, profile, (c, p) => {
        fc.pre(!isTimeDependent(c));
        const counters: Record<string, EventCounter> = {};
        for (const name of ["purchase", "login"] as const) {
          const counter = counterOf(p[name]);
          if (counter) counters[name] = counter;
        }
        const stored = {
          attributes: { country: p.country, ...(p.lastSeen ? { lastSeen: p.lastSeen } : {}) },
          counters,
        };
        expect(evaluateCondition(c, { profile: stored, now: later })).toBe(
          evaluateCondition(c, { profile: stored, now }),
        );
        expect(conditionToMongo(c, { now: later })).toEqual(conditionToMongo(c, { now }));
      }),
      { numRuns: 300 },
    );
  });

  it("a time-dependent condition's MongoDB filter moves with now", () => {
    fc.assert(
      fc.property(condition, (c) => {
        fc.pre(isTimeDependent(c));
        expect(conditionToMongo(c, { now: later })).not.toEqual(conditionToMongo(c, { now }));
      }),
      { numRuns: 300 },
    );
  });
});
