import type { JourneyEdge, JourneyNode } from "../../schemas/journey.js";
import type { AnalyzedNode } from "../analysis.js";
import type { Problem } from "../problems.js";

/** `duplicate_id` for a step whose id an earlier step has. Returns whether it is a duplicate (and so skipped). */
export function isDuplicateNode(
  node: JourneyNode,
  index: number,
  byId: ReadonlyMap<string, AnalyzedNode>,
  problems: Problem[],
): boolean {
  if (!byId.has(node.id)) return false;
  problems.push({
    code: "duplicate_id",
    nodeId: node.id,
    path: ["nodes", index, "id"],
    message: `Two steps share the id '${node.id}'; each step needs its own.`,
  });
  return true;
}

/** `duplicate_id` for a connection whose id an earlier connection has. Returns whether it is a duplicate. */
export function isDuplicateEdge(
  edge: JourneyEdge,
  index: number,
  edgeIds: ReadonlySet<string>,
  problems: Problem[],
): boolean {
  if (!edgeIds.has(edge.id)) return false;
  problems.push({
    code: "duplicate_id",
    edgeId: edge.id,
    path: ["edges", index, "id"],
    message: `Two connections share the id '${edge.id}'.`,
  });
  return true;
}
