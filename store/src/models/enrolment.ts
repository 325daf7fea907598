import type { CollectionDeclaration } from "./declaration.js";

export const enrolmentStatuses = [
  "active",
  "completed",
  "converted",
  "exited",
  "cancelled",
  "failed",
] as const;
/** Where an enrolment is in its life. */
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** A projection of one enrolment workflow's state, written by the runtime, read by the API and studio. */
export type EnrolmentRecord = {
  /** The enrolment id again: every progress write finds its document by `_id` alone (engine/capabilities.ts). */
  _id: string;
  /** `<workflowId>/<first run id>`: one per enrolment, even when re-entry reuses the workflow id. */
  enrolmentId: string;
  workflowId: string;
  journeyId: string;
  version: number;
  profileId: string;
  status: EnrolmentStatus;
  currentNodeId?: string;
  /** What the enrolment waits for right now: `{ kind: "timer", until }` or `{ kind: "event", event, until }`. */
  waitingFor: unknown;
  /** Experiment assignments, node id -> variant. */
  variants: Record<string, string>;
  /** Why it ended (exit event, goal, max steps, ...). */
  reason?: string;
  revenue?: number;
  startedAt: Date;
  /** Sequence number of the last progress batch applied (a retried batch is applied once). */
  progressSeq: number;
  endedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

export const enrolmentCollection: CollectionDeclaration = {
  name: "enrolments",
  indexes: [
    { key: { enrolmentId: 1 }, name: "enrolmentId_1", unique: true },
    { key: { workflowId: 1 }, name: "workflowId_1" },
    { key: { profileId: 1 }, name: "profileId_1" },
    { key: { journeyId: 1, status: 1 }, name: "journeyId_1_status_1" },
    { key: { journeyId: 1, profileId: 1 }, name: "journeyId_1_profileId_1" },
    { key: { profileId: 1, status: 1 }, name: "profileId_1_status_1" },
  ],
};
