import mongoose from "mongoose";
import {
  segmentMembershipRow,
  type MembershipKey,
  type SegmentMembershipModel,
} from "../models/segment-membership.js";

/** A current membership row: its `_id` (deletes by `_id` are lookups on FerretDB) and when the profile entered. */
export type MemberRow = { _id: unknown; enteredAt: Date };

/** The pair's membership rows by profile id, streamed (one collection scan). */
export async function readMembers(
  model: SegmentMembershipModel,
  key: MembershipKey,
): Promise<Map<string, MemberRow>> {
  const members = new Map<string, MemberRow>();
  const rows = model
    .find(key, { _id: 1, profileId: 1, enteredAt: 1 })
    .lean()
    .cursor({ batchSize: 1_000 });
  for await (const row of rows)
    members.set(row.profileId, { _id: row._id, enteredAt: row.enteredAt });
  return members;
}

/**
 * Creates membership rows for profiles not yet in the segment and resolves the profile ids whose row this call
 * created: only those may be enrolled. A row that exists already (written meanwhile by the API's fan-out or by an
 * earlier attempt) fails on the unique (journey, segment, profile) key and is left out.
 *
 * Plain inserts rather than upserts: on FerretDB 1.24 every upsert filter scans the collection, so entering N
 * profiles by upsert costs N scans (quadratic); inserts are checked by the unique index alone.
 */
export async function insertMemberships(
  model: SegmentMembershipModel,
  key: MembershipKey,
  profileIds: readonly string[],
  enteredAt: Date,
): Promise<string[]> {
  if (profileIds.length === 0) return [];
  const docs = profileIds.map((profileId) => segmentMembershipRow(key, profileId, enteredAt));
  try {
    await model.insertMany(docs, { ordered: false, lean: true });
    return [...profileIds];
  } catch (error) {
    if (!(error instanceof mongoose.mongo.MongoBulkWriteError)) throw error;
    const failed = [error.writeErrors].flat();
    if (failed.length === 0 || failed.some((e) => e.code !== 11000)) throw error;
    const taken = new Set(failed.map((e) => e.index));
    return profileIds.filter((_, index) => !taken.has(index));
  }
}
