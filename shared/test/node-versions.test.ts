import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  defineNodeType,
  NodeTypeRegistry,
  upgradeNodeConfigs,
  validateJourney,
} from "../src/index.js";

// Version 2 of a type whose version-1 config had `text`; version 2 has `message` and `punctuation`.
const greetingV2 = defineNodeType({
  type: "test.greeting",
  title: "Greeting",
  category: "data",
  icon: "smile",
  version: 2,
  config: z.object({ message: z.string().min(1), punctuation: z.string().default("!") }),
  migrate: (fromVersion, config) => {
    if (fromVersion !== 1) throw new Error(`no migration from version ${fromVersion}`);
    return { message: z.object({ text: z.string() }).parse(config).text };
  },
  outputs: ["next"],
  execution: "activity",
  run: async () => ({ output: "next" }),
});
const registry = new NodeTypeRegistry();
registry.register(greetingV2);

const documentWith = (node: Record<string, unknown>) => ({
  name: "Greet",
  nodes: [{ id: "g", type: "test.greeting", position: { x: 0, y: 0 }, ...node }],
  edges: [],
});
const nodeOf = (doc: { nodes: unknown[] }) => doc.nodes[0];

describe("upgradeNodeConfigs", () => {
  it("migrates a node written for an older version and stamps the current one", () => {
    const doc = documentWith({ config: { text: "Hello" }, typeVersion: 1 });
    expect(nodeOf(upgradeNodeConfigs(doc, registry, "current"))).toMatchObject({
      config: { message: "Hello" },
      typeVersion: 2,
    });
  });

  it("reads a stored node without a version as version 1, and a node sent now as current", () => {
    const legacy = documentWith({ config: { text: "Hello" } });
    expect(nodeOf(upgradeNodeConfigs(legacy, registry, "first"))).toMatchObject({
      config: { message: "Hello" },
      typeVersion: 2,
    });
    const fresh = documentWith({ config: { message: "Hi" } });
    expect(nodeOf(upgradeNodeConfigs(fresh, registry, "current"))).toEqual({
      id: "g",
      type: "test.greeting",
      position: { x: 0, y: 0 },
      config: { message: "Hi" },
      typeVersion: 2,
    });
  });

  it("leaves current and newer nodes, unknown types and failing migrations for the validator", () => {
    const current = documentWith({ config: { message: "Hi" }, typeVersion: 2 });
    expect(upgradeNodeConfigs(current, registry, "first")).toEqual(current);
    const newer = documentWith({ config: { other: true }, typeVersion: 3 });
    expect(upgradeNodeConfigs(newer, registry, "first")).toEqual(newer);
    const unknown = { nodes: [{ id: "u", type: "nobody.knows", config: {} }] };
    expect(upgradeNodeConfigs(unknown, registry, "first")).toEqual(unknown);
    const broken = documentWith({ config: { text: 42 }, typeVersion: 1 });
    expect(upgradeNodeConfigs(broken, registry, "first")).toEqual(broken);
    expect(upgradeNodeConfigs("not a document", registry, "first")).toBe("not a document");
  });

  it("gives the validator a config it accepts after the migration", () => {
    const doc = upgradeNodeConfigs(
      documentWith({ config: { text: "Hello" }, typeVersion: 1 }),
      registry,
      "first",
    );
    const problems = validateJourney(doc, { registry }).problems.filter((p) => p.nodeId === "g");
    expect(problems.filter((p) => p.code === "invalid_config")).toEqual([]);
  });
});
