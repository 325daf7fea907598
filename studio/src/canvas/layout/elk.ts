import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk.bundled.js";
import type ELKConstructor from "elkjs/lib/elk.bundled.js";
import type { Graph } from "../store/types.js";

export const DEFAULT_NODE_SIZE = { width: 240, height: 72 };

// ELK is large (a compiled Java library), so it is loaded the first time a layout is asked for.
let elk: InstanceType<typeof ELKConstructor> | null = null;

/**
 * Positions every node top to bottom with ELK's layered algorithm. Output ports keep their
 * declared order left to right (yes before no, variant A before B), so branches read naturally.
 */
export async function layoutGraph(
  graph: Graph,
  measured: Record<string, { width: number; height: number }>,
  portsOf: (nodeId: string) => string[],
): Promise<Record<string, { x: number; y: number }>> {
  if (!elk) {
    const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
    elk = new ELK();
  }
  const children: ElkNode[] = graph.nodes.map((node) => {
    const size = measured[node.id] ?? DEFAULT_NODE_SIZE;
    const ports = portsOf(node.id);
    return {
      id: node.id,
      width: size.width,
      height: size.height,
      layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
      ports: [
        { id: `${node.id}::in`, width: 1, height: 1, layoutOptions: { "elk.port.side": "NORTH" } },
        ...ports.map((port, index) => ({
          id: `${node.id}::out::${port}`,
          width: 1,
          height: 1,
          layoutOptions: {
            "elk.port.side": "SOUTH",
            "elk.port.index": String(ports.length - index),
          },
        })),
      ],
    };
  });
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target))
    .map((edge) => {
      const ports = portsOf(edge.source);
      const port = edge.sourceHandle ?? ports[0];
      const source = port && ports.includes(port) ? `${edge.source}::out::${port}` : edge.source;
      return { id: edge.id, sources: [source], targets: [`${edge.target}::in`] };
    });
  const result = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.layered.spacing.nodeNodeBetweenLayers": "70",
      "elk.spacing.nodeNode": "60",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children,
    edges,
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of result.children ?? [])
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  return positions;
}
