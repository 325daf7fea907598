import type { NodeType } from "../../registry.js";
import type { AnalyzedNode } from "../analysis.js";
import type { Problem } from "../problems.js";
import { templateError } from "../templates.js";
import { humanField, quoted } from "../wording.js";

/** `invalid_template`: a Liquid syntax error in any template field of a parsed config. */
export function checkTemplates(entry: AnalyzedNode, def: NodeType, problems: Problem[]): void {
  for (const ref of def.templatesIn(entry.config)) {
    const error = templateError(ref.source);
    if (error === null) continue;
    problems.push({
      code: "invalid_template",
      nodeId: entry.node.id,
      path: ["nodes", entry.index, "config", ...ref.path],
      message: `The ${quoted(entry.name)} step has a template error in its ${humanField(def, ref.path)}: ${error}`,
    });
  }
}
