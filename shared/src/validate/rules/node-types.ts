import type { NodeType } from "../../registry.js";
import type { AnalyzedNode } from "../analysis.js";
import type { Problem } from "../problems.js";
import { quoted } from "../wording.js";

/** `unknown_node_type`: a step whose type the registry does not know. Returns the type, or null. */
export function knownType(entry: AnalyzedNode, problems: Problem[]): NodeType | null {
  if (entry.def) return entry.def;
  problems.push({
    code: "unknown_node_type",
    nodeId: entry.node.id,
    path: ["nodes", entry.index, "type"],
    message: `The ${quoted(entry.name)} step has the type '${entry.node.type.slice(0, 100)}', which this workspace does not know.`,
  });
  return null;
}
