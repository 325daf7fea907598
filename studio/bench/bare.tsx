// Baseline: bare React Flow with its default nodes and edges rendering the same 500-node graph
// (same ids, positions, labels and connections; port names dropped because default nodes have one output).
import "@xyflow/react/dist/style.css";
import { ReactFlow, ReactFlowProvider, type Edge, type Node } from "@xyflow/react";
import { createRoot } from "react-dom/client";
import { benchJourney } from "./graph.js";
import { ReadyProbe } from "./probe.js";

const doc = benchJourney();
const nodes: Node[] = doc.nodes.map((n) => ({
  id: n.id,
  position: n.position,
  data: { label: n.type },
}));
const edges: Edge[] = doc.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));

const root = document.getElementById("root");
if (!root) throw new Error("no #root");
createRoot(root).render(
  <ReactFlowProvider>
    <div style={{ width: "100vw", height: "100vh" }}>
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={edges}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1.1 }}
        minZoom={0.1}
        maxZoom={2}
      />
    </div>
    <ReadyProbe expected={nodes.length} />
  </ReactFlowProvider>,
);
