import type { NodeType } from "../../registry.js";
import type { AnalyzedNode } from "../analysis.js";
import { ProblemCode, type Problem } from "../problems.js";
import { quoted } from "../wording.js";

function problemCodeOrInvalid(code: string): Problem["code"] {
  const parsed = ProblemCode.safeParse(code);
  return parsed.success ? parsed.data : "invalid_config";
}

/**
 * The node type's own checks of a parsed config, under the code each one names (`weights_not_100` for an
 * experiment whose weights do not add up); a code the validator does not know becomes `invalid_config`.
 */
export function checkTypeRules(entry: AnalyzedNode, def: NodeType, problems: Problem[]): void {
  for (const issue of def.checkConfig(entry.config)) {
    problems.push({
      code: problemCodeOrInvalid(issue.code),
      nodeId: entry.node.id,
      path: ["nodes", entry.index, "config", ...issue.path],
      message: `The ${quoted(entry.name)} step ${issue.message}.`,
    });
  }
}
