import { MarkerType } from "@xyflow/react";
import { makeRoom } from "./makeRoom.js";
import type { Graph, JourneyFlowEdge, JourneyFlowNode, JourneyNode, Selection } from "./types.js";

type Measured = Record<string, { width: number; height: number }>;

/**
 * Derives React Flow's nodes from the document. A node object is reused while its document node,
 * selection and size are unchanged, and its `data` object while its document node is unchanged, so memo'd
 * node components do not re-render when React Flow reports their size or they are (de)selected.
 */
export function createFlowNodeDeriver() {
  const cache = new WeakMap<
    JourneyNode,
    {
      selected: boolean;
      measured: Measured[string] | undefined;
      readOnly: boolean;
      position: { x: number; y: number };
      node: JourneyFlowNode;
    }
  >();
  return (
    graph: Graph,
    selection: Selection,
    measured: Measured,
    readOnly: boolean,
  ): JourneyFlowNode[] => {
    const room = makeRoom(graph.nodes, measured);
    return graph.nodes.map((doc) => {
      const selected = selection.nodeIds.has(doc.id);
      const size = measured[doc.id];
      const position = room.get(doc.id) ?? doc.position;
      const hit = cache.get(doc);
      if (
        hit &&
        hit.selected === selected &&
        hit.measured === size &&
        hit.readOnly === readOnly &&
        hit.position.x === position.x &&
        hit.position.y === position.y
      )
        return hit.node;
      const node: JourneyFlowNode = {
        id: doc.id,
        type: "journey",
        position,
        // The cache is keyed by the (immutable) document node, so a hit's data still describes it.
        data: hit?.node.data ?? {
          type: doc.type,
          config: doc.config,
          ...(typeof doc.name === "string" ? { name: doc.name } : {}),
        },
        selected,
        draggable: !readOnly,
        connectable: !readOnly,
        deletable: !readOnly,
        ...(size ? { measured: size } : {}),
      };
      cache.set(doc, { selected, measured: size, readOnly, position, node });
      return node;
    });
  };
}

export function createFlowEdgeDeriver() {
  const cache = new WeakMap<
    object,
    { selected: boolean; visited: boolean; invalid: boolean; edge: JourneyFlowEdge }
  >();
  return (
    graph: Graph,
    selection: Selection,
    visitedEdges: ReadonlySet<string> | null,
    invalidEdges: Record<string, unknown>,
  ): JourneyFlowEdge[] =>
    graph.edges.map((doc) => {
      const selected = selection.edgeIds.has(doc.id);
      const visited = visitedEdges?.has(doc.id) ?? false;
      const invalid = doc.id in invalidEdges;
      const hit = cache.get(doc);
      if (hit && hit.selected === selected && hit.visited === visited && hit.invalid === invalid)
        return hit.edge;
      const classes = [
        visited ? "jedge--visited" : "",
        visitedEdges && !visited ? "jedge--skipped" : "",
        invalid ? "jedge--invalid" : "",
      ]
        .filter(Boolean)
        .join(" ");
      const edge: JourneyFlowEdge = {
        id: doc.id,
        source: doc.source,
        target: doc.target,
        sourceHandle: doc.sourceHandle ?? null,
        type: "smoothstep",
        selected,
        // Only a selected connection shows the grips that drag its ends to other steps: React Flow draws two
        // for every reconnectable edge, which with hundreds of steps is thousands of elements nobody sees.
        reconnectable: selected,
        animated: visited,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        ...(classes ? { className: classes } : {}),
      };
      cache.set(doc, { selected, visited, invalid, edge });
      return edge;
    });
}
