import type { AnalyzedNode } from "../analysis.js";
import type { Problem } from "../problems.js";
import { quoted } from "../wording.js";

/** `unreachable_node`: every step other than a trigger can be reached from the trigger. */
export function checkReachable(
  trigger: AnalyzedNode,
  nodes: readonly AnalyzedNode[],
  successors: (id: string) => string[],
  problems: Problem[],
): void {
  const reached = new Set<string>([trigger.node.id]);
  const queue = [trigger.node.id];
  while (queue.length > 0) {
    const id = queue.pop();
    if (id === undefined) break;
    for (const next of successors(id)) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  for (const n of nodes) {
    if (!reached.has(n.node.id) && n.def?.category !== "trigger") {
      problems.push({
        code: "unreachable_node",
        nodeId: n.node.id,
        path: ["nodes", n.index],
        message: `The ${quoted(n.name)} step cannot be reached from the trigger. Connect it or remove it.`,
      });
    }
  }
}
