import type { JourneyEdge } from "../../schemas/journey.js";
import type { AnalyzedNode } from "../analysis.js";
import type { Problem } from "../problems.js";
import { quoted } from "../wording.js";

/** node id → port → target id */
export type Successors = Map<string, Map<string, string>>;

function follow(next: Successors, sourceId: string, port: string, targetId: string): void {
  const ports = next.get(sourceId) ?? new Map<string, string>();
  ports.set(port, targetId);
  next.set(sourceId, ports);
}

/**
 * `unknown_port` for a connection from a path its step does not have (or does not name, when it has several),
 * `port_already_connected` for a second connection from one path. Records the connection in `next` when it stands.
 */
export function connectPort(
  edge: JourneyEdge,
  index: number,
  source: AnalyzedNode,
  next: Successors,
  problems: Problem[],
): void {
  const path = ["edges", index];
  const outputs = source.outputs;
  if (outputs === null) {
    // Source config is invalid or its type unknown: keep the edge for reachability under its written handle.
    follow(next, source.node.id, edge.sourceHandle ?? `edge:${edge.id}`, edge.target);
    return;
  }
  const handle = edge.sourceHandle ?? (outputs.length === 1 ? outputs[0] : undefined);
  if (outputs.length === 0) {
    problems.push({
      code: "unknown_port",
      edgeId: edge.id,
      nodeId: source.node.id,
      path,
      message: `The ${quoted(source.name)} step ends the journey, so nothing can follow it.`,
    });
    return;
  }
  if (handle === undefined) {
    problems.push({
      code: "unknown_port",
      edgeId: edge.id,
      nodeId: source.node.id,
      path: [...path, "sourceHandle"],
      message: `A connection from the ${quoted(source.name)} step does not say which of its paths (${outputs.join(", ")}) it follows.`,
    });
    return;
  }
  if (!outputs.includes(handle)) {
    problems.push({
      code: "unknown_port",
      edgeId: edge.id,
      nodeId: source.node.id,
      port: handle.slice(0, 100),
      path: [...path, "sourceHandle"],
      message: `A connection leaves the ${quoted(source.name)} step from '${handle.slice(0, 100)}', which is not one of its paths (${outputs.join(", ")}).`,
    });
    return;
  }
  if (next.get(source.node.id)?.has(handle)) {
    problems.push({
      code: "port_already_connected",
      edgeId: edge.id,
      nodeId: source.node.id,
      port: handle,
      path,
      message: `The ${quoted(source.name)} step has two connections from '${handle}'; a path can lead to one step only.`,
    });
    return;
  }
  follow(next, source.node.id, handle, edge.target);
}

/**
 * `unconnected_port`: every path of a branching step leads somewhere (ending explicitly means connecting it
 * to an Exit step).
 */
export function checkPortsConnected(
  nodes: readonly AnalyzedNode[],
  next: Successors,
  problems: Problem[],
): void {
  for (const n of nodes) {
    if (!n.outputs || n.outputs.length < 2) continue;
    const ports = next.get(n.node.id);
    for (const port of n.outputs) {
      if (ports?.has(port)) continue;
      const phrase = n.def?.ui.ports?.[port] ?? `the '${port}' path`;
      problems.push({
        code: "unconnected_port",
        nodeId: n.node.id,
        port,
        path: ["nodes", n.index],
        message: `The ${quoted(n.name)} step has no path for ${phrase}. Connect it to a step, or to an Exit to end the journey there.`,
      });
    }
  }
}
