import { describe, expect, it } from "vitest";
import { isTimeDependent, type Condition } from "../src/index.js";

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
