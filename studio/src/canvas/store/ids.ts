import type { Graph } from "./types.js";

/** Readable, unique node ids: `message-email-1`, `wait-event-2` (they appear in test ids and logs). */
export function nextNodeId(taken: Iterable<string>, type: string): string {
  const used = new Set(taken);
  const base =
    type
      .replace(/[^a-zA-Z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "node";
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}

export function nextEdgeId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n++) {
    const id = `e${n}`;
    if (!used.has(id)) return id;
  }
}

export function nodeIds(graph: Graph): string[] {
  return graph.nodes.map((n) => n.id);
}

export function edgeIds(graph: Graph): string[] {
  return graph.edges.map((e) => e.id);
}
