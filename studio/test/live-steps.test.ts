import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StepCountsTable, stepRows } from "../src/canvas/nodes/StepCountsTable.js";
import { channelLabel, money } from "../src/components/format.js";
import { ProfileSummary } from "@omnijourney/shared";
import { toProfile } from "../src/api/profiles.js";

const cascadeConfig = {
  steps: [
    { channel: "email", content: {}, window: { amount: 4, unit: "hour" } },
    { channel: "push", content: {}, window: { amount: 4, unit: "hour" } },
    { channel: "sms", content: {}, window: { amount: 1, unit: "day" } },
  ],
};
const step = (s: number, channel: string, sent: number, responded: number, cost: number) => ({
  step: s,
  channel,
  sent,
  responded,
  skipped: 0,
  failed: 0,
  cost,
});

describe("cascade steps on the canvas", () => {
  it("lists every configured step, with zeros until something is sent on it", () => {
    const rows = stepRows(cascadeConfig, [step(0, "email", 120, 30, 0.12)]);
    expect(rows?.map((r) => [r.step, r.channel, r.sent, r.responded])).toEqual([
      [0, "email", 120, 30],
      [1, "push", 0, 0],
      [2, "sms", 0, 0],
    ]);
  });

  it("keeps counted steps an older live version had beyond the draft's list, and is null without steps", () => {
    const rows = stepRows({ steps: [{ channel: "email" }] }, [
      step(0, "email", 2, 1, 0.002),
      step(1, "sms", 1, 0, 0.05),
    ]);
    expect(rows?.map((r) => r.channel)).toEqual(["email", "sms"]);
    expect(stepRows({ subject: "Hi" }, undefined)).toBeNull();
  });

  it("renders sent, responded with the rate, and cost per step (the total in its tooltip)", () => {
    const html = renderToStaticMarkup(
      createElement(StepCountsTable, {
        steps: [
          step(0, "email", 120, 30, 0.12),
          step(1, "push", 90, 9, 0.08),
          step(2, "sms", 81, 0, 4.05),
        ],
        currency: "EUR",
      }),
    );
    expect(html).toContain("1. Email");
    expect(html).toContain("2. Push");
    expect(html).toContain("3. SMS");
    expect(html).toMatch(/<td>120<\/td><td>30<span[^>]*> 25%<\/span><\/td><td>€0\.12<\/td>/);
    expect(html).toContain("€4.05");
    expect(html).toContain('title="Total cost €4.25"');
  });
});

describe("formatting", () => {
  it("names channels and formats sub-cent costs without rounding them away", () => {
    expect(channelLabel("whatsapp")).toBe("WhatsApp");
    expect(channelLabel("carrier-pigeon")).toBe("carrier-pigeon");
    expect(money(0.0005, "USD")).toBe("$0.0005");
    expect(money(0, "USD")).toBe("$0.00");
    expect(money(12.5, "EUR")).toBe("€12.50");
    expect(money(1, "NOPE")).toBe("1.00 NOPE");
  });
});

describe("profiles list", () => {
  it("reads the reachable channels the API lists for each profile", () => {
    const p = toProfile(
      ProfileSummary.parse({
        profileId: "u1",
        userId: "u1",
        anonymousIds: [],
        attributes: { email: "a@example.com" },
        channels: [
          { channel: "email", marketing: "subscribed" },
          { channel: "sms", marketing: "unsubscribed" },
        ],
        createdAt: null,
        updatedAt: null,
      }),
    );
    expect(p.channels).toEqual([
      { channel: "email", marketing: "subscribed" },
      { channel: "sms", marketing: "unsubscribed" },
    ]);
  });
});
