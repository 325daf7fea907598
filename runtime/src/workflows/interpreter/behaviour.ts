/**
 * What a node type does in the journey workflow, in one object: entering it (and resuming it after a
 * continue-as-new), and whether entering may start a long wait. Each built-in control type's behaviour is
 * one file in nodes/, registered in behaviours.ts; every activity type (messages, profile updates, plugins)
 * shares nodes/activity.ts, so a plugin needs nothing here.
 */
import type { PlanNode } from "@omnijourney/shared/workflow";
import type { Conversion } from "./conversion.js";
import type { Inbox } from "./inbox.js";
import type { ProgressBatcher } from "./progress.js";
import type { JourneyRun } from "./run.js";
import type { Suspension } from "./suspension.js";

/** The parts of a running enrolment that node behaviours use. */
export type NodeDeps = {
  run: JourneyRun;
  progress: ProgressBatcher;
  inbox: Inbox;
  conversion: Conversion;
  suspension: Suspension;
};

/** One entry into a node. */
export type Entry = {
  /** The visit number of this node (1 on the first entry; the same number when a carried wait resumes). */
  visit: number;
  /**
   * Whether a wait of at least the progress lag may follow the node on any port, so queued progress
   * should ride on the node's activity. Computed on demand: most types never ask.
   */
  waitFollows(): boolean;
};

/** A node type's behaviour in the workflow. */
export type NodeBehaviour<N extends PlanNode> = {
  /**
   * Runs the node and returns the output port to follow (null ends the journey). Also called to resume a
   * wait carried over continue-as-new (`run.carriedWait(node.id, visit)` tells which).
   */
  enter(deps: NodeDeps, node: N, entry: Entry): Promise<string | null> | string | null;
  /** Whether entering may suspend for at least the progress lag (queued progress rides on the activity before). */
  startsLongWait(node: N): boolean;
};

/** For types that never suspend. */
export const never = (): boolean => false;
