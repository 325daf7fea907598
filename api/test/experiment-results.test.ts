import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExperimentResponse } from "@omnijourney/shared";
import { incrementNodeStats } from "@omnijourney/store";
import { startTestApi, type TestApi } from "./helpers/api.js";
import { json } from "./helpers/json.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("experiments");
});
afterAll(async () => {
  await t?.close();
});

const abJourney = (holdout: number) => ({
  name: "Subject line test",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Signed Up" } },
    {
      id: "ab",
      type: "experiment.split",
      position: { x: 0, y: 120 },
      config: {
        variants: [
          { id: "a", name: "Plain subject", weight: 50 },
          { id: "b", name: "Emoji subject", weight: 50 },
        ],
        holdout,
      },
    },
    { id: "xa", type: "exit", position: { x: -100, y: 240 }, config: {} },
    { id: "xb", type: "exit", position: { x: 100, y: 240 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "ab" },
    { id: "e2", source: "ab", sourceHandle: "a", target: "xa" },
    { id: "e3", source: "ab", sourceHandle: "b", target: "xb" },
  ],
  settings: { reentry: "never" },
});

const createJourney = async (holdout: number): Promise<string> => {
  const created = await t.api("/api/journeys", { body: abJourney(holdout) });
  expect(created.status).toBe(201);
  const { id } = (await json(created)) as { id: string };
  return id;
};

describe("GET /api/journeys/:id/experiments/:nodeId", () => {
  it("reads the split node's counters into rates, both tests, the Bayesian figures and a verdict naming variants", async () => {
    const id = await createJourney(10);
    // Counters as the runtime stores them, written in the "wrong" order: b before a.
    await incrementNodeStats(t.context.db, id, "ab", {
      "ports.b": 9000,
      "ports.a": 9000,
      "ports.holdout": 2000,
      "portConversions.b": 1090,
      "portConversions.a": 900,
      "portConversions.holdout": 150,
      "portRevenue.a": 45_000,
      "portRevenue.b": 54_500,
    });
    const res = await t.api(`/api/journeys/${id}/experiments/ab`);
    expect(res.status).toBe(200);
    const body = ExperimentResponse.parse(await json(res));
    expect(body.control).toBe("a");
    expect(body.variants.map((v) => [v.id, v.name, v.weight])).toEqual([
      ["a", "Plain subject", 0.45],
      ["b", "Emoji subject", 0.45],
      ["holdout", "Holdout", 0.1],
    ]);
    const b = body.variants[1]?.vsControl;
    expect(b?.relativeLift).toBeCloseTo(1090 / 900 - 1, 10);
    expect(b?.alwaysValidPValue).toBeLessThan(0.05);
    expect(b?.probabilityToBeatControl).toBeGreaterThan(0.99);
    expect(body.variants[0]?.revenuePerEnrolled).toBe(5);
    expect(body.sampleRatio?.mismatch).toBe(false);
    expect(body.winner).toBe("b");
    expect(body.verdict.kind).toBe("variant_wins");
    expect(body.verdict.headline).toMatch(/^Emoji subject beats Plain subject/);
  });

  it("has no holdout row when the holdout is 0 % and says it is too early with no one counted", async () => {
    const id = await createJourney(0);
    const body = ExperimentResponse.parse(
      await json(await t.api(`/api/journeys/${id}/experiments/ab`)),
    );
    expect(body.variants.map((v) => v.id)).toEqual(["a", "b"]);
    expect(body.verdict.kind).toBe("too_early");
  });

  it("takes the minimum detectable effect from the query and answers 400 naming a bad one", async () => {
    const id = await createJourney(0);
    await incrementNodeStats(t.context.db, id, "ab", {
      "ports.a": 1000,
      "ports.b": 1000,
      "portConversions.a": 100,
      "portConversions.b": 104,
    });
    const at = async (q: string) =>
      ExperimentResponse.parse(await json(await t.api(`/api/journeys/${id}/experiments/ab${q}`)));
    const tenPercent = await at("");
    const twentyPercent = await at("?mde=0.2");
    expect(twentyPercent.sampleSize.minimumDetectableEffect).toBe(0.2);
    expect(twentyPercent.sampleSize.requiredPerArm ?? 0).toBeLessThan(
      (tenPercent.sampleSize.requiredPerArm ?? 0) / 3,
    );
    const bad = await t.api(`/api/journeys/${id}/experiments/ab?mde=lots`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toMatch(/mde/);
  });
});
