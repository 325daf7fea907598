import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import type { EnrolmentRecord, EnrolmentStatus } from "../models/enrolment.js";

/** The fields that identify an enrolment and never change. */
export type EnrolmentIdentity = Pick<
  EnrolmentRecord,
  "enrolmentId" | "workflowId" | "journeyId" | "version" | "profileId"
>;

/** The projection fields a progress batch may set (`variants.<nodeId>` paths included). */
export type EnrolmentProgress = Record<string, unknown>;

/** What a new projection holds until a progress batch says otherwise (mongoose's schema defaults, kept). */
const insertDefaults = (now: Date, set: EnrolmentProgress) => ({
  ...(set.waitingFor === undefined ? { waitingFor: null } : {}),
  ...(Object.keys(set).some((path) => path.startsWith("variants.")) ? {} : { variants: {} }),
  createdAt: now,
});

/**
 * The API's enrol records a started workflow (`status: "active"` at the trigger node) unless its first progress
 * batch got there first. The only other writer of the projection is {@link applyEnrolmentProgress}. A
 * duplicate key means that batch's upsert created the projection at the same instant: nothing to do.
 */
export const recordEnrolmentStarted = async (
  models: Collections,
  enrolment: EnrolmentIdentity & { currentNodeId: string; startedAt: Date },
): Promise<void> => {
  const now = new Date();
  const write = () =>
    models.enrolments.updateOne(
      { _id: enrolment.enrolmentId },
      {
        $setOnInsert: {
          ...enrolment,
          status: "active",
          progressSeq: 0,
          ...insertDefaults(now, {}),
        },
        $set: { updatedAt: now },
      },
      { upsert: true },
    );
  await onDuplicateKey(write, async () => undefined);
};

/**
 * Applies a progress batch to the projection in one write by `_id` alone, no read first (the embedded engine
 * scans the collection for any other filter, engine/capabilities.ts, so a `progressSeq` guard cannot go in the
 * filter): the fields are set, and the sequence number the document held before, resolved here, tells whether
 * this batch was new. `$max` keeps the sequence from going back when a batch lands after a later one. Two upserts
 * that race (the API's enrol created the document at the same instant) fail one on the `_id` key: that one
 * updates the winner's document.
 */
export const applyEnrolmentProgress = async (
  models: Collections,
  enrolment: EnrolmentIdentity & { startedAt: Date },
  seq: number,
  set: EnrolmentProgress & { status?: EnrolmentStatus },
): Promise<number> => {
  const now = new Date();
  const write = () =>
    models.enrolments.findOneAndUpdate(
      { _id: enrolment.enrolmentId },
      {
        $set: { ...set, updatedAt: now },
        $max: { progressSeq: seq },
        $setOnInsert: {
          ...enrolment,
          ...(set.status ? {} : { status: "active" }),
          ...insertDefaults(now, set),
        },
      },
      { upsert: true, returnDocument: "before" }, // no projection: the embedded engine does not take one here
    );
  const before = await onDuplicateKey(write, write);
  return before?.progressSeq ?? 0;
};

/** The workflow ids of the active enrolments in a journey, or of any of these profiles (no id twice). */
export const activeEnrolmentWorkflows = async (
  models: Collections,
  of: { journeyId: string } | { profileIds: readonly string[] },
): Promise<string[]> => {
  const filter =
    "journeyId" in of ? { journeyId: of.journeyId } : { profileId: { $in: [...of.profileIds] } };
  const active = await models.enrolments
    .find({ ...filter, status: "active" }, { projection: { workflowId: 1 } })
    .toArray();
  return [...new Set(active.map((e) => String(e.workflowId)))];
};
