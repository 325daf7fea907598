import { describe, expect, it } from "vitest";
import { diffJourneys, isEmptyDiff } from "../src/canvas/diff.js";
import type { JourneyDocument } from "../src/canvas/store/types.js";

const live: JourneyDocument = {
  name: "Webinar",
  nodes: [
    {
      id: "t",
      type: "trigger.event",
      position: { x: 0, y: 0 },
      config: { event: "webinar_registered" },
    },
    {
      id: "m1",
      type: "message.email",
      position: { x: 0, y: 100 },
      config: { subject: "Hi", body: "b" },
    },
    { id: "x", type: "exit", position: { x: 0, y: 200 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m1" },
    { id: "e2", source: "m1", target: "x" },
  ],
  settings: { reentry: "never" },
};

describe("publish summary", () => {
  it("reports nothing when only positions moved", () => {
    const moved = {
      ...live,
      nodes: live.nodes.map((n) => ({ ...n, position: { x: n.position.x + 50, y: n.position.y } })),
    };
    expect(isEmptyDiff(diffJourneys(live, moved))).toBe(true);
  });

  it("lists added, removed and reconfigured steps, connections and settings", () => {
    const draft: JourneyDocument = {
      ...live,
      nodes: [
        live.nodes[0]!,
        { ...live.nodes[1]!, config: { subject: "Hello", body: "b" } },
        { id: "m2", type: "message.sms", position: { x: 0, y: 300 }, config: { text: "x" } },
      ],
      edges: [
        { id: "e1", source: "t", target: "m1" },
        { id: "e9", source: "m1", target: "m2" },
      ],
      settings: { reentry: "always" },
    };
    const diff = diffJourneys(live, draft);
    expect(diff.added).toEqual([{ id: "m2", type: "message.sms" }]);
    expect(diff.removed).toEqual([{ id: "x", type: "exit" }]);
    expect(diff.changed).toEqual([{ id: "m1", type: "message.email", fields: ["subject"] }]);
    expect(diff.connectionsAdded).toBe(1);
    expect(diff.connectionsRemoved).toBe(1);
    expect(diff.settingsChanged).toEqual(["reentry"]);
  });

  it("treats every step as new on the first publish", () => {
    const diff = diffJourneys(null, live);
    expect(diff.added).toHaveLength(3);
    expect(diff.settingsChanged).toEqual([]);
  });
});
