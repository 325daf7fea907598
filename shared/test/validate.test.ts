import { describe, expect, it } from "vitest";
import { validateJourney, type Problem, type JourneyDocumentInput } from "../src/index.js";
import { clone, webinarJourney } from "./fixtures.js";

type Doc = JourneyDocumentInput;
const node = (doc: Doc, id: string) => {
  const n = doc.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const only = (problems: Problem[], code: Problem["code"]) =>
  problems.filter((p) => p.code === code);

describe("validateJourney", () => {
  it("accepts the DESIGN.md example journey", () => {
    expect(validateJourney(webinarJourney())).toEqual({ valid: true, problems: [] });
  });

  it("reports no_trigger when the journey has no trigger", () => {
    const doc = clone(webinarJourney());
    doc.nodes = doc.nodes.filter((n) => n.id !== "t");
    doc.edges = doc.edges.filter((e) => e.source !== "t");
    const { valid, problems } = validateJourney(doc);
    expect(valid).toBe(false);
    expect(only(problems, "no_trigger")).toHaveLength(1);
  });

  it("reports multiple_triggers on the extra trigger", () => {
    const doc = clone(webinarJourney());
    doc.nodes.push({ id: "t2", type: "trigger.manual", config: {} });
    doc.edges.push({ id: "e9", source: "t2", target: "m1" });
    expect(only(validateJourney(doc).problems, "multiple_triggers").map((p) => p.nodeId)).toEqual([
      "t2",
    ]);
  });

  it("reports unknown_node_type with the node id and path", () => {
    const doc = clone(webinarJourney());
    node(doc, "m2").type = "message.fax";
    const [p] = only(validateJourney(doc).problems, "unknown_node_type");
    expect(p).toMatchObject({ nodeId: "m2", path: ["nodes", 3, "type"] });
    expect(p?.message).toContain("message.fax");
  });

  it("reports duplicate_id for nodes and for edges", () => {
    const doc = clone(webinarJourney());
    doc.nodes.push({ id: "m1", type: "exit", config: {} });
    doc.edges.push({ id: "e1", source: "m2", target: "x" });
    const dups = only(validateJourney(doc).problems, "duplicate_id");
    expect(dups.map((p) => p.nodeId ?? p.edgeId).sort()).toEqual(["e1", "m1"]);
  });

  it("reports dangling_edge with the edge id", () => {
    const doc = clone(webinarJourney());
    doc.edges.push({ id: "e9", source: "m2", target: "ghost" });
    expect(only(validateJourney(doc).problems, "dangling_edge")).toEqual([
      expect.objectContaining({ edgeId: "e9", nodeId: "m2" }),
    ]);
  });

  it("reports unreachable_node for a node not connected to the trigger", () => {
    const doc = clone(webinarJourney());
    doc.nodes.push({ id: "lonely", type: "message.sms", config: { text: "hi" } });
    expect(only(validateJourney(doc).problems, "unreachable_node").map((p) => p.nodeId)).toEqual([
      "lonely",
    ]);
  });

  it("reports unconnected_port with a sentence naming the step and the missing path", () => {
    const doc = clone(webinarJourney());
    doc.edges = doc.edges.filter((e) => e.id !== "e4");
    const problems = only(validateJourney(doc).problems, "unconnected_port");
    expect(problems).toEqual([expect.objectContaining({ nodeId: "w", port: "timeout" })]);
    expect(problems[0]?.message).toBe(
      "The 'Wait for email opened' step has no path for when the wait times out. Connect it to a step, or to an Exit to end the journey there.",
    );
  });

  it("reports cycle_without_wait for a loop of branches, and allows a loop through a wait", () => {
    const doc: Doc = {
      name: "loop",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        {
          id: "b1",
          type: "branch.condition",
          config: { condition: { attr: "a", op: "exists", value: true } },
        },
        {
          id: "b2",
          type: "branch.condition",
          config: { condition: { attr: "b", op: "exists", value: true } },
        },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "b1" },
        { id: "e2", source: "b1", sourceHandle: "yes", target: "b2" },
        { id: "e3", source: "b1", sourceHandle: "no", target: "x" },
        { id: "e4", source: "b2", sourceHandle: "yes", target: "b1" },
        { id: "e5", source: "b2", sourceHandle: "no", target: "x" },
      ],
    };
    expect(only(validateJourney(doc).problems, "cycle_without_wait").map((p) => p.nodeId)).toEqual([
      "b1",
    ]);
    const withWait = clone(doc);
    withWait.nodes.push({ id: "w", type: "wait.duration", config: { amount: 1, unit: "day" } });
    const back = withWait.edges.find((e) => e.id === "e4");
    if (back) back.target = "w";
    withWait.edges.push({ id: "e6", source: "w", target: "b1" });
    expect(validateJourney(withWait)).toEqual({ valid: true, problems: [] });
  });

  it("reports invalid_config with the JSON path of the field", () => {
    const doc = clone(webinarJourney());
    node(doc, "w").config = { event: "email_opened", timeout: { amount: "one", unit: "day" } };
    const [p] = only(validateJourney(doc).problems, "invalid_config");
    expect(p).toMatchObject({ nodeId: "w", path: ["nodes", 2, "config", "timeout", "amount"] });
    expect(p?.message).toMatch(/^The 'Wait for email opened' step/);
  });

  it("says a required field is missing in plain words", () => {
    const doc = clone(webinarJourney());
    node(doc, "m1").config = { body: "x" };
    const [p] = only(validateJourney(doc).problems, "invalid_config");
    expect(p?.message).toBe("The 'Email' step needs a subject.");
  });

  it("reports weights_not_100 on an experiment whose weights do not add up", () => {
    const doc: Doc = {
      name: "ab",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        {
          id: "ab",
          type: "experiment.split",
          config: {
            variants: [
              { id: "a", weight: 50 },
              { id: "b", weight: 40 },
            ],
          },
        },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "ab" },
        { id: "e2", source: "ab", sourceHandle: "a", target: "x" },
        { id: "e3", source: "ab", sourceHandle: "b", target: "x" },
      ],
    };
    const problems = validateJourney(doc).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        code: "weights_not_100",
        nodeId: "ab",
        path: ["nodes", 1, "config", "variants"],
      }),
    ]);
    expect(problems[0]?.message).toContain("90");
  });

  it("reports invalid_template with the field for a Liquid syntax error", () => {
    const doc = clone(webinarJourney());
    node(doc, "m1").config = {
      subject: "Hi {% if profile.vip %}",
      body: "ok {{ profile.firstName }}",
    };
    expect(only(validateJourney(doc).problems, "invalid_template")).toEqual([
      expect.objectContaining({ nodeId: "m1", path: ["nodes", 1, "config", "subject"] }),
    ]);
  });

  it("reports invalid_template inside cascade steps", () => {
    const doc = clone(webinarJourney());
    node(doc, "m2").type = "message.cascade";
    node(doc, "m2").config = {
      steps: [
        { channel: "sms", content: { text: "{{ unclosed" }, window: { amount: 1, unit: "hour" } },
      ],
    };
    doc.edges = doc.edges.filter((e) => e.id !== "e5");
    doc.edges.push(
      { id: "e7", source: "m2", sourceHandle: "responded", target: "x" },
      { id: "e8", source: "m2", sourceHandle: "exhausted", target: "x" },
    );
    expect(only(validateJourney(doc).problems, "invalid_template")).toEqual([
      expect.objectContaining({
        nodeId: "m2",
        path: ["nodes", 3, "config", "steps", 0, "content", "text"],
      }),
    ]);
  });

  it("reports unknown_segment through the injected lookup", () => {
    const doc = clone(webinarJourney());
    doc.nodes[0] = { id: "t", type: "trigger.segment", config: { segmentId: "seg-missing" } };
    const known = new Set(["seg-vip"]);
    const problems = validateJourney(doc, { segmentExists: (id) => known.has(id) }).problems;
    expect(problems).toEqual([
      expect.objectContaining({
        code: "unknown_segment",
        nodeId: "t",
        path: ["nodes", 0, "config", "segmentId"],
      }),
    ]);
    expect(validateJourney(doc).valid).toBe(true);
  });

  it("reports unknown_port for a handle the node does not have and for a missing handle on a branching node", () => {
    const doc = clone(webinarJourney());
    const e3 = doc.edges.find((e) => e.id === "e3");
    if (e3) e3.sourceHandle = "maybe";
    doc.edges.push({ id: "e9", source: "w", target: "m2" });
    const problems = only(validateJourney(doc).problems, "unknown_port");
    expect(problems.map((p) => p.edgeId).sort()).toEqual(["e3", "e9"]);
  });

  it("reports port_already_connected when one port has two edges", () => {
    const doc = clone(webinarJourney());
    doc.edges.push({ id: "e9", source: "m1", target: "x" });
    expect(only(validateJourney(doc).problems, "port_already_connected")).toEqual([
      expect.objectContaining({ edgeId: "e9", nodeId: "m1", port: "next" }),
    ]);
  });

  it("reports edge_into_trigger", () => {
    const doc = clone(webinarJourney());
    doc.edges.push({ id: "e9", source: "m2", target: "t" });
    doc.edges = doc.edges.filter((e) => e.id !== "e5");
    expect(only(validateJourney(doc).problems, "edge_into_trigger")).toEqual([
      expect.objectContaining({ edgeId: "e9", nodeId: "t" }),
    ]);
  });

  it("reports invalid_settings with the settings path", () => {
    const doc = clone(webinarJourney());
    doc.settings = { reentry: "sometimes" as "never" };
    expect(validateJourney(doc).problems).toEqual([
      expect.objectContaining({ code: "invalid_settings", path: ["settings", "reentry"] }),
    ]);
  });

  it("reports every problem at once", () => {
    const doc = clone(webinarJourney());
    node(doc, "m1").config = {};
    node(doc, "m2").type = "nope";
    doc.edges.push({ id: "e9", source: "x", target: "ghost" });
    doc.nodes.push({ id: "lonely", type: "exit", config: {} });
    const codes = new Set(validateJourney(doc).problems.map((p) => p.code));
    expect([...codes].sort()).toEqual([
      "dangling_edge",
      "invalid_config",
      "unknown_node_type",
      "unreachable_node",
    ]);
  });
});

describe("validateJourney on bad input", () => {
  it("turns non-objects and wrong top-level types into invalid_document problems", () => {
    for (const bad of [null, undefined, 42, "journey", [], { name: 1, nodes: {}, edges: "x" }]) {
      const result = validateJourney(bad);
      expect(result.valid).toBe(false);
      expect(result.problems.every((p) => p.code === "invalid_document")).toBe(true);
    }
  });

  it("limits the number of nodes (configurable)", () => {
    const doc = clone(webinarJourney());
    expect(validateJourney(doc, { limits: { maxNodes: 3 } }).problems).toEqual([
      expect.objectContaining({ code: "too_many_nodes" }),
    ]);
    const many = {
      name: "big",
      nodes: Array.from({ length: 5_001 }, (_, i) => ({ id: `n${i}`, type: "exit" })),
      edges: [],
    };
    expect(validateJourney(many).problems.map((p) => p.code)).toEqual(["too_many_nodes"]);
  });

  it("limits the document size (default 5 MB)", () => {
    const doc = clone(webinarJourney());
    node(doc, "m1").config = { subject: "x", body: "y".repeat(6 * 1024 * 1024) };
    expect(validateJourney(doc).problems.map((p) => p.code)).toEqual(["document_too_large"]);
    expect(
      validateJourney(webinarJourney(), { limits: { maxBytes: 500 } }).problems.map((p) => p.code),
    ).toEqual(["document_too_large"]);
  });

  it("reports deeply nested conditions without overflowing the stack", () => {
    let deep: unknown = { attr: "a", op: "exists", value: true };
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const doc = clone(webinarJourney());
    doc.nodes.push({ id: "b", type: "branch.condition", config: { condition: deep } });
    expect(validateJourney(doc).problems.map((p) => p.code)).toEqual(["nesting_too_deep"]);
  });

  it("reports conditions nested beyond the condition limit as invalid_config", () => {
    let deep: unknown = { attr: "a", op: "exists", value: true };
    for (let i = 0; i < 12; i++) deep = { not: deep };
    const doc = clone(webinarJourney());
    node(doc, "t").config = { event: "x", where: deep };
    expect(validateJourney(doc).problems).toEqual([
      expect.objectContaining({ code: "invalid_config", nodeId: "t" }),
    ]);
  });

  it("treats prototype-pollution keys as data, never touching Object.prototype", () => {
    const raw = `{"name":"p","__proto__":{"polluted":true},"nodes":[{"id":"__proto__","type":"exit","config":{"constructor":{"prototype":{"polluted":true}}}},
      {"id":"t","type":"trigger.manual","config":{"__proto__":{"x":1}}}],"edges":[{"id":"constructor","source":"t","target":"__proto__"}],
      "settings":{"__proto__":{"reentry":"always"}}}`;
    const result = validateJourney(JSON.parse(raw));
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => p.code)).toContain("invalid_document");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects a circular document instead of looping", () => {
    const doc: Record<string, unknown> = { name: "c", nodes: [], edges: [] };
    doc.self = doc;
    expect(validateJourney(doc).problems.map((p) => p.code)).toEqual(["nesting_too_deep"]);
  });

  it("survives getters that throw", () => {
    const hostile = {
      name: "h",
      edges: [],
      get nodes(): unknown[] {
        throw new Error("boom");
      },
    };
    expect(validateJourney(hostile).problems[0]?.code).toBe("invalid_document");
  });

  it("handles hostile strings as plain data", () => {
    const doc = clone(webinarJourney());
    node(doc, "m1").name = "'); DROP TABLE journeys; -- \u0000\u202e<script>";
    node(doc, "m1").config = {
      subject: "{{ 'x' | append: '\u0000' }}",
      body: "{% raw %}{{{% endraw %}",
    };
    expect(validateJourney(doc).valid).toBe(true);
  });
});

describe("problem sentences", () => {
  it("speak the marketer's language for common config mistakes", () => {
    const doc = clone(webinarJourney());
    node(doc, "w").config = { event: "email_opened", timeout: { amount: 1.5, unit: "month" } };
    node(doc, "m2").config = { text: "x".repeat(5_000) };
    const messages = validateJourney(doc).problems.map((p) => p.message);
    expect(messages).toContain(
      "The 'Wait for email opened' step's give up after (amount) must be a whole number.",
    );
    expect(messages).toContain(
      `The 'Wait for email opened' step's give up after (unit) must be one of "second", "minute", "hour", "day", "week".`,
    );
    expect(messages).toContain("The 'Telegram' step's text must be at most 4096 characters long.");
  });

  it("treats consent.* inside an event's property filter as a plain property", () => {
    const doc = clone(webinarJourney());
    node(doc, "t").config = {
      event: "signup",
      where: { attr: "consent.whatever", op: "exists", value: true },
    };
    expect(validateJourney(doc).valid).toBe(true);
    node(doc, "t").config = { event: "signup" };
    doc.nodes.push({
      id: "b",
      type: "branch.condition",
      config: { condition: { attr: "consent.fax", op: "eq", value: "subscribed" } },
    });
    expect(validateJourney(doc).problems).toContainEqual(
      expect.objectContaining({
        code: "invalid_config",
        nodeId: "b",
        path: ["nodes", 5, "config", "condition", "attr"],
      }),
    );
  });
});

describe("hostile templates", () => {
  it("reports pathological Liquid as invalid_template with a short message, never an exception", () => {
    for (const body of [
      "{{".repeat(50_000),
      "{% if a %}".repeat(20_000),
      "{% comment %}".repeat(10_000),
    ]) {
      const doc = clone(webinarJourney());
      node(doc, "m1").config = { subject: "s", body };
      const problems = validateJourney(doc).problems;
      expect(problems.map((p) => p.code)).toEqual(["invalid_template"]);
      expect(problems[0]?.message.length).toBeLessThan(300);
    }
  });
});

describe("condition problems", () => {
  it("points at the real mistake inside a condition", () => {
    const doc = clone(webinarJourney());
    const leaf = { attr: "country", op: "eq", value: "DE" };
    doc.nodes.push({
      id: "b",
      type: "branch.condition",
      config: { condition: { any: Array.from({ length: 500 }, () => leaf) } },
    });
    doc.nodes.push({
      id: "c",
      type: "branch.condition",
      config: { condition: { all: [leaf, { attr: "age", op: "gt", value: true }] } },
    });
    const problems = validateJourney(doc).problems.filter((p) => p.code === "invalid_config");
    expect(problems.find((p) => p.nodeId === "b")?.path).toEqual([
      "nodes",
      5,
      "config",
      "condition",
      "any",
    ]);
    expect(problems.find((p) => p.nodeId === "c")?.path).toEqual([
      "nodes",
      6,
      "config",
      "condition",
      "all",
      1,
      "value",
    ]);
  });
});

describe("custom node types in validation", () => {
  it("validates a journey that uses a custom type from an injected registry, templates included", async () => {
    const { z } = await import("zod");
    const { defineNodeType, NodeTypeRegistry, builtInNodeTypes } = await import("../src/index.js");
    const registry = new NodeTypeRegistry();
    for (const t of builtInNodeTypes) registry.register(t);
    registry.register(
      defineNodeType({
        type: "acme.slack",
        title: "Slack message",
        category: "action",
        icon: "slack",
        version: 1,
        config: z.object({ channel: z.string(), text: z.string() }),
        outputs: ["next", "failed"],
        execution: "activity",
        ui: { liquid: ["text"], ports: { failed: "when Slack refuses the message" } },
        run: async () => ({ output: "next" }),
      }),
    );
    const doc = clone(webinarJourney());
    node(doc, "m2").type = "acme.slack";
    node(doc, "m2").config = { channel: "#sales", text: "{{ profile.firstName" };
    const e5 = doc.edges.find((e) => e.id === "e5");
    if (e5) e5.sourceHandle = "next";
    expect(validateJourney(doc).problems.map((p) => p.code)).toContain("unknown_node_type");
    const problems = validateJourney(doc, { registry }).problems;
    expect(problems.map((p) => p.code).sort()).toEqual(["invalid_template", "unconnected_port"]);
    expect(problems.find((p) => p.code === "unconnected_port")?.message).toContain(
      "when Slack refuses the message",
    );
  });
});
