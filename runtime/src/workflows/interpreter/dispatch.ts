/**
 * Where each plan node's behaviour is looked up: what entering it does (`enterNode`) and whether it may
 * suspend long enough for queued progress to ride on the activity before it (`startsLongWait`). Both
 * switch over the plan's node union, so a control-flow type without a case fails to compile.
 */
import type { JourneyPlan, PlanNode } from "@omnijourney/shared/workflow";
import { reachGoal, type Conversion } from "./conversion.js";
import type { Inbox } from "./inbox.js";
import type { ProgressBatcher } from "./progress.js";
import type { JourneyRun } from "./run.js";
import type { Suspension } from "./suspension.js";
import { runActivityNode } from "./nodes/activity.js";
import { runCascade } from "./nodes/cascade.js";
import { branchCondition, branchMulti, experimentSplit, segmentSplit } from "./nodes/splits.js";
import { waitDuration, waitEvent, waitIsLong, waitUntil } from "./nodes/waits.js";

/** The parts of a running enrolment that node behaviours use. */
export type NodeDeps = {
  run: JourneyRun;
  progress: ProgressBatcher;
  inbox: Inbox;
  conversion: Conversion;
  suspension: Suspension;
};

/** Thrown for a workflow-interpreted node type this interpreter does not know (the enrolment fails). */
export class UnknownNodeType extends Error {
  constructor(type: string) {
    super(`node type ${type} cannot be interpreted by the workflow`);
  }
}

/**
 * The plan came from storage: a type another registry compiled as control flow reaches the `default`
 * with a type string the union does not name.
 */
function unknownNodeType(node: never): never {
  // why: `never` to the checker, but a plan from storage may hold a control type this union does not name
  const { type } = node as { type: string };
  throw new UnknownNodeType(type);
}

/** A type the union does not name (see {@link unknownNodeType}) starts no wait: it fails when entered. */
function startsNoWait(node: never): false {
  void node;
  return false;
}

/** Whether entering the node may start a wait of at least the progress lag. */
function startsLongWait(plan: JourneyPlan, nodeId: string | null): boolean {
  const node = nodeId ? plan.nodes[nodeId] : undefined;
  if (!node || node.execution === "activity") return false;
  switch (node.type) {
    case "wait.duration":
    case "wait.event":
    case "wait.until":
      return waitIsLong(node);
    case "message.cascade":
      return true;
    case "trigger.event":
    case "trigger.segment":
    case "trigger.manual":
    case "branch.condition":
    case "branch.multi":
    case "segment.split":
    case "experiment.split":
    case "goal":
    case "exit":
      return false;
    default:
      return startsNoWait(node);
  }
}

/** Whether a wait of at least the progress lag may follow `node`, on any of its ports. */
function waitAfter(plan: JourneyPlan, node: PlanNode): boolean {
  for (const port in node.next) if (startsLongWait(plan, node.next[port] ?? null)) return true;
  return false;
}

/** Runs one node and returns the output port to follow (null ends the journey). */
export async function enterNode(
  deps: NodeDeps,
  node: PlanNode,
  visit: number,
): Promise<string | null> {
  const { plan } = deps.run;
  if (node.execution === "activity")
    return runActivityNode(deps, node, visit, waitAfter(plan, node));
  switch (node.type) {
    case "trigger.event":
    case "trigger.segment":
    case "trigger.manual":
      return "next";
    case "wait.duration":
      return waitDuration(deps, node, visit);
    case "wait.until":
      return waitUntil(deps, node, visit);
    case "wait.event":
      return waitEvent(deps, node, visit);
    case "branch.condition":
      return branchCondition(deps, node, waitAfter(plan, node));
    case "branch.multi":
      return branchMulti(deps, node, waitAfter(plan, node));
    case "segment.split":
      return segmentSplit(deps, node, waitAfter(plan, node));
    case "experiment.split":
      return experimentSplit(deps, node, waitAfter(plan, node));
    case "message.cascade":
      return runCascade(deps, node, visit);
    case "goal":
      return reachGoal(deps.run, deps.inbox, deps.conversion, node);
    case "exit":
      return null;
    default:
      return unknownNodeType(node);
  }
}
