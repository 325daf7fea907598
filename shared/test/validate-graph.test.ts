import { describe, expect, it } from "vitest";
import { validateJourney } from "../src/index.js";
import { clone, webinarJourney } from "./fixtures.js";
import { node, only, type Doc } from "./validate-helpers.js";

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
