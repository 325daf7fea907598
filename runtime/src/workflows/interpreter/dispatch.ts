/**
 * Enters a plan node through its type's behaviour (behaviours.ts): the interpreter loop names no type.
 * Also answers, for nodes that schedule an activity, whether a long wait may follow them, so queued
 * progress rides on that activity.
 */
import type { JourneyPlan, PlanNode } from "@omnijourney/shared/workflow";
import type { NodeDeps } from "./behaviour.js";
import { behaviourOf } from "./behaviours.js";

export type { NodeDeps } from "./behaviour.js";

/** Thrown for a workflow-interpreted node type this interpreter does not know (the enrolment fails). */
export class UnknownNodeType extends Error {
  constructor(type: string) {
    super(`node type ${type} cannot be interpreted by the workflow`);
  }
}

/** Whether a wait of at least the progress lag may follow `node`, on any of its ports. */
function waitAfter(plan: JourneyPlan, node: PlanNode): boolean {
  for (const port in node.next) {
    const nextId = node.next[port];
    const next = nextId ? plan.nodes[nextId] : undefined;
    // An unknown type starts no wait: it fails when entered.
    if (next && behaviourOf(next)?.startsLongWait(next)) return true;
  }
  return false;
}

/**
 * Runs one node and returns the output port to follow (null ends the journey): the port itself when the
 * behaviour answers at once (triggers, goal, exit), so the loop awaits only what is pending. Not `async`:
 * every promise in workflow code costs a stack capture (the SDK's promise hook, for the stack-trace query).
 */
export function enterNode(
  deps: NodeDeps,
  node: PlanNode,
  visit: number,
): Promise<string | null> | string | null {
  const behaviour = behaviourOf(node);
  if (!behaviour) throw new UnknownNodeType(node.type);
  return behaviour.enter(deps, node, { visit, waitFollows: () => waitAfter(deps.run.plan, node) });
}
