import { describe, expect, it } from "vitest";
import { validateJourney } from "../src/index.js";
import { clone, webinarJourney } from "./fixtures.js";
import { node, only, type Doc } from "./validate-helpers.js";

describe("validateJourney", () => {
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

  it("names missing fields with the right article, nested ones by what they are", () => {
    const doc = clone(webinarJourney());
    node(doc, "t").config = {};
    node(doc, "w").type = "branch.condition";
    node(doc, "w").config = { condition: { op: "eq", value: "DE" } };
    node(doc, "m2").type = "message.cascade";
    node(doc, "m2").config = {
      steps: [
        { channel: "sms", content: { text: "Hi" }, window: { amount: 1, unit: "hour" } },
        { channel: "email", content: { body: "Hi" }, window: { amount: 1, unit: "hour" } },
      ],
    };
    const messages = validateJourney(doc).problems.map((p) => p.message);
    expect(messages.some((m) => /needs an event\.$/.test(m))).toBe(true);
    expect(messages.some((m) => /step's condition needs an attribute\.$/.test(m))).toBe(true);
    expect(messages.some((m) => /step's .*2 needs a subject\.$/.test(m))).toBe(true);
    expect(messages.join(" ")).not.toMatch(
      /needs a event|\(attr\)|\(content subject\)|needs a channels/,
    );
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

  it("reports invalid_settings with the settings path", () => {
    const doc = clone(webinarJourney());
    doc.settings = { reentry: "sometimes" as "never" };
    expect(validateJourney(doc).problems).toEqual([
      expect.objectContaining({ code: "invalid_settings", path: ["settings", "reentry"] }),
    ]);
  });
});

describe("problem sentences", () => {
  it("speak the marketer's language for common config mistakes", () => {
    const doc = clone(webinarJourney());
    node(doc, "w").config = { event: "email_opened", timeout: { amount: 1.5, unit: "month" } };
    node(doc, "m2").config = { text: "x".repeat(5_000) };
    const messages = validateJourney(doc).problems.map((p) => p.message);
    expect(messages).toContain(
      "The 'Wait for email opened' step's time limit: the amount must be a whole number.",
    );
    expect(messages).toContain(
      "The 'Wait for email opened' step's time limit: the unit must be one of second, minute, hour, day, week.",
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
