import { describe, expect, it } from "vitest";
import { localTime, nextWindowStart, quietHoursEnd, zonedInstant } from "../src/time/zoned.js";

describe("zoned time", () => {
  it("resolves a Berlin wall-clock time to UTC in winter and in summer", () => {
    expect(zonedInstant(2026, 1, 15, 8, 0, "Europe/Berlin").toISOString()).toBe(
      "2026-01-15T07:00:00.000Z",
    );
    expect(zonedInstant(2026, 7, 15, 8, 0, "Europe/Berlin").toISOString()).toBe(
      "2026-07-15T06:00:00.000Z",
    );
  });

  it("ends quiet hours at 08:00 the next morning for a 22:00 local send", () => {
    const now = zonedInstant(2026, 1, 15, 22, 0, "America/New_York");
    expect(quietHoursEnd(now, "America/New_York", "21:00", "08:00")?.toISOString()).toBe(
      "2026-01-16T13:00:00.000Z",
    );
  });

  it("ends quiet hours at local 08:00 across the spring-forward night (New York, 2026-03-08)", () => {
    const now = zonedInstant(2026, 3, 7, 22, 0, "America/New_York"); // EST, UTC-5
    const end = quietHoursEnd(now, "America/New_York", "21:00", "08:00");
    expect(end?.toISOString()).toBe("2026-03-08T12:00:00.000Z"); // EDT, UTC-4
    expect(localTime(end ?? new Date(0), "America/New_York")).toMatchObject({
      hour: 8,
      minute: 0,
      day: 8,
    });
  });

  it("does not defer outside quiet hours", () => {
    expect(
      quietHoursEnd(zonedInstant(2026, 1, 15, 12, 0, "Asia/Tokyo"), "Asia/Tokyo", "21:00", "08:00"),
    ).toBeNull();
  });

  it("finds the next weekday window start in the profile's zone", () => {
    // Friday 2026-01-16 18:00 in Berlin → next Monday 09:00 Berlin.
    const now = zonedInstant(2026, 1, 16, 18, 0, "Europe/Berlin");
    expect(
      nextWindowStart(
        now,
        "Europe/Berlin",
        ["mon", "tue", "wed", "thu", "fri"],
        "09:00",
        "17:00",
      ).toISOString(),
    ).toBe("2026-01-19T08:00:00.000Z");
  });

  it("does not wait when already inside the window", () => {
    const now = zonedInstant(2026, 1, 16, 10, 0, "Europe/Berlin");
    expect(nextWindowStart(now, "Europe/Berlin", ["fri"], "09:00", "17:00")).toEqual(now);
  });
});
