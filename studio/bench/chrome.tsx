// Attribution page (not a target): bare React Flow with the same chrome the studio canvas draws (dotted
// background, minimap, controls, smoothstep edges with arrows), default nodes, same graph. Comparing it with
// bare.html and studio.html separates React Flow's own components from the studio's node components.
import "@xyflow/react/dist/style.css";
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
} from "@xyflow/react";
import { createRoot } from "react-dom/client";
import { benchJourney } from "./graph.js";
import { ReadyProbe } from "./probe.js";

const doc = benchJourney();
const nodes: Node[] = doc.nodes.map((n) => ({
  id: n.id,
  position: n.position,
  data: { label: n.type },
}));
const edges: Edge[] = doc.edges.map((e) => ({
  id: e.id,
  source: e.source,
  target: e.target,
  type: "smoothstep",
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
}));

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
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} />
        <MiniMap pannable zoomable style={{ width: 150, height: 100 }} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
    <ReadyProbe expected={nodes.length} />
  </ReactFlowProvider>,
);
