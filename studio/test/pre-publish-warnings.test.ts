import { describe, expect, it } from "vitest";
import { prePublishWarnings } from "../src/canvas/prePublishWarnings.js";
import type { JourneyDocument } from "../src/canvas/store/types.js";

const doc = (over: Partial<JourneyDocument> = {}): JourneyDocument => ({
  name: "Welcome",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "signed_up" } },
    { id: "m1", type: "message.email", name: "Hello", position: { x: 0, y: 100 }, config: {} },
    { id: "m2", type: "message.sms", name: "Ping", position: { x: 0, y: 200 }, config: {} },
    {
      id: "w",
      type: "wait.duration",
      position: { x: 0, y: 300 },
      config: { amount: 0, unit: "day" },
    },
  ],
  edges: [
    { id: "e1", source: "t", target: "m1" },
    { id: "e2", source: "m1", target: "m2" },
    { id: "e3", source: "m2", target: "w" },
  ],
  settings: { reentry: "never" },
  ...over,
});
const name = (id: string) => ({ m1: "Hello", m2: "Ping", w: "Wait" })[id] ?? id;

describe("pre-publish warnings", () => {
  it("warns about a missing goal, a wait of zero and two messages back to back", () => {
    const warnings = prePublishWarnings(doc(), name);
    expect(warnings).toHaveLength(3);
    expect(warnings.join(" ")).toMatch(/no conversion goal/);
    expect(warnings.join(" ")).toMatch(/'Wait' step waits for no time/);
    expect(warnings.join(" ")).toMatch(/'Ping' goes out right after 'Hello'/);
  });

  it("says nothing for a journey with a goal, real waits and messages apart", () => {
    const calm = doc({
      settings: {
        reentry: "never",
        goal: { event: "purchase", within: { amount: 7, unit: "day" } },
      },
      edges: [{ id: "e1", source: "t", target: "m1" }],
      nodes: doc().nodes.filter((n) => n.id !== "w"),
    });
    expect(prePublishWarnings(calm, name)).toEqual([]);
  });
});
