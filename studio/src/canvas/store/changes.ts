import type { Graph, JourneyEdge, JourneyNode } from "./types.js";

/**
 * Every edit to a journey is one of these change objects, applied by `applyChange` and nowhere
 * else (React Flow's pattern). Each is a user change and so an undo step, unless dispatched
 * inside a gesture (a drag) which records one step for the whole gesture.
 */
export type Change =
  | { kind: "addNodes"; nodes: JourneyNode[]; edges?: JourneyEdge[] }
  | { kind: "removeElements"; nodeIds: string[]; edgeIds: string[] }
  | { kind: "moveNodes"; positions: Record<string, { x: number; y: number }> }
  | { kind: "updateConfig"; nodeId: string; config: Record<string, unknown> }
  | { kind: "addEdge"; edge: JourneyEdge }
  | {
      kind: "reconnectEdge";
      edgeId: string;
      source: string;
      sourceHandle: string | null;
      target: string;
    }
  | { kind: "renameNode"; nodeId: string; name: string }
  | { kind: "rename"; name: string }
  | { kind: "updateSettings"; settings: Record<string, unknown> };

function assertNever(value: never): never {
  throw new Error(`Unhandled change: ${JSON.stringify(value)}`);
}

/** True when an output port already has an edge: a port leads to exactly one next node. */
export function portTaken(
  graph: Graph,
  source: string,
  sourceHandle: string | null | undefined,
  exceptEdgeId?: string,
): boolean {
  return graph.edges.some(
    (e) =>
      e.id !== exceptEdgeId &&
      e.source === source &&
      (e.sourceHandle ?? null) === (sourceHandle ?? null),
  );
}

/** Applies one change to a graph and returns the new graph; unchanged parts keep their identity. */
export function applyChange(graph: Graph, change: Change): Graph {
  switch (change.kind) {
    case "addNodes": {
      const ids = new Set(graph.nodes.map((n) => n.id));
      const nodes = change.nodes.filter((n) => !ids.has(n.id));
      const nodeIds = new Set([...ids, ...nodes.map((n) => n.id)]);
      const edgeIds = new Set(graph.edges.map((e) => e.id));
      const edges = (change.edges ?? []).filter(
        (e) => !edgeIds.has(e.id) && nodeIds.has(e.source) && nodeIds.has(e.target),
      );
      if (!nodes.length && !edges.length) return graph;
      return { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] };
    }
    case "removeElements": {
      const nodeIds = new Set(change.nodeIds);
      const edgeIds = new Set(change.edgeIds);
      const nodes = graph.nodes.filter((n) => !nodeIds.has(n.id));
      const edges = graph.edges.filter(
        (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
      );
      if (nodes.length === graph.nodes.length && edges.length === graph.edges.length) return graph;
      return { ...graph, nodes, edges };
    }
    case "moveNodes": {
      let moved = false;
      const nodes = graph.nodes.map((n) => {
        const p = change.positions[n.id];
        if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
        moved = true;
        return { ...n, position: { x: p.x, y: p.y } };
      });
      return moved ? { ...graph, nodes } : graph;
    }
    case "updateConfig": {
      const index = graph.nodes.findIndex((n) => n.id === change.nodeId);
      const node = graph.nodes[index];
      if (!node) return graph;
      const nodes = graph.nodes.slice();
      nodes[index] = { ...node, config: change.config };
      return { ...graph, nodes };
    }
    case "addEdge": {
      const { edge } = change;
      const known = new Set(graph.nodes.map((n) => n.id));
      if (!known.has(edge.source) || !known.has(edge.target) || edge.source === edge.target)
        return graph;
      if (
        graph.edges.some((e) => e.id === edge.id) ||
        portTaken(graph, edge.source, edge.sourceHandle)
      )
        return graph;
      return { ...graph, edges: [...graph.edges, edge] };
    }
    case "reconnectEdge": {
      const index = graph.edges.findIndex((e) => e.id === change.edgeId);
      const edge = graph.edges[index];
      if (!edge || change.source === change.target) return graph;
      if (portTaken(graph, change.source, change.sourceHandle, edge.id)) return graph;
      const edges = graph.edges.slice();
      const { sourceHandle: _old, ...rest } = edge;
      edges[index] = {
        ...rest,
        source: change.source,
        target: change.target,
        ...(change.sourceHandle ? { sourceHandle: change.sourceHandle } : {}),
      };
      return { ...graph, edges };
    }
    case "renameNode": {
      const index = graph.nodes.findIndex((n) => n.id === change.nodeId);
      const node = graph.nodes[index];
      if (!node || (node.name ?? "") === change.name) return graph;
      const nodes = graph.nodes.slice();
      const { name: _old, ...rest } = node;
      nodes[index] = change.name ? { ...rest, name: change.name } : rest;
      return { ...graph, nodes };
    }
    case "rename":
      return change.name === graph.name ? graph : { ...graph, name: change.name };
    case "updateSettings":
      return { ...graph, settings: change.settings };
    default:
      return assertNever(change);
  }
}
