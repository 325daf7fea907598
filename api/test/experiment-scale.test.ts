// 20,000 profiles, true conversion rates 10 % (a) and 12 % (b), a 10 % holdout at 6 %, through the real stack. The
// first REAL profiles (default 150) are enrolled by ingested events and pass the split in real workflows; the
// rest are assigned through the bulk form of the record the workflow's activity writes (recordAssignments), because
// 20,000 workflows do not fit a test's time on the shared 2-core machine (docs/runtime.md, "Experiment
// accounting"). Every goal event goes through ingestion. Some converters buy after their window: never counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignVariant, prng, type ExperimentResponse } from "@omnijourney/shared";
import type { RunningWorker } from "@omnijourney/runtime";
import { assignmentId, findByIds, recordAssignments } from "@omnijourney/store";
import { eventually, startTestApi, startTestWorker, type TestApi } from "./helpers/api.js";

const TOTAL = 20_000;
const REAL = Number(process.env.OMNIJOURNEY_EXPERIMENT_REAL ?? 150);
const RATES: Record<string, number> = { a: 0.1, b: 0.12, holdout: 0.06 };
/** Share of every arm that buys only after its window closed (the same for each arm). */
const LATE = 0.05;
const HOUR_MS = 3_600_000;
const variants = [
  { id: "a", weight: 50 },
  { id: "b", weight: 50 },
];

let t: TestApi;
let worker: RunningWorker;

beforeAll(async () => {
  t = await startTestApi("experiment_scale");
  worker = await startTestWorker(t);
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

const inBatches = async <T>(items: T[], size: number, fn: (batch: T[]) => Promise<void>) => {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
};

const batch = async (events: Record<string, unknown>[]) => {
  const res = await t.ingest("/batch", { batch: events });
  expect(res.status).toBe(200);
};

const journey = {
  name: "Checkout nudge",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "cart_viewed" } },
    {
      id: "split",
      type: "experiment.split",
      position: { x: 0, y: 100 },
      config: { variants, holdout: 10 },
    },
    { id: "ma", type: "message.sms", position: { x: -100, y: 200 }, config: { text: "10% off" } },
    {
      id: "mb",
      type: "message.sms",
      position: { x: 100, y: 200 },
      config: { text: "Free shipping" },
    },
  ],
  edges: [
    { id: "e1", source: "t", target: "split" },
    { id: "e2", source: "split", sourceHandle: "a", target: "ma" },
    { id: "e3", source: "split", sourceHandle: "b", target: "mb" },
  ],
  settings: {
    goal: { event: "purchase", within: { amount: 1, unit: "hour" }, revenueProperty: "total" },
  },
};

describe("an experiment of 20,000 profiles", () => {
  it("detects the better arm, counts the holdout without sending it anything, over equal windows per arm", async () => {
    const created = (await (await t.api("/api/journeys", { body: journey })).json()) as {
      id: string;
    };
    const id = created.id;
    expect((await t.api(`/api/journeys/${id}/publish`, { method: "POST" })).status).toBe(200);
    const profiles = Array.from({ length: TOTAL }, (_, i) => `shopper-${i}`);
    const arms = new Map(profiles.map((p) => [p, assignVariant(id, "split", p, variants, 10)]));

    // Real enrolments: ingested events, real workflows through the split.
    const realStart = Date.now();
    const real = profiles.slice(0, REAL);
    await inBatches(real, 250, (ps) =>
      batch(ps.map((userId) => ({ type: "track", userId, event: "cart_viewed" }))),
    );
    await eventually(
      async () =>
        (await t.context.db.experimentAssignments.countDocuments({ journeyId: id })) >= REAL,
      240_000,
      "real workflows' assignments",
    );
    const realMs = Date.now() - realStart;
    console.log(
      `experiment scale: ${REAL} real enrolments through the split in ${realMs} ms (${Math.round((REAL * 1000) / realMs)}/s)`,
    );

    // The rest through the same record the workflow's activity writes.
    const rest = profiles.slice(REAL);
    const restStart = Date.now();
    const goal = { event: "purchase", revenueProperty: "total" };
    const enteredAt = new Date();
    await inBatches(rest, 500, async (ps) => {
      await recordAssignments(
        t.context.db,
        ps.map((profileId) => ({
          journeyId: id,
          version: 1,
          nodeId: "split",
          profileId,
          arm: arms.get(profileId) ?? "",
          enteredAt,
          enrolmentId: `synthetic/${profileId}`,
          goal: { ...goal, until: new Date(enteredAt.getTime() + HOUR_MS) },
        })),
      );
    });
    console.log(
      `experiment scale: ${rest.length} assignments recorded in ${Date.now() - restStart} ms`,
    );

    // Conversions: at 30 minutes after arm entry (inside), or two hours after (outside), through ingestion.
    const assignments = await findByIds(
      t.context.db.experimentAssignments,
      profiles.map((p) => assignmentId(id, "split", p)),
    );
    expect(assignments).toHaveLength(TOTAL);
    const next = prng(16).next;
    const expected: Record<string, { enrolled: number; converted: number }> = {};
    const purchases: Record<string, unknown>[] = [];
    for (const a of assignments) {
      const arm = (expected[a.arm] ??= { enrolled: 0, converted: 0 });
      arm.enrolled += 1;
      const u = next();
      const rate = RATES[a.arm] ?? 0;
      const delay = u < rate ? HOUR_MS / 2 : u < rate + LATE ? 2 * HOUR_MS : null;
      if (delay === null) continue;
      if (delay < HOUR_MS) arm.converted += 1;
      purchases.push({
        type: "track",
        userId: a.profileId,
        event: "purchase",
        properties: { total: 20 },
        timestamp: new Date(a.enteredAt.getTime() + delay).toISOString(),
      });
    }
    const convStart = Date.now();
    await inBatches(purchases, 500, batch);
    await t.context.fanout.idle();
    console.log(
      `experiment scale: ${purchases.length} purchases ingested and counted in ${Date.now() - convStart} ms`,
    );

    const body = (await (
      await t.api(`/api/journeys/${id}/experiments/split`)
    ).json()) as ExperimentResponse;
    const counted = Object.fromEntries(
      body.variants.map((v) => [v.id, { enrolled: v.enrolled, converted: v.converted }]),
    );
    expect(counted).toEqual(expected);
    expect(body.variants.find((v) => v.id === "holdout")?.revenue).toBe(
      (expected.holdout?.converted ?? 0) * 20,
    );
    expect(body.control).toBe("a");
    expect(body.winner).toBe("b");
    // The holdout's real enrolments got nothing; the arms' each got their message.
    const heldReal = real.filter((p) => arms.get(p) === "holdout");
    expect(heldReal.length).toBeGreaterThan(0);
    expect(await t.context.db.messages.countDocuments({ profileId: { $in: heldReal } })).toBe(0);
    const sentReal = real.filter((p) => arms.get(p) !== "holdout");
    await eventually(
      async () =>
        (await t.context.db.messages.countDocuments({ profileId: { $in: sentReal } })) ===
        sentReal.length,
      60_000,
      "the arms' messages",
    );
  }, 600_000);
});
