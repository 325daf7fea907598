/**
 * Issue 18's entry and timing controls in the contract: journey settings (dates, entry limits, the journey's
 * own frequency caps), a wait's time of day, and "since entering the journey" windows in the evaluator.
 */
import { describe, expect, it } from "vitest";
import {
  Condition,
  evaluateCondition,
  JourneySettings,
  validateJourney,
  type EventCounter,
} from "../src/index.js";
import { WaitDurationConfig, waitDuration } from "../src/nodes/timing/wait-duration.js";
import { clone, webinarJourney } from "./fixtures.js";
import { node, only } from "./validate-helpers.js";

const DAY = 24 * 60 * 60 * 1000;

describe("journey settings for entry and timing", () => {
  it("accepts start and end dates, entry limits per hour and day, and journey frequency caps", () => {
    const settings = JourneySettings.parse({
      startsAt: "2026-12-01T09:00:00Z",
      endsAt: "2026-12-24T18:00:00+01:00",
      entryRate: { perHour: 100, perDay: 1_000 },
      frequencyCaps: [
        { limit: 2, window: { amount: 1, unit: "week" } },
        { channel: "sms", limit: 1, window: { amount: 1, unit: "day" } },
      ],
    });
    expect(settings.entryRate).toEqual({ perHour: 100, perDay: 1_000 });
    expect(settings.frequencyCaps?.[1]?.channel).toBe("sms");
  });

  it("adds nothing to settings that use none of them (published plans keep their hash)", () => {
    expect(Object.keys(JourneySettings.parse({})).sort()).toEqual([
      "exitOn",
      "frequencyCapped",
      "reentry",
      "respectQuietHours",
    ]);
  });

  it("refuses a zero entry limit, an unknown channel and a date without a zone", () => {
    expect(JourneySettings.safeParse({ entryRate: { perHour: 0 } }).success).toBe(false);
    expect(
      JourneySettings.safeParse({
        frequencyCaps: [{ channel: "fax", limit: 1, window: { amount: 1, unit: "day" } }],
      }).success,
    ).toBe(false);
    expect(JourneySettings.safeParse({ startsAt: "2026-12-01 09:00" }).success).toBe(false);
  });

  it("tells the marketer the end date must come after the start date", () => {
    const doc = clone(webinarJourney());
    doc.settings = { startsAt: "2026-12-10T09:00:00Z", endsAt: "2026-12-01T09:00:00Z" };
    const [problem] = only(validateJourney(doc).problems, "invalid_settings");
    expect(problem).toMatchObject({ path: ["settings", "endsAt"] });
    expect(problem?.message).toBe("The journey's end date must be after its start date.");
  });

  it("names a bad entry limit in words", () => {
    const doc = clone(webinarJourney());
    doc.settings = { entryRate: { perDay: 0 } };
    const [problem] = only(validateJourney(doc).problems, "invalid_settings");
    expect(problem?.message).toMatch(/^The journey's /);
    expect(problem?.message).not.toMatch(/entryRate|perDay|invalid_/);
  });
});

describe("a wait until a time of day", () => {
  it("takes a local time after the duration and refuses one that is not a time", () => {
    expect(WaitDurationConfig.parse({ amount: 1, unit: "day", atTime: "10:00" }).atTime).toBe(
      "10:00",
    );
    expect(WaitDurationConfig.safeParse({ amount: 1, unit: "day", atTime: "25:00" }).success).toBe(
      false,
    );
  });

  it("says so on the canvas card", () => {
    expect(waitDuration.summarize({ amount: 1, unit: "day", atTime: "10:00" })).toBe(
      "Wait 1 day, then until 10:00 their time",
    );
    expect(waitDuration.summarize({ amount: 2, unit: "hour" })).toBe("Wait 2 hours");
  });

  it("keeps a plain wait's validation message in words", () => {
    const doc = clone(webinarJourney());
    node(doc, "w").type = "wait.duration";
    node(doc, "w").config = { amount: 1, unit: "day", atTime: "ten" };
    const [problem] = only(validateJourney(doc).problems, "invalid_config");
    expect(problem?.message).toMatch(/Use a time like 09:30/);
  });
});

describe("since entering the journey", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  const enteredAt = new Date(now.getTime() - 2 * 60 * 60 * 1000);
  const clicked = (at: Date): Record<string, EventCounter> => ({
    link_clicked: { count: 1, first: at, last: at, recent: [at] },
  });
  const sinceEntry = Condition.parse({ event: "link_clicked", op: "performed", since: "entry" });

  it("counts only the events after the profile entered", () => {
    const before = { counters: clicked(new Date(enteredAt.getTime() - DAY)) };
    const after = { counters: clicked(new Date(enteredAt.getTime() + 60_000)) };
    expect(evaluateCondition(sinceEntry, { profile: before, now, enteredAt })).toBe(false);
    expect(evaluateCondition(sinceEntry, { profile: after, now, enteredAt })).toBe(true);
  });

  it("counts nothing from before now where there is no enrolment (a segment)", () => {
    const profile = { counters: clicked(new Date(now.getTime() - 60_000)) };
    expect(evaluateCondition(sinceEntry, { profile, now })).toBe(false);
  });

  it("not_performed since entry holds when the only event is older", () => {
    const none = Condition.parse({ event: "link_clicked", op: "not_performed", since: "entry" });
    const profile = { counters: clicked(new Date(enteredAt.getTime() - DAY)) };
    expect(evaluateCondition(none, { profile, now, enteredAt })).toBe(true);
  });

  it("limits windowed counts since entry to the counters' cap, as for other windows", () => {
    const doc = clone(webinarJourney());
    node(doc, "w").type = "branch.condition";
    node(doc, "w").config = {
      condition: { event: "link_clicked", op: "count_gte", value: 500, since: "entry" },
    };
    const [problem] = only(validateJourney(doc).problems, "invalid_config");
    expect(problem?.message).toMatch(/up to 100 events/);
  });
});
