import { persistently } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import {
  sweepStateId,
  type MembershipKey,
  type SegmentMembershipRecord,
  type SegmentSweepStateRecord,
} from "../models/segment.js";

/** What the sweep remembers of a (journey, segment) pair, or null before its first sweep. */
export const readSweepState = (
  models: Collections,
  key: MembershipKey,
): Promise<Pick<SegmentSweepStateRecord, "_id" | "baselineAt"> | null> =>
  models.segmentSweeps.findOne(
    { _id: sweepStateId(key.journeyId, key.segmentId) },
    { projection: { baselineAt: 1 } },
  );

/** Records a finished sweep of the pair, and the baseline's instant when this sweep recorded one. */
export const recordSweep = async (
  models: Collections,
  key: MembershipKey,
  baselineAsOf: Date | null,
): Promise<void> => {
  await models.segmentSweeps.updateOne(
    { _id: sweepStateId(key.journeyId, key.segmentId) },
    {
      $set: {
        ...key,
        lastSweptAt: new Date(),
        ...(baselineAsOf ? { baselineAt: new Date(), baselineAsOf } : {}),
      },
    },
    { upsert: true },
  );
};

/**
 * Gives back the membership row a sweep wrote at `enteredAt` when enrolling the profile failed, so the retried
 * sweep enrols it (through transient errors: a row left behind would keep the profile out for good).
 */
export const giveBackMembership = (
  models: Collections,
  key: MembershipKey,
  profileId: string,
  enteredAt: Date,
): Promise<unknown> =>
  persistently(() => models.segmentMemberships.deleteOne({ ...key, profileId, enteredAt }));

/**
 * Deletes these membership rows (profiles that left the segment), except any written again since `before`: the
 * fan-out may have re-entered one meanwhile. Resolves how many went.
 */
export const removeMembershipsBefore = async (
  models: Collections,
  rowIds: readonly SegmentMembershipRecord["_id"][],
  before: Date,
): Promise<number> => {
  const res = await models.segmentMemberships.deleteMany({
    _id: { $in: [...rowIds] },
    enteredAt: { $lt: before },
  });
  return res.deletedCount;
};
