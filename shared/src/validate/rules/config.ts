import type { NodeType } from "../../registry.js";
import type { AnalyzedNode } from "../analysis.js";
import { flattenIssues } from "../issues.js";
import type { Problem } from "../problems.js";
import { describeField, quoted, withArticle } from "../wording.js";

/**
 * `invalid_config`: a step's config against its type's schema. On success stores the parsed config on the
 * entry (and the type's summary as its name when it has none) and returns true.
 */
export function parseConfig(entry: AnalyzedNode, def: NodeType, problems: Problem[]): boolean {
  const { node, index } = entry;
  const parsed = def.config.safeParse(node.config ?? {});
  if (!parsed.success) {
    for (const issue of flattenIssues(parsed.error.issues)) {
      const { owner, leaf } = describeField(def, issue.path);
      const step = `The ${quoted(entry.name)} step`;
      problems.push({
        code: "invalid_config",
        nodeId: node.id,
        path: ["nodes", index, "config", ...issue.path],
        message: issue.missing
          ? leaf
            ? `${step}'s ${owner} needs ${withArticle(leaf)}.`
            : `${step} needs ${withArticle(owner)}.`
          : leaf
            ? `${step}'s ${owner}: the ${leaf} ${issue.message}.`
            : `${step}'s ${owner} ${issue.message}.`,
      });
    }
    return false;
  }
  entry.config = parsed.data;
  entry.configValid = true;
  if (!node.name?.trim()) entry.name = def.summarize(parsed.data);
  return true;
}

/** `invalid_config` for a step whose type's own hooks threw: reported on the step instead of failing the validation. */
export function uncheckableConfig(entry: AnalyzedNode, error: unknown, problems: Problem[]): void {
  entry.configValid = false;
  entry.outputs = null;
  problems.push({
    code: "invalid_config",
    nodeId: entry.node.id,
    path: ["nodes", entry.index, "config"],
    message: `The ${quoted(entry.name)} step could not be checked (${error instanceof Error ? error.message.slice(0, 200) : "error"}).`,
  });
}
