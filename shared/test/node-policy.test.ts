import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  builtInNodeTypes,
  compileJourney,
  DEFAULT_ACTIVITY_POLICY,
  defineNodeType,
  NodeTypeRegistry,
} from "../src/index.js";
import { clone, webinarJourney } from "./fixtures.js";

const flaky = (spec: { retry?: { attempts: number; backoffMs?: number }; timeoutMs?: number }) =>
  defineNodeType({
    type: "acme.flaky",
    title: "Flaky",
    category: "action",
    icon: "bell",
    version: 1,
    config: z.object({}),
    outputs: ["next"],
    execution: "activity",
    run: async () => ({ output: "next" }),
    ...spec,
  });

describe("a node type's retry and timeout", () => {
  it("fills the runtime's defaults around what the type declares", () => {
    expect(flaky({ retry: { attempts: 2, backoffMs: 100 } }).policy).toEqual({
      ...DEFAULT_ACTIVITY_POLICY,
      maxAttempts: 2,
      initialIntervalMs: 100,
    });
    expect(flaky({ timeoutMs: 5_000 }).policy).toEqual({
      ...DEFAULT_ACTIVITY_POLICY,
      timeoutMs: 5_000,
    });
    expect(flaky({}).policy).toBeNull();
    expect(builtInNodeTypes.every((type) => type.policy === null)).toBe(true);
  });

  it("rejects attempts or timeouts that are not positive integers", () => {
    expect(() => flaky({ retry: { attempts: 0 } })).toThrow(/positive integer/);
    expect(() => flaky({ timeoutMs: 1.5 })).toThrow(/positive integer/);
  });

  it("is carried by the plan node so the workflow can apply it", () => {
    const registry = new NodeTypeRegistry();
    for (const t of builtInNodeTypes) registry.register(t);
    registry.register(flaky({ retry: { attempts: 3 }, timeoutMs: 2_000 }));
    const doc = clone(webinarJourney());
    doc.nodes = doc.nodes.map((n) =>
      n.id === "m2" ? { ...n, type: "acme.flaky", config: {} } : n,
    );
    expect(compileJourney(doc, { registry }).nodes.m2).toMatchObject({
      policy: { ...DEFAULT_ACTIVITY_POLICY, maxAttempts: 3, timeoutMs: 2_000 },
    });
  });
});
