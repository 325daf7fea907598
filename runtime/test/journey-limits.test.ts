import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJourneyTestEnv, type JourneyTestEnv } from "./helpers/journey-env.js";

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv("limits");
  await t.setSettings({ quietHours: { enabled: false }, frequencyCap: { enabled: false } });
});
afterAll(() => t?.close());

describe("long-running journeys", () => {
  it(
    "a loop through a wait continues as new before the history warning and stops at plan.maxSteps",
    { timeout: 120_000 },
    async () => {
      await t.createProfile("p-loop");
      const plan = t.compile({
        name: "loop",
        nodes: [
          { id: "t", type: "trigger.manual", config: {} },
          { id: "w", type: "wait.duration", config: { amount: 1, unit: "hour" } },
          {
            id: "b",
            type: "branch.condition",
            config: { condition: { attr: "stop", op: "eq", value: true } },
          },
          { id: "x", type: "exit", config: {} },
        ],
        edges: [
          { id: "e1", source: "t", target: "w" },
          { id: "e2", source: "w", target: "b" },
          { id: "e3", source: "b", sourceHandle: "yes", target: "x" },
          { id: "e4", source: "b", sourceHandle: "no", target: "w" },
        ],
      });
      const handle = await t.start({ ...plan, maxSteps: 800 }, "p-loop", { journeyId: "j-loop" });
      const result = await handle.result();
      expect(result.outcome).toBe("failed");
      expect(result.reason).toContain("800 steps");
      expect(result.steps).toBe(800);
      const described = await handle.describe();
      expect(described.runId).not.toBe(handle.firstExecutionRunId);
      expect(described.historyLength).toBeLessThan(10_240);
      const stat = await t.models.nodeStats.findOne({ journeyId: "j-loop", nodeId: "w" });
      expect(stat).toMatchObject({ entered: 400, completed: 400, active: 0 });
      expect(await t.models.enrolments.findOne({ journeyId: "j-loop" })).toMatchObject({
        status: "failed",
      });
    },
  );
});
