import { randomBytes } from "node:crypto";
import { inject, afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { type Condition } from "@omnijourney/shared";
import { createApiContext } from "../src/server.js";
import { seedWorkspace } from "../src/seed/index.js";
import type { ApiContext } from "../src/context.js";
import { conditionToMongo } from "@omnijourney/store";

let ctx: ApiContext;
let close: () => Promise<void>;
beforeAll(async () => {
  const e = inject("engines");
  ({ ctx, close } = await createApiContext({
    mongoUri: e.mongoUri,
    dbName: `omnij_seed_${randomBytes(4).toString("hex")}`,
    temporalAddress: e.temporalAddress,
    temporalNamespace: e.temporalNamespace,
    taskQueue: `seed-${randomBytes(4).toString("hex")}`,
    adminToken: "a",
    writeKey: "w",
    logger: pino({ level: "silent" }),
  }));
});
afterAll(async () => {
  await close?.();
});

describe("demo seed", () => {
  it("creates 1,000+ realistic profiles, segments and three published journeys, and is idempotent", async () => {
    const first = await seedWorkspace(ctx, { profiles: 1_050, liveActivity: false });
    expect(first.profiles).toBe(1_050);
    const profiles = await ctx.db.profiles.countDocuments({});
    expect(profiles).toBe(1_050);
    const events = await ctx.db.events.countDocuments({});
    expect(events).toBeGreaterThan(10_000);
    // Spread across time zones and channels.
    const zones = await ctx.db.profiles.distinct("attributes.timezone");
    expect(zones.length).toBeGreaterThanOrEqual(10);
    for (const field of ["email", "phone", "telegramChatId", "pushSubscriptions"]) {
      expect(
        await ctx.db.profiles.countDocuments({ [`attributes.${field}`]: { $exists: true } }),
        field,
      ).toBeGreaterThan(50);
    }
    const journeys = await ctx.db.journeys.find({}).toArray();
    expect(journeys.map((j) => [j._id, j.status, j.liveVersion]).sort()).toEqual([
      ["j_demo_abandoned_cart", "live", 1],
      ["j_demo_webinar", "live", 1],
      ["j_demo_welcome", "live", 1],
    ]);
    // Every segment has members in the seeded data (their conditions read the counters the seed wrote).
    for (const s of await ctx.db.segments.find({}).toArray()) {
      const n = await ctx.db.profiles.countDocuments(
        conditionToMongo(s.condition as Condition, { now: new Date() }),
      );
      expect(n, String(s.name)).toBeGreaterThan(0);
    }
    await seedWorkspace(ctx, { profiles: 1_050, liveActivity: false });
    expect(await ctx.db.profiles.countDocuments({})).toBe(profiles);
    expect(await ctx.db.events.countDocuments({})).toBe(events);
    expect(await ctx.db.journeyVersions.countDocuments({})).toBe(3);
    expect(await ctx.db.segments.countDocuments({})).toBe(5);
  }, 180_000);
});
