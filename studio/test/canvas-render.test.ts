import { describe, expect, it } from "vitest";
import { buildCatalog } from "../src/catalog/catalog.js";
import { sharedNodeTypes } from "../src/catalog/shared.js";
import { cardPorts, cardSummary } from "../src/canvas/nodes/card.js";
import { createFlowEdgeDeriver, createFlowNodeDeriver } from "../src/canvas/store/flow.js";
import type { Graph, Selection } from "../src/canvas/store/types.js";

const catalog = buildCatalog([], sharedNodeTypes());

function graph(): Graph {
  return {
    name: "Render",
    nodes: [
      { id: "n0", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "signed_up" } },
      {
        id: "n1",
        type: "experiment.split",
        position: { x: 0, y: 150 },
        config: {
          variants: [
            { id: "a", weight: 50 },
            { id: "b", weight: 50 },
          ],
        },
      },
    ],
    edges: [{ id: "e0", source: "n0", target: "n1" }],
    settings: { reentry: "never", exitOn: [] },
  };
}

const none: Selection = { nodeIds: new Set(), edgeIds: new Set() };

describe("canvas rendering inputs", () => {
  it("keeps a node's data object when React Flow reports its size or it is selected, so its card does not re-render", () => {
    const derive = createFlowNodeDeriver();
    const g = graph();
    const [first] = derive(g, none, {}, false);
    const [measured] = derive(g, none, { n0: { width: 240, height: 60 } }, false);
    const [selected] = derive(
      g,
      { nodeIds: new Set(["n0"]), edgeIds: new Set() },
      { n0: { width: 240, height: 60 } },
      false,
    );
    expect(measured).not.toBe(first);
    expect(measured?.measured).toEqual({ width: 240, height: 60 });
    expect(measured?.data).toBe(first?.data);
    expect(selected?.selected).toBe(true);
    expect(selected?.data).toBe(first?.data);
  });

  it("makes only a selected connection reconnectable (React Flow draws two grips on each one that is)", () => {
    const derive = createFlowEdgeDeriver();
    const g = graph();
    const [plain] = derive(g, none, null, {});
    const [selected] = derive(g, { nodeIds: new Set(), edgeIds: new Set(["e0"]) }, null, {});
    expect(plain?.reconnectable).toBe(false);
    expect(selected?.reconnectable).toBe(true);
  });

  it("gives a node new data when its document node changes", () => {
    const derive = createFlowNodeDeriver();
    const g = graph();
    const [before] = derive(g, none, {}, false);
    const edited = {
      ...g,
      nodes: g.nodes.map((n) => (n.id === "n0" ? { ...n, name: "Signup" } : n)),
    };
    const [after] = derive(edited, none, {}, false);
    expect(after?.data).not.toBe(before?.data);
    expect(after?.data.name).toBe("Signup");
  });

  it("derives a card's ports and summary once per config object and again for an edited config", () => {
    const info = catalog.get("experiment.split");
    const config = graph().nodes[1]?.config ?? {};
    const ports = cardPorts(info, config);
    expect(ports).toEqual(["a", "b"]);
    expect(cardPorts(info, config)).toBe(ports);
    expect(cardSummary(info, config)).toBe(cardSummary(info, config));
    const edited = {
      variants: [
        { id: "a", weight: 40 },
        { id: "b", weight: 30 },
        { id: "c", weight: 30 },
      ],
    };
    expect(cardPorts(info, edited)).toEqual(["a", "b", "c"]);
    expect(cardPorts(undefined, config)).toEqual(["next"]);
  });

  it("converts a built-in type's config schema to JSON Schema on first read and reuses it", () => {
    const info = catalog.get("message.email");
    const schema = info?.schema;
    expect(schema?.type).toBe("object");
    expect(Object.keys(schema?.properties ?? {})).toContain("subject");
    expect(info?.schema).toBe(schema);
  });
});
