import type { AnalyzedNode } from "../analysis.js";
import type { Problem } from "../problems.js";
import { quoted } from "../wording.js";

/** `no_trigger`, `multiple_triggers`: a journey has exactly one trigger. Returns the first one, where customers enter. */
export function findTrigger(
  nodes: readonly AnalyzedNode[],
  problems: Problem[],
): AnalyzedNode | undefined {
  const triggers = nodes.filter((n) => n.def?.category === "trigger");
  const trigger = triggers[0];
  if (!trigger) {
    problems.push({
      code: "no_trigger",
      path: ["nodes"],
      message: "The journey has no trigger. Add a trigger step so customers can enter.",
    });
    return undefined;
  }
  for (const extra of triggers.slice(1)) {
    problems.push({
      code: "multiple_triggers",
      nodeId: extra.node.id,
      path: ["nodes", extra.index],
      message: `The journey has more than one trigger: the ${quoted(extra.name)} step is an extra one. Keep exactly one.`,
    });
  }
  return trigger;
}
