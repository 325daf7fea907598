import { describe, expect, it } from "vitest";
import { progressDailyFacts } from "../src/activities/daily-progress.js";
import type { ProgressBatch } from "../src/workflows/types.js";

const enrolment = {
  journeyId: "j",
  version: 1,
  profileId: "p",
  workflowId: "w",
  enrolmentId: "w/r",
};
const batch = (seq: number, ops: ProgressBatch["ops"]): ProgressBatch => ({
  enrolment,
  seq,
  ops,
  startedAt: "2026-03-01T10:00:00.000Z",
});
const now = new Date("2026-03-09T00:00:00.000Z");

describe("daily counter facts of enrolment progress", () => {
  it("counts the enrolment once, on its first step, and each step's entry and exit on its day", () => {
    const facts = progressDailyFacts(
      batch(1, [
        { op: "enter", nodeId: "t", at: "2026-03-01T10:00:00.000Z" },
        { op: "leave", nodeId: "t", port: null },
        { op: "enter", nodeId: "m", at: "2026-03-02T09:00:00.000Z" },
        { op: "leave", nodeId: "m", port: null },
      ]),
      now,
    );
    expect(facts.map((f) => [f.nodeId, String(f.at).slice(0, 10), f.counts])).toEqual([
      ["", "2026-03-01", { enrolled: 1 }],
      ["t", "2026-03-01", { entered: 1 }],
      ["t", "2026-03-01", { completed: 1 }],
      ["m", "2026-03-02", { entered: 1 }],
      ["m", "2026-03-02", { completed: 1 }],
    ]);
  });

  it("a later batch enrols nobody; a conversion counts on the journey and on every step passed", () => {
    const facts = progressDailyFacts(
      batch(2, [
        { op: "enter", nodeId: "w", at: "2026-03-03T09:00:00.000Z" },
        {
          op: "convert",
          at: "2026-03-04T12:00:00.000Z",
          revenue: 40,
          nodes: ["t", "w"],
          ports: [],
        },
      ]),
      now,
    );
    expect(facts.map((f) => [f.nodeId, f.counts])).toEqual([
      ["w", { entered: 1 }],
      ["", { "j:converted": 1, "j:revenue": 40 }],
      ["t", { converted: 1, revenue: 40 }],
      ["w", { converted: 1, revenue: 40 }],
    ]);
  });

  it("an enrolment that exits counts as dropped at the step it stood on; one that completes does not", () => {
    const exited = progressDailyFacts(
      batch(3, [
        { op: "enter", nodeId: "w", at: "2026-03-05T09:00:00.000Z" },
        { op: "end", status: "exited", reason: "exit_event", at: "2026-03-05T10:00:00.000Z" },
      ]),
      now,
    );
    expect(exited.map((f) => [f.nodeId, f.counts])).toEqual([
      ["w", { entered: 1 }],
      ["", { "ended:exited": 1 }],
      ["w", { dropped: 1 }],
    ]);
    const completed = progressDailyFacts(
      batch(3, [{ op: "end", status: "completed", at: "2026-03-05T10:00:00.000Z" }]),
      now,
    );
    expect(completed.map((f) => [f.nodeId, f.counts])).toEqual([["", { "ended:completed": 1 }]]);
  });
});
