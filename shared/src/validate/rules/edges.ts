import type { JourneyEdge } from "../../schemas/journey.js";
import type { AnalyzedNode } from "../analysis.js";
import type { Problem } from "../problems.js";
import { quoted } from "../wording.js";

/** Both ends of a connection, found among the steps. */
export type Endpoints = { source: AnalyzedNode; target: AnalyzedNode };

/**
 * `dangling_edge` for a connection to or from a step that does not exist, `edge_into_trigger` for one that
 * leads into a trigger. Returns both ends when the connection may stand.
 */
export function checkEndpoints(
  edge: JourneyEdge,
  index: number,
  byId: ReadonlyMap<string, AnalyzedNode>,
  problems: Problem[],
): Endpoints | null {
  const path = ["edges", index];
  const source = byId.get(edge.source);
  const target = byId.get(edge.target);
  if (!source || !target) {
    const missing = !source ? edge.source : edge.target;
    const from = source ? `from the ${quoted(source.name)} step ` : "";
    problems.push({
      code: "dangling_edge",
      edgeId: edge.id,
      ...(source ? { nodeId: source.node.id } : {}),
      path: [...path, source ? "target" : "source"],
      message: `A connection ${from}points to a step that does not exist ('${missing}').`,
    });
    return null;
  }
  if (target.def?.category === "trigger") {
    problems.push({
      code: "edge_into_trigger",
      edgeId: edge.id,
      nodeId: target.node.id,
      path: [...path, "target"],
      message: `The ${quoted(target.name)} trigger starts the journey; other steps cannot lead into it.`,
    });
    return null;
  }
  return { source, target };
}
