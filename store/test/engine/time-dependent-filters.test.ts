import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  evaluateCondition,
  isTimeDependent,
  type Condition,
  type EventCounter,
} from "@omnijourney/shared";
import { conditionToMongo } from "../../src/engine/filters.js";

const now = new Date("2026-03-01T12:00:00Z");
const later = new Date("2026-04-15T08:30:00Z");

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
