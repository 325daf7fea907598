import type { PropertyCondition } from "@omnijourney/shared";
import type { CollectionDeclaration } from "./declaration.js";

/** The journey goal an assignment converts on, frozen from the plan version it was made under. */
export type AssignmentGoal = {
  event: string;
  where?: PropertyCondition;
  revenueProperty?: string;
  /** End of the conversion window: `enteredAt` plus the goal's `within`. */
  until: Date;
};

/**
 * A profile's arm of one experiment.split node, recorded once when it first passes the node (decision 0011):
 * the unit of an experiment is the profile, so a re-entry keeps the first assignment and its window. `_id` is
 * `assignmentId(journeyId, nodeId, profileId)`, which is the unique key. A conversion is claimed on the record
 * (`convertedAt`), so each assignment counts at most one, whether or not its workflow still runs.
 */
export type ExperimentAssignmentRecord = {
  _id: string;
  journeyId: string;
  version: number;
  nodeId: string;
  profileId: string;
  arm: string;
  /** Workflow time at which the profile entered the arm: its conversion window starts here. */
  enteredAt: Date;
  enrolmentId: string;
  /** Absent when the journey has no goal: the arm counts entries only. */
  goal?: AssignmentGoal;
  convertedAt?: Date;
  revenue?: number;
};

export const experimentAssignmentCollection: CollectionDeclaration = {
  name: "experiment_assignments",
  indexes: [{ key: { journeyId: 1, nodeId: 1 }, name: "journeyId_1_nodeId_1" }],
};

/** The one assignment of a profile at an experiment node. */
export const assignmentId = (journeyId: string, nodeId: string, profileId: string): string =>
  `${journeyId}:${nodeId}:${profileId}`;

/**
 * One document per profile (`_id` = profile id): its assignment ids grouped by goal event (escaped key), so
 * ingestion finds the assignments a goal event may convert with two `_id` reads (engine/capabilities.ts).
 */
export type ProfileExperimentsRecord = {
  _id: string;
  byGoal?: Record<string, string[]>;
};

export const profileExperimentsCollection: CollectionDeclaration = {
  name: "profile_experiments",
  indexes: [],
};

/** Who writes an arm counter: the worker counts entries, ingestion counts conversions (one writer per document). */
export type ArmCounterKind = "entries" | "conversions";

/**
 * Pre-aggregated counters of one arm of one experiment node under one journey version, split by writer: the
 * embedded engine loses concurrent `$inc`s on one document, and the worker and the API are separate processes.
 */
export type ExperimentArmStatRecord = {
  _id: string;
  journeyId: string;
  nodeId: string;
  version: number;
  arm: string;
  kind: ArmCounterKind;
  enrolled?: number;
  converted?: number;
  revenue?: number;
  /** The sum of each converter's revenue squared (for the revenue-per-enrolled interval). */
  revenueSquares?: number;
};

export const experimentArmStatCollection: CollectionDeclaration = {
  name: "experiment_arm_stats",
  indexes: [{ key: { journeyId: 1, nodeId: 1 }, name: "journeyId_1_nodeId_1" }],
};

/** An arm counter's document id. */
export const armStatId = (
  key: Pick<ExperimentArmStatRecord, "journeyId" | "nodeId" | "version" | "arm" | "kind">,
): string => `${key.journeyId}:${key.nodeId}:${key.version}:${key.arm}:${key.kind}`;
