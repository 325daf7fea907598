import type { Graph } from "./store/types.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isMessage = (type: string) => type.startsWith("message.");

/**
 * What a marketer may want to reconsider before publishing, without being stopped: no conversion
 * goal, a wait of zero, two messages one right after the other (within a minute of each other).
 */
export function prePublishWarnings(graph: Graph, stepName: (nodeId: string) => string): string[] {
  const warnings: string[] = [];
  if (!isRecord(graph.settings.goal) || !graph.settings.goal.event)
    warnings.push(
      "The journey has no conversion goal, so its results cannot say whether it worked.",
    );
  for (const node of graph.nodes)
    if (node.type === "wait.duration" && node.config.amount === 0)
      warnings.push(`The '${stepName(node.id)}' step waits for no time at all.`);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const edge of graph.edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (from && to && isMessage(from.type) && isMessage(to.type))
      warnings.push(
        `'${stepName(to.id)}' goes out right after '${stepName(from.id)}', within a minute: add a wait between them?`,
      );
  }
  return warnings;
}
