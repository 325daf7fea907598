import type { NodeType } from "../../registry.js";
import type { AnalyzedNode } from "../analysis.js";
import type { Problem } from "../problems.js";
import { quoted } from "../wording.js";

/** `unknown_segment`: a parsed config that names a segment the workspace does not have. */
export function checkSegments(
  entry: AnalyzedNode,
  def: NodeType,
  segmentExists: (segmentId: string) => boolean,
  problems: Problem[],
): void {
  for (const ref of def.segmentsIn(entry.config)) {
    if (segmentExists(ref.segmentId)) continue;
    problems.push({
      code: "unknown_segment",
      nodeId: entry.node.id,
      path: ["nodes", entry.index, "config", ...ref.path],
      message: `The ${quoted(entry.name)} step uses a segment that does not exist ('${ref.segmentId.slice(0, 100)}').`,
    });
  }
}
