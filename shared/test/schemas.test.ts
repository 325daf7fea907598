import { describe, expect, it } from "vitest";
import {
  durationToMs,
  escapeKey,
  JourneyEvent,
  modelJsonSchemas,
  SegmentEvent,
  StoredProfile,
} from "../src/index.js";

describe("Segment-compatible events", () => {
  it("parses every call type", () => {
    const calls = [
      { type: "track", userId: "u1", event: "purchase", properties: { total: 12 } },
      { type: "identify", anonymousId: "a1", traits: { email: "ada@example.com" } },
      { type: "alias", previousId: "a1", userId: "u1" },
      { type: "page", userId: "u1", name: "Pricing" },
      { type: "screen", userId: "u1", name: "Home" },
      { type: "group", userId: "u1", groupId: "acme", traits: { plan: "team" } },
    ];
    for (const call of calls) expect(SegmentEvent.safeParse(call).success, call.type).toBe(true);
  });

  it("requires a userId or an anonymousId, and an event name for track", () => {
    expect(SegmentEvent.safeParse({ type: "track", event: "x" }).success).toBe(false);
    expect(SegmentEvent.safeParse({ type: "track", userId: "u" }).success).toBe(false);
    expect(SegmentEvent.safeParse({ type: "unknown", userId: "u" }).success).toBe(false);
  });

  it("drops prototype keys from properties", () => {
    const parsed = SegmentEvent.parse(
      JSON.parse(
        '{"type":"track","userId":"u","event":"e","properties":{"__proto__":{"x":1},"ok":1}}',
      ),
    );
    expect(parsed.type === "track" ? Object.keys(parsed.properties) : []).toEqual(["ok"]);
    expect(
      JourneyEvent.parse({ event: "e", timestamp: "2026-01-01T00:00:00Z" }).properties,
    ).toEqual({});
  });
});

describe("stored profile", () => {
  it("parses the stored shape with defaults and coerces dates", () => {
    const p = StoredProfile.parse({
      profileId: "u1",
      consent: { sms: { marketing: "subscribed" } },
      counters: {
        [escapeKey("page.viewed")]: {
          count: 2,
          first: "2026-01-01T00:00:00Z",
          last: "2026-01-02T00:00:00Z",
          recent: ["2026-01-02T00:00:00Z"],
        },
      },
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-02T00:00:00Z",
    });
    expect(p.anonymousIds).toEqual([]);
    expect(p.consent.sms?.transactional).toBe("unknown");
    expect(p.counters["page%2Eviewed"]?.recent[0]).toBeInstanceOf(Date);
    expect(
      StoredProfile.safeParse({ profileId: "u", consent: { fax: {} }, createdAt: 0, updatedAt: 0 })
        .success,
    ).toBe(false);
  });

  it("converts durations to milliseconds", () => {
    expect(durationToMs({ amount: 2, unit: "week" })).toBe(1_209_600_000);
    expect(durationToMs({ amount: 90, unit: "second" })).toBe(90_000);
  });
});

describe("model JSON Schemas", () => {
  it("converts every boundary schema to plain JSON Schema", () => {
    const schemas = modelJsonSchemas();
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        "JourneyDocument",
        "Condition",
        "SegmentEvent",
        "StoredProfile",
        "Problem",
      ]),
    );
    for (const schema of Object.values(schemas)) {
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });
});
