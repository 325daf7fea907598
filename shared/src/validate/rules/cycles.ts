import type { AnalyzedNode } from "../analysis.js";
import { cyclicComponents } from "../graph.js";
import type { Problem } from "../problems.js";
import { quoted } from "../wording.js";

/** `cycle_without_wait`: every loop passes through a wait, reported once per loop on its first step. */
export function checkCycles(
  nodes: readonly AnalyzedNode[],
  byId: ReadonlyMap<string, AnalyzedNode>,
  successors: (id: string) => string[],
  problems: Problem[],
): void {
  const ids = nodes.map((n) => n.node.id);
  for (const component of cyclicComponents(ids, successors)) {
    const members = component
      .map((id) => byId.get(id))
      .filter((n): n is AnalyzedNode => n !== undefined);
    if (members.some((m) => m.def?.waits)) continue;
    members.sort((a, b) => a.index - b.index);
    const first = members[0];
    if (!first) continue;
    problems.push({
      code: "cycle_without_wait",
      nodeId: first.node.id,
      path: ["nodes", first.index],
      message: `The steps ${members
        .slice(0, 5)
        .map((m) => quoted(m.name))
        .join(
          ", ",
        )}${members.length > 5 ? ", …" : ""} form a loop without a wait, so a customer could go round it endlessly. Add a wait inside the loop.`,
    });
  }
}
