import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  builtInNodeTypes,
  compileJourney,
  defineNodeType,
  JourneyValidationError,
  NodeTypeRegistry,
} from "../src/index.js";
import { clone, largeJourney, webinarJourney } from "./fixtures.js";

describe("compileJourney", () => {
  it("resolves every port to its next node, with null where the journey ends", () => {
    const plan = compileJourney(webinarJourney());
    expect(plan.triggerNodeId).toBe("t");
    expect(plan.nodes.w?.next).toEqual({ received: "x", timeout: "m2" });
    expect(plan.nodes.x?.next).toEqual({});
    expect(plan.nodes.m1).toMatchObject({
      type: "message.email",
      typeVersion: 1,
      execution: "activity",
      next: { next: "w" },
    });
    const last = clone(webinarJourney());
    last.edges = last.edges.filter((e) => e.id !== "e5");
    expect(compileJourney(last).nodes.m2?.next).toEqual({ next: null });
  });

  it("tags control-flow nodes by their type with a typed config, and activity nodes with their opaque config", () => {
    const plan = compileJourney(webinarJourney());
    const wait = plan.nodes.w;
    if (wait?.execution !== "workflow" || wait.type !== "wait.event")
      throw new Error("w should compile to a wait.event control node");
    expect(wait.config.timeout).toEqual({ amount: 1, unit: "day" });
    expect(plan.nodes.x).toMatchObject({ type: "exit", execution: "workflow", config: {} });
    expect(plan.nodes.m1).toMatchObject({ type: "message.email", execution: "activity" });
  });

  it("compiles a custom type with a run as an activity node carrying its type and config", () => {
    const registry = new NodeTypeRegistry();
    for (const t of builtInNodeTypes) registry.register(t);
    registry.register(
      defineNodeType({
        type: "acme.ping",
        title: "Ping",
        category: "action",
        icon: "bell",
        version: 3,
        config: z.object({ url: z.string(), retries: z.number().default(2) }),
        outputs: ["next"],
        execution: "activity",
        run: async () => ({ output: "next" }),
      }),
    );
    const doc = clone(webinarJourney());
    doc.nodes = doc.nodes.map((n) =>
      n.id === "m2" ? { ...n, type: "acme.ping", config: { url: "https://example.com" } } : n,
    );
    expect(compileJourney(doc, { registry }).nodes.m2).toEqual({
      id: "m2",
      type: "acme.ping",
      typeVersion: 3,
      execution: "activity",
      config: { url: "https://example.com", retries: 2 },
      next: { next: "x" },
    });
  });

  it("applies config and settings defaults", () => {
    const plan = compileJourney(webinarJourney());
    expect(plan.nodes.m1?.config).toMatchObject({ category: "marketing" });
    expect(plan.settings).toMatchObject({
      reentry: "never",
      respectQuietHours: true,
      frequencyCapped: true,
      exitOn: [],
    });
    expect(plan.schemaVersion).toBe(1);
    expect(plan.maxSteps).toBeGreaterThan(0);
  });

  it("produces plain JSON", () => {
    const plan = compileJourney(webinarJourney());
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("throws JourneyValidationError with the problems for an invalid document", () => {
    const doc = clone(webinarJourney());
    doc.nodes = doc.nodes.filter((n) => n.id !== "t");
    let caught: unknown;
    try {
      compileJourney(doc);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JourneyValidationError);
    expect(
      caught instanceof JourneyValidationError ? caught.problems.map((p) => p.code) : [],
    ).toContain("no_trigger");
  });

  it("is deterministic and ignores node order, positions, edge ids and names", () => {
    const a = compileJourney(webinarJourney());
    const doc = clone(webinarJourney());
    doc.nodes.reverse();
    doc.edges.reverse();
    doc.name = "Renamed";
    for (const n of doc.nodes) {
      n.position = { x: 999, y: -5 };
      n.name = `Step ${n.id}`;
    }
    doc.edges.forEach((e, i) => (e.id = `edge-${i}`));
    const b = compileJourney(doc);
    expect(b.hash).toBe(a.hash);
    expect(JSON.stringify(compileJourney(webinarJourney()))).toBe(JSON.stringify(a));
  });

  it("changes the hash with any change of behaviour", () => {
    const base = compileJourney(webinarJourney()).hash;
    const variants: ((d: ReturnType<typeof webinarJourney>) => void)[] = [
      (d) =>
        (d.nodes[1] = {
          id: "m1",
          type: "message.email",
          config: { subject: "Changed", body: "..." },
        }),
      (d) =>
        (d.nodes[2] = {
          id: "w",
          type: "wait.event",
          config: { event: "email_opened", timeout: { amount: 2, unit: "day" } },
        }),
      (d) => {
        const e = d.edges.find((x) => x.id === "e3");
        if (e) e.target = "m2";
        const f = d.edges.find((x) => x.id === "e4");
        if (f) f.target = "x";
      },
      (d) => (d.settings = { ...d.settings, reentry: "always" }),
      (d) =>
        (d.nodes[1] = {
          ...d.nodes[1],
          id: "m1",
          type: "message.email",
          config: {
            subject: "See you {{ profile.firstName }}",
            body: "...",
            category: "transactional",
          },
        }),
    ];
    const hashes = variants.map((mutate) => {
      const d = clone(webinarJourney());
      mutate(d);
      return compileJourney(d).hash;
    });
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("compiles a 1,000-node journey", () => {
    const doc = largeJourney(1_000);
    const plan = compileJourney(doc);
    expect(doc.nodes.length).toBeGreaterThanOrEqual(1_000);
    expect(Object.keys(plan.nodes)).toHaveLength(doc.nodes.length);
  });
});
