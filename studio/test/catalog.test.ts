import { NodeTypesResponse } from "@omnijourney/shared";
import { describe, expect, it } from "vitest";
import {
  buildCatalog,
  groupByCategory,
  fromApiNodeTypes,
  portsFor,
} from "../src/catalog/catalog.js";
import { sharedNodeTypes } from "../src/catalog/shared.js";

const apiAnswer = NodeTypesResponse.parse({
  items: [
    {
      type: "trigger.event",
      title: "When an event happens",
      description: "",
      category: "trigger",
      icon: "zap",
      version: 1,
      execution: "workflow",
      waits: false,
      outputs: ["next"],
      dynamicOutputs: null,
      configSchema: { type: "object", properties: {} },
      ui: {},
    },
    {
      type: "experiment.split",
      title: "A/B test",
      description: "",
      category: "logic",
      icon: "flask",
      version: 1,
      execution: "workflow",
      waits: false,
      outputs: null,
      dynamicOutputs: "one port per variant id",
      configSchema: { type: "object" },
      ui: {},
    },
    {
      type: "acme.slack",
      title: "Slack message",
      description: "Post to Slack",
      category: "action",
      icon: "slack",
      version: 1,
      execution: "activity",
      waits: false,
      outputs: ["next", "failed"],
      dynamicOutputs: null,
      configSchema: { type: "object", properties: { text: { type: "string" } } },
      ui: { liquid: ["text"] },
    },
  ],
});

describe("node-type catalog", () => {
  const catalog = buildCatalog(fromApiNodeTypes(apiAnswer), sharedNodeTypes());

  it("computes config-dependent ports in the browser: one per experiment variant", () => {
    const ports = portsFor(catalog.get("experiment.split"), {
      variants: [
        { id: "a", weight: 50 },
        { id: "b", weight: 50 },
      ],
    });
    expect(ports).toEqual(["a", "b"]);
  });

  it("computes one port per branch.multi case plus else", () => {
    const ports = portsFor(catalog.get("branch.multi"), {
      cases: [{ id: "vip", condition: { attr: "plan", op: "eq", value: "vip" } }],
    });
    expect(ports).toEqual(["vip", "else"]);
  });

  it("keeps the fixed ports of a custom type that only the API knows", () => {
    expect(catalog.get("acme.slack")?.custom).toBe(true);
    expect(portsFor(catalog.get("acme.slack"), {})).toEqual(["next", "failed"]);
  });

  it("groups the palette by category in palette order, custom types in their own group", () => {
    const groups = groupByCategory(catalog.types).map((g) => g.label);
    expect(groups.slice(0, 3)).toEqual(["Triggers", "Messages", "Timing"]);
    expect(groups).toContain("Custom");
    expect(groups.indexOf("Custom")).toBe(groups.length - 1);
  });

  it("labels every built-in wait-for-event port", () => {
    expect(
      portsFor(catalog.get("wait.event"), { event: "x", timeout: { amount: 1, unit: "day" } }),
    ).toEqual(["received", "timeout"]);
  });
});
