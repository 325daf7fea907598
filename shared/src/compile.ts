import { nodeTypes } from "./node-types.js";
import { contentHash } from "./hash.js";
import type { ControlPlanNode, JourneyPlan, PlanNode } from "./plan.js";
import type { NodeType } from "./registry.js";
import { analyzeJourney, type ValidateContext } from "./validate/analyze.js";
import type { Problem } from "./validate/problems.js";

/** Thrown by {@link compileJourney} for an invalid document; carries every problem. */
export class JourneyValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `The journey is invalid: ${problems.length} problem${problems.length === 1 ? "" : "s"} (${problems[0]?.message ?? ""})`,
    );
    this.name = "JourneyValidationError";
    this.problems = problems;
  }
}

/** The plan node of a validated node: its config parsed by its type's schema, its ports resolved. */
function planNode(
  id: string,
  def: NodeType,
  config: unknown,
  next: Record<string, string | null>,
): PlanNode {
  const { type, version: typeVersion, execution } = def;
  if (execution === "activity") {
    // Only types that declare a policy carry one: every other plan (and its hash) stays as it was.
    const policy = def.policy ? { policy: def.policy } : {};
    return { id, type, typeVersion, execution, config, next, ...policy };
  }
  // why: `config` was parsed by `def.config`, the schema of the control-flow type that `type` names; the
  // registry keys types by string, so the pairing of tag and config cannot be shown to the type checker.
  return { id, type, typeVersion, execution, config, next } as ControlPlanNode;
}

/** Interpreter safety stop: generous for loops through waits, bounded so a bug cannot spin forever. */
function maxStepsFor(nodeCount: number): number {
  return Math.max(1_000, nodeCount * 20);
}

/**
 * The part of a plan that defines behaviour, hashed for the content hash: node ids, types, type versions,
 * configs, wiring and settings. Not the name, positions, step names or edge ids.
 */
function behaviour(plan: Omit<JourneyPlan, "hash">): unknown {
  return {
    schemaVersion: plan.schemaVersion,
    triggerNodeId: plan.triggerNodeId,
    nodes: plan.nodes,
    settings: plan.settings,
    maxSteps: plan.maxSteps,
  };
}

/**
 * Compiles a journey document into an execution plan: normalised configs (defaults applied), the next node of every
 * port (null = the journey ends), node-type versions, normalised settings and a content hash. Deterministic: the same
 * behaviour always gives the same plan and hash. Throws {@link JourneyValidationError} only for an invalid document.
 */
export function compileJourney(doc: unknown, ctx: ValidateContext = {}): JourneyPlan {
  const analysis = analyzeJourney(doc, ctx.registry ?? nodeTypes, ctx);
  if (analysis.problems.length > 0 || analysis.triggerId === null || analysis.settings === null) {
    throw new JourneyValidationError(analysis.problems);
  }
  // Sorted by id so that reordering nodes in the document changes nothing.
  const sorted = [...analysis.nodes].sort((a, b) =>
    a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0,
  );
  const nodes: Record<string, PlanNode> = {};
  for (const n of sorted) {
    if (!n.def || !n.outputs) throw new JourneyValidationError(analysis.problems);
    const ports = analysis.next.get(n.node.id);
    const next: Record<string, string | null> = {};
    for (const port of n.outputs) next[port] = ports?.get(port) ?? null;
    nodes[n.node.id] = planNode(n.node.id, n.def, n.config, next);
  }
  const partial: Omit<JourneyPlan, "hash"> = {
    schemaVersion: 1,
    name: analysis.name,
    triggerNodeId: analysis.triggerId,
    nodes,
    settings: analysis.settings,
    maxSteps: maxStepsFor(sorted.length),
  };
  return { ...partial, hash: contentHash(behaviour(partial)) };
}
