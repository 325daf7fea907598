import { describe, expect, it } from "vitest";
import { validateJourney } from "../src/index.js";
import { clone, webinarJourney } from "./fixtures.js";
import { node } from "./validate-helpers.js";

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
