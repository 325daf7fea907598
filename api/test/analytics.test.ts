import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("analytics");
});
afterAll(() => t?.close());

type Overview = {
  enrolments: { total: number; byStatus: Record<string, number> };
  conversions: number;
  revenue: number;
  cost: number;
  costPerConversion: number | null;
  messages: Record<string, { total: number; cost: number; byStatus: Record<string, number> }>;
};

describe("analytics overview", () => {
  it("sums fractional message costs and revenue per status and channel, beside the counts", async () => {
    const message = (channel: string, status: string, cost: number) => ({
      idempotencyKey: `k-${channel}-${status}-${cost}-${Math.random()}`,
      journeyId: "j-analytics",
      profileId: "p",
      channel,
      category: "marketing",
      status,
      cost,
    });
    // Partial documents: only the fields the analytics read.
    await t.context.db.raw
      .collection("messages")
      .insertMany([
        message("email", "sent", 0.001),
        message("email", "sent", 0.002),
        message("email", "opened", 0.001),
        message("sms", "sent", 0.05),
        message("sms", "failed", 0),
      ]);
    const enrolment = (id: string, status: string, revenue?: number) => ({
      enrolmentId: id,
      journeyId: "j-analytics",
      profileId: id,
      status,
      ...(revenue !== undefined ? { revenue } : {}),
    });
    await t.context.db.raw
      .collection("enrolments")
      .insertMany([
        enrolment("e1", "converted", 19.99),
        enrolment("e2", "converted", 5.01),
        enrolment("e3", "active"),
      ]);

    const res = await t.api("/api/analytics/overview?journeyId=j-analytics");
    expect(res.status).toBe(200);
    const overview = (await res.json()) as Overview;
    expect(overview.enrolments).toEqual({ total: 3, byStatus: { converted: 2, active: 1 } });
    expect(overview.conversions).toBe(2);
    expect(overview.revenue).toBeCloseTo(25, 6);
    expect(overview.messages.email).toMatchObject({ total: 3, byStatus: { sent: 2, opened: 1 } });
    expect(overview.messages.email?.cost).toBeCloseTo(0.004, 9);
    expect(overview.messages.sms).toMatchObject({ total: 2, byStatus: { sent: 1, failed: 1 } });
    expect(overview.messages.sms?.cost).toBeCloseTo(0.05, 9);
    expect(overview.cost).toBeCloseTo(0.054, 9);
    expect(overview.costPerConversion).toBeCloseTo(0.027, 9);
  });
});
